import { loadConfig } from '../../../libs/config/config.js';
import { setupTracing } from '../../../libs/telemetry/tracing.js';
import { createApi } from './bootstrap.js';

const config = loadConfig();
setupTracing(config, 'hireflow-api');
const app = await createApi(config);
await app.listen(config.http.port, config.http.host);
console.log(`hireflow API listening on http://${config.http.host}:${config.http.port} (OpenAPI at /docs)`);

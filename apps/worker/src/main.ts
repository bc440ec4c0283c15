import { loadConfig } from '../../../libs/config/config.js';
import { startWorker } from './worker.js';

const config = loadConfig();
const running = await startWorker(config);
console.log(`hireflow worker polling task queue "${config.temporal.taskQueue}"`);
// The SDK's Runtime drains the worker on SIGINT/SIGTERM; run() then resolves and we exit.
await running.done;

import { loadConfig } from '../../../libs/config/config.js';
import { setupTracing } from '../../../libs/telemetry/tracing.js';
import { installRuntime } from './runtime.js';
import { startWorker } from './worker.js';

const config = loadConfig();
installRuntime({ logLevel: config.logLevel, metricsAddress: config.workerMetricsAddress });
const tracing = setupTracing(config, 'hireflow-worker');
const running = await startWorker(config, { tracing });
console.log(
  `hireflow worker polling task queue "${config.temporal.taskQueue}"` +
    (config.workerMetricsAddress ? `; metrics at http://${config.workerMetricsAddress}/metrics` : ''),
);
// The SDK's Runtime drains the worker on SIGINT/SIGTERM; run() then resolves and we exit.
await running.done;

import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { NativeConnection, Worker } from '@temporalio/worker';
import { bareActivities } from './bare.activities.js';

/**
 * The baseline's worker, a process of its own like hireflow's worker, with the SDK's default
 * options: `node bare-worker.js --address <host:port> --namespace <ns> --task-queue <queue>`.
 */
const { values } = parseArgs({
  options: { address: { type: 'string' }, namespace: { type: 'string', default: 'default' }, 'task-queue': { type: 'string' } },
});
const connection = await NativeConnection.connect({ address: values.address! });
const worker = await Worker.create({
  connection,
  namespace: values.namespace,
  taskQueue: values['task-queue']!,
  workflowsPath: fileURLToPath(new URL('./bare-hire.workflows.js', import.meta.url)),
  activities: bareActivities,
});
console.log(`bare worker polling task queue "${values['task-queue']}"`);
// The SDK's runtime drains the worker on SIGTERM; run() then resolves.
await worker.run();
await connection.close();

import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { Client } from '@temporalio/client';
import { connectTemporal } from '../../libs/temporal/connection.js';
import { startDevServer, type DevServer } from '../../libs/temporal/dev-server.js';
import type { BenchConfig } from '../config.js';
import type { DatabaseServer } from './database.js';
import { freePort } from '../../libs/net/free-port.js';
import { startNode, type AppProcess } from './processes.js';

/** The compiled tree (`dist/`), where the production entry points live. */
export const distDir = fileURLToPath(new URL('../..', import.meta.url));

export interface Temporal {
  address: string;
  client: Client;
  /** The dev server's own Prometheus endpoint, when the benchmark started the server. */
  metricsUrl?: string;
  /** The dev server's process, when the benchmark started it. */
  pid?: number;
  stop(): Promise<void>;
}

/** A Temporal dev server of the benchmark's own (in memory, no UI), or TEMPORAL_ADDRESS when set. */
export async function startTemporal(config: BenchConfig): Promise<Temporal> {
  let server: DevServer | undefined;
  let metricsUrl: string | undefined;
  let address = config.temporal.address;
  if (!address) {
    const [port, metricsPort] = [await freePort(), await freePort()];
    server = await startDevServer({ cliPath: config.temporal.cliPath, port, uiPort: port + 1, headless: true, metricsPort });
    address = server.address;
    metricsUrl = `http://127.0.0.1:${metricsPort}/metrics`;
  }
  const connection = await connectTemporal({ address });
  return {
    address,
    client: new Client({ connection, namespace: config.temporal.namespace }),
    metricsUrl,
    pid: server?.pid,
    async stop() {
      await connection.close();
      await server?.stop();
    },
  };
}

export interface AppStack {
  apiUrl: string;
  taskQueue: string;
  databaseUrl: string;
  api: AppProcess;
  worker: AppProcess;
  /** Where the worker serves the Temporal SDK's metrics (cache size, slots, latencies). */
  workerMetricsAddress: string;
  /** Inspector ports of the API and worker, when profiling. */
  inspectPorts?: { api: number; worker: number };
  stop(): Promise<void>;
}

/**
 * The real compiled API and worker (`dist/apps/*`) as separate processes, on a fresh
 * database of their own and a task queue of their own, configured as production would be
 * except for rate limits, which a load test from one address would otherwise hit.
 */
export async function startApps(
  config: BenchConfig,
  database: DatabaseServer,
  temporal: Temporal,
  label: string,
  env: Record<string, string> = {},
): Promise<AppStack> {
  const db = await database.create(label);
  const [port, workerMetricsPort] = [await freePort(), await freePort()];
  const inspectPorts = config.profile ? { api: await freePort(), worker: await freePort() } : undefined;
  const taskQueue = `hireflow-bench-${label}-${randomBytes(3).toString('hex')}`;
  const appEnv: NodeJS.ProcessEnv = {
    ...config.inherited,
    NODE_ENV: 'production',
    HOST: '127.0.0.1',
    PORT: String(port),
    LOG_LEVEL: 'warn',
    DATABASE_URL: db.url,
    TEMPORAL_ADDRESS: temporal.address,
    TEMPORAL_NAMESPACE: config.temporal.namespace,
    TEMPORAL_TASK_QUEUE: taskQueue,
    JWT_SECRET: randomBytes(24).toString('hex'),
    RATE_LIMIT_WRITES_PER_MINUTE: '100000000',
    RATE_LIMIT_SIGNUPS_PER_MINUTE: '100000000',
    WORKER_METRICS_ADDRESS: `127.0.0.1:${workerMetricsPort}`,
    TRACING_EXPORTER: 'off',
    ...env,
  };
  const inspect = (inspectPort?: number) => (inspectPort ? [`--inspect=127.0.0.1:${inspectPort}`] : []);
  const worker = startNode('worker', `${distDir}/apps/worker/src/main.js`, appEnv, inspect(inspectPorts?.worker));
  await worker.waitForLine(/hireflow worker polling/, 180_000);
  const api = startNode('api', `${distDir}/apps/api/src/main.js`, appEnv, inspect(inspectPorts?.api));
  await api.waitForLine(/hireflow API listening/, 120_000);
  const apiUrl = `http://127.0.0.1:${port}`;
  return {
    apiUrl,
    taskQueue,
    databaseUrl: db.url,
    api,
    worker,
    workerMetricsAddress: `127.0.0.1:${workerMetricsPort}`,
    inspectPorts,
    async stop() {
      await api.stop();
      await worker.stop();
      await database.drop(db.name);
    },
  };
}

/** The baseline's worker (bench/baseline/bare-worker.ts) as a process of its own, like hireflow's. */
export async function startBareWorker(config: BenchConfig, temporal: Temporal): Promise<{ worker: AppProcess; taskQueue: string }> {
  const taskQueue = `bare-bench-${randomBytes(3).toString('hex')}`;
  const worker = startNode('bare worker', `${distDir}/bench/baseline/bare-worker.js`, { ...config.inherited }, [], [
    '--address',
    temporal.address,
    '--namespace',
    config.temporal.namespace,
    '--task-queue',
    taskQueue,
  ]);
  await worker.waitForLine(/bare worker polling/, 180_000);
  return { worker, taskQueue };
}

import { randomBytes } from 'node:crypto';
import { Client } from '@temporalio/client';
import { connectTemporal } from '../../libs/temporal/connection.js';
import { MikroORM } from '@mikro-orm/postgresql';
import { loadConfig, type AppConfig } from '../../libs/config/config.js';
import { createOrm } from '../../libs/db/orm.js';
import type { INestApplication } from '@nestjs/common';
import { createApi } from '../../apps/api/src/bootstrap.js';
import { installRuntime } from '../../apps/worker/src/runtime.js';
import { startWorker, type RunningWorker, type WorkerOverrides } from '../../apps/worker/src/worker.js';
import { adminDatabaseUrl, cloneDatabase, databaseUrl, dropDatabase } from './databases.js';
import { HttpClient } from './http.js';
import { freePort } from '../../libs/net/free-port.js';

// One Temporal runtime per process: warnings and errors only, and the SDK's worker metrics on a free port.
const candidateMetricsAddress = `127.0.0.1:${await freePort()}`;
try {
  installRuntime({ logLevel: 'warn', metricsAddress: candidateMetricsAddress });
  process.env.HIREFLOW_TEST_WORKER_METRICS = candidateMetricsAddress;
} catch {
  // Already installed by an earlier test file in this process: its metrics address stands.
}

export interface Stack {
  config: AppConfig;
  http: HttpClient;
  temporal: Client;
  orm: MikroORM;
  worker: RunningWorker;
  /** The running Nest HTTP application. */
  api: INestApplication;
  /** Where this process's Temporal runtime serves worker metrics for Prometheus. */
  workerMetricsUrl: string;
  /** Stops the worker and starts a fresh one: the crash-and-recover path. */
  restartWorker(): Promise<void>;
  /**
   * Closes the API and builds a new one with the same configuration on the same port, so
   * socket clients reconnect on their own; `whileDown` runs in between.
   */
  restartApi(whileDown?: () => Promise<void>): Promise<void>;
  close(): Promise<void>;
}

export interface StackOptions {
  /** Passed to every worker the stack starts (e.g. tracing with its own bundle). */
  worker?: Omit<WorkerOverrides, 'taskQueue'>;
}

/**
 * A whole hireflow for one test file: a fresh database cloned from the migrated template,
 * a worker on its own task queue against the shared Temporal dev server, and the API on a
 * free port. `env` overrides configuration, e.g. short timers.
 */
export async function startStack(env: Record<string, string> = {}, options: StackOptions = {}): Promise<Stack> {
  const admin = adminDatabaseUrl();
  const dbName = await cloneDatabase(admin, process.env.HIREFLOW_TEST_TEMPLATE_DB!);
  const config = loadConfig({
    NODE_ENV: 'test',
    DATABASE_URL: databaseUrl(admin, dbName),
    DATABASE_POOL_MAX: '5',
    TEMPORAL_ADDRESS: process.env.HIREFLOW_TEST_TEMPORAL_ADDRESS,
    TEMPORAL_TASK_QUEUE: `hireflow-test-${randomBytes(4).toString('hex')}`,
    JWT_SECRET: randomBytes(24).toString('hex'),
    CONNECTS_SIGNUP_GRANT: '0',
    LOG_LEVEL: 'warn',
    // Test files create many accounts from one address; the rate-limit test lowers these.
    RATE_LIMIT_WRITES_PER_MINUTE: '100000',
    RATE_LIMIT_SIGNUPS_PER_MINUTE: '100000',
    // The reminder sweep is a scheduled workflow on this task queue; it runs only where a test asks for it,
    // so tests that count the queue's workflows see none they did not start.
    MESSAGE_REMINDER_SWEEP_EVERY: '3650d',
    ...env,
  });
  const workerOverrides = { workflowBundle: { codePath: process.env.HIREFLOW_TEST_WORKFLOW_BUNDLE! }, ...options.worker };
  let worker = await startWorker(config, workerOverrides);
  let api = await createApi(config);
  await api.listen(0, '127.0.0.1');
  const url = await api.getUrl();
  const connection = await connectTemporal({ address: config.temporal.address! });
  const temporal = new Client({ connection, namespace: config.temporal.namespace });
  const orm = await createOrm({ url: config.database.url!, poolMax: 2 });

  return {
    config,
    http: new HttpClient(url.replace('[::1]', '127.0.0.1')),
    temporal,
    orm,
    get api() {
      return api;
    },
    workerMetricsUrl: `http://${process.env.HIREFLOW_TEST_WORKER_METRICS}/metrics`,
    get worker() {
      return worker;
    },
    async restartWorker() {
      await worker.shutdown();
      worker = await startWorker(config, workerOverrides);
    },
    async restartApi(whileDown) {
      await api.close();
      await whileDown?.();
      api = await createApi(config);
      await api.listen(Number(new URL(url.replace('[::1]', '127.0.0.1')).port), '127.0.0.1');
    },
    async close() {
      await api.close();
      await worker.shutdown();
      await connection.close();
      await orm.close();
      await dropDatabase(admin, dbName);
    },
  };
}

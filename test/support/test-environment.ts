import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundleWorkflowCode } from '@temporalio/worker';
import { startDevServer, type DevServer } from '../../libs/temporal/dev-server.js';
import { startEmbeddedPostgres, type EmbeddedDatabase } from '../../scripts/embedded-postgres.js';
import { adminDatabaseUrl, canConnect, dropDatabase, prepareTemplateDatabase } from './databases.js';
import { freePort } from '../../libs/net/free-port.js';

let temporal: DevServer | undefined;
let embedded: EmbeddedDatabase | undefined;

/** The local PostgreSQL (or TEST_DATABASE_URL); an embedded one from npm when neither answers. */
async function ensurePostgres(dir: string): Promise<void> {
  if (await canConnect(adminDatabaseUrl())) return;
  if (process.env.TEST_DATABASE_URL) throw new Error(`TEST_DATABASE_URL does not answer: ${process.env.TEST_DATABASE_URL}`);
  embedded = await startEmbeddedPostgres(join(dir, 'postgres'), await freePort());
  const url = new URL(embedded.url);
  url.pathname = '/postgres';
  process.env.TEST_DATABASE_URL = url.toString();
}

/**
 * Once per test run: one Temporal dev server, one migrated template database that each test
 * file clones, and one workflow bundle every test file's worker reuses.
 */
export async function setup(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'hireflow-test-'));
  const port = await freePort();
  await ensurePostgres(dir);
  const [server, template, bundle] = await Promise.all([
    startDevServer({ cliPath: process.env.TEMPORAL_CLI_PATH, port, uiPort: port + 1, headless: true }),
    prepareTemplateDatabase(adminDatabaseUrl()),
    bundleWorkflowCode({
      workflowsPath: fileURLToPath(new URL('../../workflows/index.ts', import.meta.url)),
      logger: { log() {}, info() {}, debug() {}, trace() {}, warn: console.warn, error: console.error },
    }),
  ]);
  temporal = server;
  const bundlePath = join(dir, 'workflow-bundle.js');
  writeFileSync(bundlePath, bundle.code);
  process.env.HIREFLOW_TEST_TEMPORAL_ADDRESS = server.address;
  process.env.HIREFLOW_TEST_TEMPLATE_DB = template;
  process.env.HIREFLOW_TEST_WORKFLOW_BUNDLE = bundlePath;
}

export async function teardown(): Promise<void> {
  await temporal?.stop();
  if (process.env.HIREFLOW_TEST_TEMPLATE_DB) await dropDatabase(adminDatabaseUrl(), process.env.HIREFLOW_TEST_TEMPLATE_DB);
  await embedded?.stop();
}

import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundleWorkflowCode } from '@temporalio/worker';
import { startDevServer, type DevServer } from '../../libs/temporal/dev-server.js';
import { adminDatabaseUrl, dropDatabase, prepareTemplateDatabase } from './databases.js';
import { freePort } from './ports.js';

let temporal: DevServer | undefined;

/**
 * Once per test run: one Temporal dev server, one migrated template database that each test
 * file clones, and one workflow bundle every test file's worker reuses.
 */
export async function setup(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'hireflow-test-'));
  const port = await freePort();
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
}

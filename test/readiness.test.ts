import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { chmodSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { migrate } from '../libs/db/orm.js';
import { startEmbeddedPostgres, type EmbeddedDatabase } from '../scripts/embedded-postgres.js';
import { startStack, type Stack } from './support/harness.js';
import { eventually } from './support/http.js';
import { freePort } from '../libs/net/free-port.js';

/** Stops a PostgreSQL of this test's own (never the shared one) and watches readiness follow it. */
describe('readiness follows PostgreSQL', () => {
  const parent = mkdtempSync(join(tmpdir(), 'hireflow-readiness-'));
  // PostgreSQL runs as its own system user when the tests run as root; it must reach the folder.
  chmodSync(parent, 0o755);
  const dir = join(parent, 'postgres');
  let port: number;
  let database: EmbeddedDatabase;
  let stack: Stack;

  beforeAll(async () => {
    port = await freePort();
    database = await startEmbeddedPostgres(dir, port);
    await migrate({ url: database.url });
    stack = await startStack({ DATABASE_URL: database.url });
  }, 120_000);
  afterAll(async () => {
    await stack?.close();
    await database?.stop();
  });

  it('is ready, then 503 while PostgreSQL is down (liveness stays up), then ready again', async () => {
    expect((await stack.http.get('/health/ready')).status).toBe(200);

    await database.stop();
    const down = await eventually(() => stack.http.get('/health/ready'), (res) => res.status === 503);
    expect(down.body).toEqual({ status: 'degraded', postgres: 'down', temporal: 'up' });
    expect((await stack.http.get('/health/live')).status).toBe(200);

    database = await startEmbeddedPostgres(dir, port);
    const up = await eventually(() => stack.http.get('/health/ready'), (res) => res.status === 200, 30_000);
    expect(up.body).toEqual({ status: 'ok', postgres: 'up', temporal: 'up' });
  }, 90_000);
});

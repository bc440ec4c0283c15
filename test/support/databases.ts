import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { migrate } from '../../libs/db/orm.js';

/** Where tests create their databases: TEST_DATABASE_URL, else the local PostgreSQL. */
export function adminDatabaseUrl(): string {
  return process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
}

export function databaseUrl(adminUrl: string, name: string): string {
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

async function admin<T>(adminUrl: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

export async function canConnect(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2_000 });
  try {
    await client.connect();
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

/** A migrated database that every test file clones with CREATE DATABASE … TEMPLATE. */
export async function prepareTemplateDatabase(adminUrl: string): Promise<string> {
  const name = `hireflow_template_${randomBytes(4).toString('hex')}`;
  await admin(adminUrl, (c) => c.query(`create database "${name}"`));
  await migrate({ url: databaseUrl(adminUrl, name), poolMax: 2 });
  return name;
}

export async function cloneDatabase(adminUrl: string, template: string): Promise<string> {
  const name = `hireflow_test_${randomBytes(6).toString('hex')}`;
  await admin(adminUrl, (c) => c.query(`create database "${name}" template "${template}"`));
  return name;
}

export async function dropDatabase(adminUrl: string, name: string): Promise<void> {
  await admin(adminUrl, (c) => c.query(`drop database if exists "${name}" with (force)`));
}

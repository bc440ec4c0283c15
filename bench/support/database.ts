import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { migrate } from '../../libs/db/orm.js';
import { startEmbeddedPostgres, type EmbeddedDatabase } from '../../scripts/embedded-postgres.js';
import { freePort } from '../../libs/net/free-port.js';

/**
 * The PostgreSQL server benchmark runs create their databases on: DATABASE_URL's server when
 * given, else an embedded one in a temporary directory, started once per benchmark process.
 * Each run gets a fresh, migrated database of its own and drops it afterwards.
 */
export class DatabaseServer {
  private constructor(
    private readonly adminUrl: string,
    private readonly embedded?: EmbeddedDatabase,
    private readonly dataDir?: string,
  ) {}

  static async start(url?: string): Promise<DatabaseServer> {
    if (url) return new DatabaseServer(url);
    const dataDir = mkdtempSync(join(tmpdir(), 'hireflow-bench-pg-'));
    const embedded = await startEmbeddedPostgres(dataDir, await freePort());
    return new DatabaseServer(embedded.url, embedded, dataDir);
  }

  get kind(): 'embedded' | 'external' {
    return this.embedded ? 'embedded' : 'external';
  }

  get url(): string {
    return this.adminUrl;
  }

  /** The embedded server's postmaster, whose process tree is the database's CPU. */
  postmasterPid(): number | undefined {
    if (!this.dataDir) return undefined;
    try {
      return Number(readFileSync(join(this.dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
    } catch {
      return undefined;
    }
  }

  async create(label: string): Promise<{ name: string; url: string }> {
    const name = `hireflow_bench_${label}_${randomBytes(4).toString('hex')}`;
    await this.admin((c) => c.query(`create database "${name}"`));
    const url = this.urlOf(name);
    await migrate({ url, poolMax: 2 });
    return { name, url };
  }

  async drop(name: string): Promise<void> {
    await this.admin((c) => c.query(`drop database if exists "${name}" with (force)`));
  }

  async stop(): Promise<void> {
    await this.embedded?.stop();
    if (this.dataDir) rmSync(this.dataDir, { recursive: true, force: true });
  }

  private urlOf(name: string): string {
    const url = new URL(this.adminUrl);
    url.pathname = `/${name}`;
    return url.toString();
  }

  private async admin<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
    const client = new pg.Client({ connectionString: this.adminUrl });
    await client.connect();
    try {
      return await fn(client);
    } finally {
      await client.end();
    }
  }
}

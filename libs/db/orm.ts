import { MikroORM, type Options } from '@mikro-orm/postgresql';
import { Migrator } from '@mikro-orm/migrations';
import { ENTITIES } from './entities/index.js';
import { MIGRATIONS } from './migrations/index.js';
import { releaseOrphanedClients } from './pool-leaks.js';

export interface DatabaseOptions {
  url: string;
  poolMax?: number;
  debug?: boolean;
  /** How long a query waits for a connection from the pool (or for a new one); unbounded when unset. */
  connectTimeoutMs?: number;
  /** The server cancels a statement, or its wait for a lock, after this; unbounded when unset. */
  statementTimeoutMs?: number;
}

/**
 * Bounded waits: with PostgreSQL away or a row lock held too long, a query fails within
 * `connectTimeoutMs` + `statementTimeoutMs` (the API answers 503, an activity is retried)
 * instead of holding a pooled connection, and with it every request behind it, indefinitely.
 */
function timeouts({ connectTimeoutMs, statementTimeoutMs }: DatabaseOptions) {
  return {
    ...(connectTimeoutMs ? { connectionTimeoutMillis: connectTimeoutMs } : {}),
    // The server cancels first; the client-side limit covers a server that stopped answering altogether.
    ...(statementTimeoutMs ? { statement_timeout: statementTimeoutMs, query_timeout: statementTimeoutMs + 5_000 } : {}),
  };
}

export function ormOptions(options: DatabaseOptions): Options {
  const { url, poolMax = 10, debug = false } = options;
  return {
    clientUrl: url,
    entities: ENTITIES,
    extensions: [Migrator],
    pool: { max: poolMax },
    driverOptions: { ...timeouts(options), onPoolCreated: releaseOrphanedClients },
    debug,
    // Entities are defined with defineEntity; nothing to discover from the file system.
    discovery: { warnWhenNoEntities: true },
    migrations: { migrationsList: MIGRATIONS, transactional: true, allOrNothing: true, snapshot: false },
    allowGlobalContext: false,
  };
}

export function createOrm(options: DatabaseOptions): Promise<MikroORM> {
  return MikroORM.init(ormOptions(options));
}

/** Applies pending migrations; run as its own step, never from module init. A migration may take its time. */
export async function migrate(options: DatabaseOptions): Promise<string[]> {
  const orm = await createOrm({ ...options, statementTimeoutMs: undefined });
  try {
    const applied = await orm.migrator.up();
    return applied.map((m) => m.name);
  } finally {
    await orm.close(true);
  }
}

import { MikroORM, type Options } from '@mikro-orm/postgresql';
import { Migrator } from '@mikro-orm/migrations';
import { ENTITIES } from './entities/index.js';
import { MIGRATIONS } from './migrations/index.js';

export interface DatabaseOptions {
  url: string;
  poolMax?: number;
  debug?: boolean;
}

export function ormOptions({ url, poolMax = 10, debug = false }: DatabaseOptions): Options {
  return {
    clientUrl: url,
    entities: ENTITIES,
    extensions: [Migrator],
    pool: { max: poolMax },
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

/** Applies pending migrations; run as its own step, never from module init. */
export async function migrate(options: DatabaseOptions): Promise<string[]> {
  const orm = await createOrm(options);
  try {
    const applied = await orm.migrator.up();
    return applied.map((m) => m.name);
  } finally {
    await orm.close(true);
  }
}

import { embeddedDatabaseUrl, loadConfig } from '../libs/config/config.js';
import { migrate } from '../libs/db/orm.js';

/** `npm run db:migrate`: applies pending migrations to DATABASE_URL (or the embedded database). */
const config = loadConfig();
const applied = await migrate({ url: config.database.url ?? embeddedDatabaseUrl(config) });
console.log(applied.length ? `applied ${applied.join(', ')}` : 'database is up to date');

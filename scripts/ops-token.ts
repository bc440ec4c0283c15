import { parseArgs } from 'node:util';
import { embeddedDatabaseUrl, loadConfig } from '../libs/config/config.js';
import { createOrm } from '../libs/db/orm.js';
import { AccountsRepository } from '../libs/db/repositories/accounts.repository.js';
import { TokenService } from '../apps/api/src/common/auth.js';

/**
 * `npm run ops:token -- --name "Dana (support)"`: creates an operations account and prints a
 * bearer token for it. Ops accounts cannot be created over the API.
 */
const { values } = parseArgs({ options: { name: { type: 'string', default: 'operations' } } });
const config = loadConfig();
if (config.auth.mode !== 'local') {
  console.error('AUTH_MODE is not local: ops tokens come from your identity provider (role "ops").');
  process.exit(2);
}
const orm = await createOrm({ url: config.database.url ?? embeddedDatabaseUrl(config), poolMax: 1 });
try {
  const account = await new AccountsRepository(orm).create({ role: 'ops', displayName: values.name! });
  const token = await new TokenService(config).sign({ accountId: account.id, role: 'ops' });
  console.log(token);
} finally {
  await orm.close();
}

import { TokenService } from '../../apps/api/src/common/auth.js';
import type { AccountRole } from '../../libs/db/entities/account.entity.js';
import { AccountsRepository } from '../../libs/db/repositories/accounts.repository.js';
import type { Stack } from './harness.js';

/**
 * An account written straight to the database with a token signed as the API signs them:
 * for ops accounts (never self-registered) and for tests that must not spend a rate limit.
 */
export async function seedAccount<R extends AccountRole>(stack: Stack, role: R, displayName = `${role} (seeded)`) {
  const account = await new AccountsRepository(stack.orm).create({ role, displayName });
  const token = await new TokenService(stack.config).sign({ accountId: account.id, role });
  return { id: account.id, token, role: role as R };
}

import { randomUUID } from 'node:crypto';
import type { MikroORM } from '@mikro-orm/postgresql';
import { NotFoundError } from '../../domain/errors.js';
import { Account, type AccountRole } from '../entities/account.entity.js';

export class AccountsRepository {
  constructor(private readonly orm: MikroORM) {}

  async create(input: { role: AccountRole; displayName: string; skills?: string[] }): Promise<Account> {
    const em = this.orm.em.fork();
    const account = em.create(Account, {
      id: randomUUID(),
      role: input.role,
      displayName: input.displayName,
      skills: input.skills ?? [],
      connectsBalance: 0,
      createdAt: new Date(),
    });
    await em.flush();
    return account;
  }

  /** Creates the account with this id unless it exists (accounts from an identity provider). */
  async ensure(input: { id: string; role: AccountRole; displayName: string }): Promise<void> {
    await this.orm.em
      .fork()
      .execute(`insert into accounts (id, role, display_name, skills) values (?, ?, ?, '[]') on conflict (id) do nothing`, [
        input.id,
        input.role,
        input.displayName,
      ]);
  }

  async get(id: string): Promise<Account> {
    const account = await this.orm.em.fork().findOne(Account, { id });
    if (!account) throw new NotFoundError('account', id);
    return account;
  }

  /** Freelancer ids in pages, for the monthly Connects grant. */
  async freelancerIdsAfter(afterId: string | null, limit: number): Promise<string[]> {
    const rows = await this.orm.em
      .fork()
      .find(Account, { role: 'freelancer', ...(afterId ? { id: { $gt: afterId } } : {}) }, { orderBy: { id: 'asc' }, limit, fields: ['id'] });
    return rows.map((row) => row.id);
  }
}

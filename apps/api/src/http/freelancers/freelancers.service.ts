import { Injectable } from '@nestjs/common';
import type { Account } from '../../../../../libs/db/entities/account.entity.js';
import { AccountsRepository, InvitationsRepository } from '../../../../../libs/db/repositories/index.js';
import { NotFoundError } from '../../../../../libs/domain/errors.js';
import { METRICS_WINDOW_MS, responseMetrics } from '../../../../../libs/domain/invitation-metrics.js';

/** The account, if it is a freelancer's; any other account is, to this question, not found. */
export async function getFreelancer(accounts: AccountsRepository, id: string): Promise<Account> {
  const account = await accounts.get(id).catch((error: unknown) => {
    if (error instanceof NotFoundError) return null;
    throw error;
  });
  if (account?.role !== 'freelancer') throw new NotFoundError('freelancer', id);
  return account;
}

/** A freelancer's public profile, with how they answer invitations. */
@Injectable()
export class FreelancersService {
  constructor(
    private readonly accounts: AccountsRepository,
    private readonly invitations: InvitationsRepository,
  ) {}

  async profile(id: string) {
    const account = await getFreelancer(this.accounts, id);
    const now = new Date();
    const history = await this.invitations.responseHistory(id, new Date(now.getTime() - METRICS_WINDOW_MS));
    const { responseRate, responseTime } = responseMetrics(history, now);
    return { id: account.id, displayName: account.displayName, skills: account.skills, responseRate, responseTime };
  }
}

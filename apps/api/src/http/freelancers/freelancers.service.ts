import { Injectable } from '@nestjs/common';
import { AccountsRepository, InvitationsRepository } from '../../../../../libs/db/repositories/index.js';
import { NotFoundError } from '../../../../../libs/domain/errors.js';
import { METRICS_WINDOW_MS, responseMetrics } from '../../../../../libs/domain/invitation-metrics.js';

/** A freelancer's public profile, with how they answer invitations. */
@Injectable()
export class FreelancersService {
  constructor(
    private readonly accounts: AccountsRepository,
    private readonly invitations: InvitationsRepository,
  ) {}

  async profile(id: string) {
    const account = await this.accounts.get(id).catch(() => null);
    if (account?.role !== 'freelancer') throw new NotFoundError('freelancer', id);
    const now = new Date();
    const history = await this.invitations.responseHistory(id, new Date(now.getTime() - METRICS_WINDOW_MS));
    const { responseRate, responseTime } = responseMetrics(history, now);
    return { id: account.id, displayName: account.displayName, skills: account.skills, responseRate, responseTime };
  }
}

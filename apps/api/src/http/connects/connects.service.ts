import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { AppConfig } from '../../../../../libs/config/config.js';
import type { LedgerEntry } from '../../../../../libs/db/entities/ledger-entry.entity.js';
import { ConnectsLedgerRepository } from '../../../../../libs/db/repositories/index.js';
import { RuleViolationError } from '../../../../../libs/domain/errors.js';
import type { AuthContext } from '../../common/auth.js';
import { APP_CONFIG } from '../../core/tokens.js';

export const presentEntry = (e: LedgerEntry) => ({
  id: e.id,
  kind: e.kind,
  amount: e.amount,
  balanceAfter: e.balanceAfter,
  reason: e.reason,
  jobId: e.jobId,
  proposalId: e.proposalId,
  createdAt: e.createdAt,
});

@Injectable()
export class ConnectsService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly ledger: ConnectsLedgerRepository,
  ) {}

  async purchase(auth: AuthContext, quantity: number, idempotencyKey?: string) {
    if (quantity > this.config.connects.maxPurchase) {
      throw new RuleViolationError(`at most ${this.config.connects.maxPurchase} Connects can be bought at once`);
    }
    const entry = await this.ledger.credit('purchase', {
      accountId: auth.accountId,
      amount: quantity,
      idempotencyKey: `purchase:${auth.accountId}:${idempotencyKey ?? randomUUID()}`,
      reason: `purchase of ${quantity} Connects`,
    });
    return { balance: entry.balanceAfter, entry: presentEntry(entry) };
  }

  async statement(auth: AuthContext) {
    const { balance, entries } = await this.ledger.statement(auth.accountId);
    return { balance, entries: entries.map(presentEntry) };
  }
}

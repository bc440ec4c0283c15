import { randomUUID } from 'node:crypto';
import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import { InsufficientConnectsError, JobNotOpenError, NotFoundError, ValidationError } from '../../domain/errors.js';
import { LedgerEntry, type LedgerKind } from '../entities/ledger-entry.entity.js';

export interface LedgerWrite {
  accountId: string;
  amount: number;
  idempotencyKey: string;
  reason: string;
  jobId?: string;
  proposalId?: string;
}

export const chargeKey = (proposalWorkflowId: string) => `charge:${proposalWorkflowId}`;
export const refundKey = (proposalWorkflowId: string) => `refund:${proposalWorkflowId}`;
/** One monthly grant per freelancer per month (`yyyy-mm`), however often the grant runs. */
export const monthlyGrantKey = (month: string, accountId: string) => `grant:${month}:${accountId}`;

/**
 * The Connects ledger. Every movement is an append-only row with a unique idempotency key,
 * and the balance column moves in the same transaction through a conditional UPDATE, so
 * concurrent charges can never overspend and a retried write never counts twice.
 */
export class ConnectsLedgerRepository {
  constructor(private readonly orm: MikroORM) {}

  /** Purchases and grants add Connects. A repeated key returns the first entry. */
  credit(kind: Extract<LedgerKind, 'grant' | 'purchase'>, write: LedgerWrite): Promise<LedgerEntry> {
    if (write.amount <= 0) throw new ValidationError('amount must be positive', { field: 'quantity' });
    return this.orm.em.fork().transactional(async (em) => {
      const existing = await em.findOne(LedgerEntry, { idempotencyKey: write.idempotencyKey });
      if (existing) return existing;
      const balance = await this.moveBalance(em, write.accountId, write.amount);
      return this.append(em, kind, write, write.amount, balance);
    });
  }

  /**
   * The monthly grant for one batch of freelancers, in one transaction. Accounts already granted
   * this month are skipped, so a retried or repeated run grants nothing twice. Answers how many
   * accounts were granted now.
   */
  grantMonthly(month: string, amount: number, accountIds: string[]): Promise<number> {
    if (amount <= 0 || accountIds.length === 0) return Promise.resolve(0);
    return this.orm.em.fork().transactional(async (em) => {
      const keys = accountIds.map((id) => monthlyGrantKey(month, id));
      const done = new Set((await em.find(LedgerEntry, { idempotencyKey: { $in: keys } }, { fields: ['accountId'] })).map((e) => e.accountId));
      let granted = 0;
      for (const accountId of accountIds.filter((id) => !done.has(id))) {
        const balance = await this.moveBalance(em, accountId, amount);
        const write = { accountId, amount, idempotencyKey: monthlyGrantKey(month, accountId), reason: `monthly grant of ${amount} Connects for ${month}` };
        await this.append(em, 'grant', write, amount, balance);
        granted += 1;
      }
      return granted;
    });
  }

  /**
   * Charges Connects for submitting a proposal. Refuses when the job is no longer open or
   * the balance is short; the job row is share-locked so a concurrent cancellation waits
   * for this charge and then refunds it.
   */
  charge(write: LedgerWrite & { jobId: string }): Promise<LedgerEntry> {
    return this.orm.em.fork().transactional(async (em) => {
      const existing = await em.findOne(LedgerEntry, { idempotencyKey: write.idempotencyKey });
      if (existing) return existing;
      const [job] = await em.execute<{ status: string }[]>('select status from jobs where id = ? for share', [
        write.jobId,
      ]);
      if (!job) throw new NotFoundError('job', write.jobId);
      if (job.status !== 'open') throw new JobNotOpenError(write.jobId, job.status);
      const balance = await this.moveBalance(em, write.accountId, -write.amount);
      return this.append(em, 'charge', write, -write.amount, balance);
    });
  }

  /** Refunds the charge recorded under `chargeIdempotencyKey`, once. Nothing charged, nothing refunded. */
  refund(write: Omit<LedgerWrite, 'amount'> & { chargeIdempotencyKey: string }): Promise<LedgerEntry | null> {
    return this.orm.em.fork().transactional(async (em) => {
      const existing = await em.findOne(LedgerEntry, { idempotencyKey: write.idempotencyKey });
      if (existing) return existing;
      const charge = await em.findOne(LedgerEntry, { idempotencyKey: write.chargeIdempotencyKey });
      if (!charge || charge.amount === 0) return null;
      const amount = -charge.amount;
      const balance = await this.moveBalance(em, charge.accountId, amount);
      return this.append(em, 'refund', { ...write, accountId: charge.accountId, amount }, amount, balance);
    });
  }

  async statement(accountId: string, limit = 100): Promise<{ balance: number; entries: LedgerEntry[] }> {
    const em = this.orm.em.fork();
    const [row] = await em.execute<{ connects_balance: number }[]>(
      'select connects_balance from accounts where id = ?',
      [accountId],
    );
    if (!row) throw new NotFoundError('account', accountId);
    const entries = await em.find(LedgerEntry, { accountId }, { orderBy: { createdAt: 'desc', id: 'desc' }, limit });
    return { balance: row.connects_balance, entries };
  }

  private async moveBalance(em: EntityManager, accountId: string, delta: number): Promise<number> {
    const rows = await em.execute<{ connects_balance: number }[]>(
      'update accounts set connects_balance = connects_balance + ? where id = ? and connects_balance + ? >= 0 returning connects_balance',
      [delta, accountId, delta],
    );
    if (rows.length === 1) return rows[0]!.connects_balance;
    const [account] = await em.execute<{ connects_balance: number }[]>(
      'select connects_balance from accounts where id = ?',
      [accountId],
    );
    if (!account) throw new NotFoundError('account', accountId);
    throw new InsufficientConnectsError(-delta, account.connects_balance);
  }

  private async append(
    em: EntityManager,
    kind: LedgerKind,
    write: LedgerWrite,
    amount: number,
    balanceAfter: number,
  ): Promise<LedgerEntry> {
    const entry = em.create(LedgerEntry, {
      id: randomUUID(),
      accountId: write.accountId,
      kind,
      amount,
      balanceAfter,
      reason: write.reason,
      idempotencyKey: write.idempotencyKey,
      jobId: write.jobId ?? null,
      proposalId: write.proposalId ?? null,
      createdAt: new Date(),
    });
    await em.flush();
    return entry;
  }
}

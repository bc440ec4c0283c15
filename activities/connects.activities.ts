import type { AccountsRepository } from '../libs/db/repositories/accounts.repository.js';
import { chargeKey, refundKey, type ConnectsLedgerRepository } from '../libs/db/repositories/connects-ledger.repository.js';

export interface ChargeInput {
  proposalWorkflowId: string;
  proposalId: string;
  jobId: string;
  jobTitle: string;
  freelancerId: string;
  amount: number;
}

export function connectsActivities(ledger: ConnectsLedgerRepository, accounts: AccountsRepository) {
  return {
    /**
     * One batch of the monthly grant: the freelancers after `afterId` in id order. The grant
     * workflow calls this until `done`, so its history grows per batch, never per freelancer.
     */
    async grantMonthlyConnects(input: {
      month: string;
      amount: number;
      afterId: string | null;
      limit: number;
    }): Promise<{ granted: number; lastId: string | null; done: boolean }> {
      const ids = await accounts.freelancerIdsAfter(input.afterId, input.limit);
      const granted = await ledger.grantMonthly(input.month, input.amount, ids);
      return { granted, lastId: ids.at(-1) ?? input.afterId, done: ids.length < input.limit };
    },

    /** Idempotent per proposal: the ledger key is derived from the workflow id. */
    async chargeConnects(input: ChargeInput): Promise<{ charged: number; balance: number }> {
      const entry = await ledger.charge({
        accountId: input.freelancerId,
        amount: input.amount,
        idempotencyKey: chargeKey(input.proposalWorkflowId),
        reason: `charge for proposal ${input.proposalId} to "${input.jobTitle}"`,
        jobId: input.jobId,
        proposalId: input.proposalId,
      });
      return { charged: -entry.amount, balance: entry.balanceAfter };
    },

    /** Refunds whatever the proposal was charged, exactly once. */
    async refundConnects(input: Omit<ChargeInput, 'amount'>): Promise<{ refunded: number }> {
      const entry = await ledger.refund({
        accountId: input.freelancerId,
        idempotencyKey: refundKey(input.proposalWorkflowId),
        chargeIdempotencyKey: chargeKey(input.proposalWorkflowId),
        reason: `refund for cancelled job "${input.jobTitle}" (proposal ${input.proposalId})`,
        jobId: input.jobId,
        proposalId: input.proposalId,
      });
      return { refunded: entry?.amount ?? 0 };
    },
  };
}

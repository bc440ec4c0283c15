import { chargeKey, refundKey, type ConnectsLedgerRepository } from '../libs/db/repositories/connects-ledger.repository.js';

export interface ChargeInput {
  proposalWorkflowId: string;
  proposalId: string;
  jobId: string;
  jobTitle: string;
  freelancerId: string;
  amount: number;
}

export function connectsActivities(ledger: ConnectsLedgerRepository) {
  return {
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

import type { Client } from '@temporalio/client';
import type { ContractsRepository } from '../libs/db/repositories/contracts.repository.js';
import type { ProposalsRepository } from '../libs/db/repositories/proposals.repository.js';
import { jobClosedSignal } from '../workflows/messages.js';
import type { JobCloseReason, OfferTerms } from '../workflows/proposal.types.js';

export function hiringActivities(deps: { contracts: ContractsRepository; proposals: ProposalsRepository; temporal: Client }) {
  return {
    async startContract(input: {
      proposalId: string;
      offerId: string;
      jobId: string;
      clientId: string;
      freelancerId: string;
      terms: OfferTerms;
    }): Promise<{ contractId: string }> {
      const contract = await deps.contracts.startForProposal(input);
      return { contractId: contract.id };
    },

    /**
     * Tells one batch of a job's open proposals that the job closed. The job workflow calls
     * this until `done`, so its own history grows per batch, never per proposal. Signals are
     * idempotent in effect: a proposal that already closed ignores a second notice.
     */
    async closeOpenProposals(input: {
      jobId: string;
      reason: JobCloseReason;
      afterId: string | null;
      limit: number;
    }): Promise<{ signalled: number; lastId: string | null; done: boolean }> {
      const batch = await deps.proposals.openIdsForJob(input.jobId, input.afterId, input.limit);
      await Promise.all(
        batch.map(async ({ workflowId }) => {
          try {
            await deps.temporal.workflow.getHandle(workflowId).signal(jobClosedSignal, { reason: input.reason });
          } catch (error) {
            // A proposal whose workflow has already completed has nothing left to close.
            if ((error as Error).name !== 'WorkflowNotFoundError') throw error;
          }
        }),
      );
      return {
        signalled: batch.length,
        lastId: batch.at(-1)?.id ?? input.afterId,
        done: batch.length < input.limit,
      };
    },
  };
}

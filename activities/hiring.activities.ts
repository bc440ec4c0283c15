import { signalJobClosedBatch, type CloseBatchInput, type CloseBatchResult } from './job-closing.js';
import type { Client } from '@temporalio/client';
import type { ContractsRepository } from '../libs/db/repositories/contracts.repository.js';
import type { ProposalsRepository } from '../libs/db/repositories/proposals.repository.js';
import { jobClosedSignal } from '../workflows/messages.js';
import type { OfferTerms } from '../workflows/proposal.types.js';

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
    async closeOpenProposals(input: CloseBatchInput): Promise<CloseBatchResult> {
      const page = await deps.proposals.openIdsForJob(input.jobId, input.afterId, input.limit);
      return signalJobClosedBatch(deps.temporal, input, page, jobClosedSignal);
    },
  };
}

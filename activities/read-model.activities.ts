import type { JobsRepository } from '../libs/db/repositories/jobs.repository.js';
import type { ProposalsRepository } from '../libs/db/repositories/proposals.repository.js';
import type { JobStatus } from '../workflows/job.types.js';
import type { ProposalState } from '../workflows/proposal.types.js';
import type { Notice } from './notify.activities.js';

/** Read-model writes, run as local activities: idempotent, versioned, and cheap in history. */
export function readModelActivities(proposals: ProposalsRepository, jobs: JobsRepository) {
  return {
    /** Writes the transition and the notices it produced in one transaction. */
    async recordProposal(input: { state: ProposalState; workflowId: string; events: Notice[] }): Promise<void> {
      await proposals.record(input.state, input.workflowId, input.events);
    },

    /** Answers the status the job row has afterwards: a closed job stays closed, a job with a contract is not cancelled. */
    async recordJob(input: { jobId: string; status: JobStatus; hired: number; closedAt?: string }): Promise<{ status: JobStatus }> {
      const status = await jobs.recordStatus(input.jobId, input.status, input.hired, input.closedAt ? new Date(input.closedAt) : null);
      return { status };
    },

    async jobLastActivityAt(input: { jobId: string }): Promise<string> {
      return (await jobs.lastActivityAt(input.jobId)).toISOString();
    },
  };
}

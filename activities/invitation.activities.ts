import type { Client } from '@temporalio/client';
import type { InvitationsRepository } from '../libs/db/repositories/invitations.repository.js';
import type { InvitationState } from '../workflows/invitation.types.js';
import { invitationJobClosedSignal } from '../workflows/messages.js';
import type { JobCloseReason } from '../workflows/proposal.types.js';
import type { Notice } from './notify.activities.js';

export function invitationActivities(deps: { invitations: InvitationsRepository; temporal: Client }) {
  return {
    /** Writes the transition and the notices it produced in one transaction (a local activity). */
    async recordInvitation(input: { state: InvitationState; workflowId: string; runId: string; events: Notice[] }): Promise<void> {
      await deps.invitations.record(input.state, input.workflowId, input.runId, input.events);
    },

    /**
     * Tells one batch of a job's pending invitations that the job closed, as the job workflow
     * does for proposals: its history grows per batch, never per invitation. Each signal goes
     * to the exact run, since an ended invitation's workflow id may already name a newer one.
     */
    async closeOpenInvitations(input: {
      jobId: string;
      reason: JobCloseReason;
      afterId: string | null;
      limit: number;
    }): Promise<{ signalled: number; lastId: string | null; done: boolean }> {
      const batch = await deps.invitations.pendingForJob(input.jobId, input.afterId, input.limit);
      await Promise.all(
        batch.map(async ({ workflowId, runId }) => {
          try {
            await deps.temporal.workflow.getHandle(workflowId, runId ?? undefined).signal(invitationJobClosedSignal, { reason: input.reason });
          } catch (error) {
            // An invitation whose workflow already ended has nothing left to close.
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

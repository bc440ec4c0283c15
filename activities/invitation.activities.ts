import { signalJobClosedBatch, type CloseBatchInput, type CloseBatchResult } from './job-closing.js';
import type { Client } from '@temporalio/client';
import type { InvitationsRepository } from '../libs/db/repositories/invitations.repository.js';
import type { InvitationState } from '../workflows/invitation.types.js';
import { invitationJobClosedSignal } from '../workflows/messages.js';
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
    async closeOpenInvitations(input: CloseBatchInput): Promise<CloseBatchResult> {
      const page = await deps.invitations.pendingForJob(input.jobId, input.afterId, input.limit);
      return signalJobClosedBatch(deps.temporal, input, page, invitationJobClosedSignal);
    },
  };
}

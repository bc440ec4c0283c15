import type { Invitation } from '../../../../../libs/db/entities/invitation.entity.js';
import { allowedInvitationActions, effectiveStatus } from '../../../../../workflows/invitation.rules.js';
import type { AuthContext } from '../../common/auth.js';

/** An invitation as the caller sees it, straight from the read model, with the caller's next actions. */
export function presentInvitation(row: Invitation, auth: AuthContext, now = Date.now()) {
  const state = { status: row.status, expiresAt: row.expiresAt.toISOString() };
  const allowed = allowedInvitationActions(state, now);
  return {
    id: row.id,
    jobId: row.jobId,
    clientId: row.clientId,
    freelancerId: row.freelancerId,
    workflowId: row.workflowId,
    status: effectiveStatus(state, now),
    waitingOn: effectiveStatus(state, now) === 'pending' ? 'freelancer' : 'none',
    message: row.message,
    declineReasons: row.declineReasons,
    declineMessage: row.declineMessage,
    closedReason: row.closedReason,
    proposalId: row.proposalId,
    sentAt: row.sentAt,
    expiresAt: row.expiresAt,
    respondedAt: row.respondedAt,
    endedAt: row.endedAt,
    allowedActions: auth.role === 'client' ? allowed.client : auth.role === 'freelancer' ? allowed.freelancer : [],
  };
}

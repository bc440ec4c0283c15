/** Types shared by the invitation workflow, its activities and the API. No runtime code. */
import type { JobCloseReason, WaitingOn } from './proposal.types.js';

/**
 * pending → accepted | declined (responses) | archived (ignored, not a response)
 *         | withdrawn (by the client) | expired | closed (the job closed).
 */
export type InvitationStatus = 'pending' | 'accepted' | 'declined' | 'archived' | 'withdrawn' | 'expired' | 'closed';

export type InvitationAction = 'accept' | 'decline' | 'archive' | 'withdraw';

export type DeclineReason =
  | 'not_interested'
  | 'not_available'
  | 'budget_too_low'
  | 'skills_mismatch'
  | 'unclear_requirements'
  | 'duration_not_suitable'
  | 'other';

export interface InvitationTimers {
  expiresAfterMs: number;
  /** The freelancer is reminded this long before the invitation expires. */
  reminderBeforeMs: number;
}

export interface InvitationInput {
  invitationId: string;
  jobId: string;
  jobTitle: string;
  clientId: string;
  freelancerId: string;
  freelancerName: string;
  timers: InvitationTimers;
}

export interface InvitationState {
  invitationId: string;
  jobId: string;
  clientId: string;
  freelancerId: string;
  status: InvitationStatus;
  waitingOn: WaitingOn;
  sentAt: string;
  expiresAt: string;
  remindedAt?: string;
  /** When the freelancer accepted or declined; archiving is not a response. */
  respondedAt?: string;
  /** When the invitation left `pending`, for whatever reason. */
  endedAt?: string;
  declineReasons?: DeclineReason[];
  declineMessage?: string;
  closedReason?: JobCloseReason;
  lastTransitionAt: string;
  /** Increases on every change; the read model never moves to a lower version. */
  version: number;
}

export interface InvitationView extends InvitationState {
  workflowId: string;
}

export interface DeclineInput {
  reasons: DeclineReason[];
  message?: string;
}

export interface InvitationOutcome {
  status: InvitationStatus;
  respondedAt?: string;
}

import type { SearchAttributeUpdatePair } from '@temporalio/common';
import { proposalWorkflowId } from './ids.js';
import type { InvitationState } from './invitation.types.js';
import {
  ClientIdKey,
  ExpiresAtKey,
  FreelancerIdKey,
  JobIdKey,
  KindKey,
  LastTransitionAtKey,
  StageKey,
  WaitingOnKey,
} from './search-attributes.js';

/**
 * What the Temporal UI shows about an invitation. Pending ones near expiry are one query away:
 * `HireflowKind = "invitation" AND HireflowStage = "pending" AND HireflowExpiresAt < "<instant>"`.
 */
export function invitationSearchAttributes(s: InvitationState): SearchAttributeUpdatePair[] {
  return [
    { key: KindKey, value: 'invitation' },
    { key: StageKey, value: s.status },
    { key: WaitingOnKey, value: s.waitingOn },
    { key: JobIdKey, value: s.jobId },
    { key: ClientIdKey, value: s.clientId },
    { key: FreelancerIdKey, value: s.freelancerId },
    { key: LastTransitionAtKey, value: new Date(s.lastTransitionAt) },
    { key: ExpiresAtKey, value: new Date(s.expiresAt) },
  ];
}

const minute = (iso: string) => `${iso.slice(0, 16).replace('T', ' ')} UTC`;

export function describeInvitation(s: InvitationState, reminderAt: string | undefined): string {
  const since = minute(s.lastTransitionAt);
  switch (s.status) {
    case 'pending': {
      const reminder = s.remindedAt
        ? `reminded ${minute(s.remindedAt)}`
        : reminderAt
          ? `reminder due ${minute(reminderAt)}`
          : 'no reminder';
      return `Waiting on freelancer to answer since ${minute(s.sentAt)}; ${reminder}; expires ${minute(s.expiresAt)}`;
    }
    case 'accepted':
      return `Accepted ${since}; the freelancer applies through ${proposalWorkflowId(s.jobId, s.freelancerId)} (free of Connects)`;
    case 'declined':
      return `Declined ${since}: ${(s.declineReasons ?? []).join(', ')}`;
    case 'archived':
      return `Archived (ignored) by the freelancer ${since}; not a response`;
    case 'withdrawn':
      return `Withdrawn by the client ${since}`;
    case 'expired':
      return `Expired ${since} without an answer`;
    case 'closed':
      return `Closed ${since} because the job was ${s.closedReason ?? 'closed'}`;
  }
}

import type { EventEnvelope } from '../../api/contract.js';

/** One line a person understands for each pushed event; unknown types get none (docs/realtime.md: ignore them). */
export function describeEvent(event: EventEnvelope): string | null {
  const p = event.payload as Record<string, unknown>;
  switch (event.type) {
    case 'proposal.received':
      return 'A new proposal arrived.';
    case 'proposal.viewed':
      return 'The client viewed your proposal.';
    case 'proposal.declined':
      return `Your proposal was declined: ${String(p.reason ?? '')}`;
    case 'proposal.withdrawn':
      return 'A freelancer withdrew their proposal.';
    case 'proposal.closed':
      return `A job closed (${String(p.reason ?? '')}).`;
    case 'offer.received':
      return p.modified ? 'The client changed their offer.' : 'You received an offer.';
    case 'offer.withdrawn':
      return 'The client withdrew their offer.';
    case 'offer.expired':
      return 'An offer expired.';
    case 'offer.declined':
      return 'The freelancer declined your offer.';
    case 'offer.accepted':
      return 'The freelancer accepted your offer: the contract has started.';
    case 'offer.changes_requested':
      return 'The freelancer asked for changes to your offer.';
    case 'interview.evaluated':
      return 'An instant interview was evaluated.';
    case 'invitation.received':
      return `You were invited to “${String(p.jobTitle ?? 'a job')}”.`;
    case 'invitation.accepted':
      return 'A freelancer accepted your invitation.';
    case 'invitation.declined':
      return 'A freelancer declined your invitation.';
    case 'message.created':
      return 'New message.';
    case 'message.unanswered':
      return 'A message is waiting for your answer.';
    case 'call.started':
      return 'The other party started a call: join it from the proposal.';
    case 'job.expiry_warning':
      return 'One of your jobs expires soon.';
    default:
      return null;
  }
}

/**
 * The events pushed over the socket, by name. Every event arrives as `socket.on(type, envelope)`
 * with the same envelope; `payload` depends on the type. docs/realtime.md describes each one.
 */

export interface EventEnvelope<P = Record<string, unknown>> {
  /** Outbox id: pass the last one received as `lastEventId` to catch up after a reconnect. */
  id: string;
  type: string;
  createdAt: string;
  payload: P;
}

/** The types a client should expect. The outbox may add types; clients should ignore unknown ones. */
export const REALTIME_EVENT_TYPES = [
  'proposal.updated',
  'proposal.received',
  'proposal.viewed',
  'proposal.declined',
  'proposal.withdrawn',
  'proposal.closed',
  'proposal.abandoned',
  'proposal.reminder',
  'offer.received',
  'offer.withdrawn',
  'offer.expired',
  'offer.declined',
  'offer.accepted',
  'offer.changes_requested',
  'invitation.received',
  'interview.evaluated',
  'interview.retake_granted',
  'message.created',
  'message.read',
  'message.unanswered',
  'call.started',
] as const;

/** Sent by the server when something about the connection is wrong (a bad resume id). */
export const ERROR_EVENT = 'error';
/** Sent by a client to catch up from an event id; answered through the acknowledgement. */
export const RESUME_MESSAGE = 'resume';

import type { InvitationStatus } from '../../workflows/invitation.types.js';

/**
 * How quickly and how often a freelancer answers invitations, as shown on their profile.
 *
 * - Only invitations sent within the window (90 days) are looked at.
 * - An invitation counts once it has an outcome: pending ones are still open and wait.
 * - Accepting or declining is a response; its time is from sending to answering.
 *   Archiving (ignoring) and letting it expire are not responses, but they count.
 * - An invitation the client withdrew, or that closed with its job, within 24 h of being sent
 *   does not count: the freelancer had no fair chance to answer. Later than that, it counts
 *   as unanswered.
 * - The rate is responses ÷ counted invitations; it needs at least MIN_COUNTED counted.
 * - The time bucket comes from the median response time; it needs at least MIN_RESPONSES.
 *   Below either minimum the figure is withheld (`null` rate, `none` bucket): one or two
 *   invitations say little about a freelancer.
 */

export const METRICS_WINDOW_MS = 90 * 24 * 3_600_000;
export const GRACE_FOR_CLIENT_ENDED_MS = 24 * 3_600_000;
export const MIN_COUNTED = 3;
export const MIN_RESPONSES = 3;

const HOUR = 3_600_000;

export type ResponseTimeBucket = 'within_24_hours' | 'within_3_days' | 'more_than_3_days' | 'none';

export interface InvitationRecord {
  status: InvitationStatus;
  sentAt: Date;
  respondedAt?: Date | null;
  endedAt?: Date | null;
}

export interface ResponseMetrics {
  /** Responses ÷ counted invitations, 0–1 rounded to two places; null with too little data. */
  responseRate: number | null;
  responseTime: ResponseTimeBucket;
  counted: number;
  responded: number;
}

const isResponse = (status: InvitationStatus) => status === 'accepted' || status === 'declined';
const endedByClient = (status: InvitationStatus) => status === 'withdrawn' || status === 'closed';

function counts(record: InvitationRecord): boolean {
  if (record.status === 'pending') return false;
  if (endedByClient(record.status)) {
    const endedAt = record.endedAt ?? record.sentAt;
    return endedAt.getTime() - record.sentAt.getTime() >= GRACE_FOR_CLIENT_ENDED_MS;
  }
  return true;
}

export function bucketFor(responseMs: number): Exclude<ResponseTimeBucket, 'none'> {
  if (responseMs < 24 * HOUR) return 'within_24_hours';
  if (responseMs < 72 * HOUR) return 'within_3_days';
  return 'more_than_3_days';
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

export function responseMetrics(records: readonly InvitationRecord[], now: Date): ResponseMetrics {
  const windowStart = now.getTime() - METRICS_WINDOW_MS;
  const counted = records.filter((r) => r.sentAt.getTime() >= windowStart && counts(r));
  const responseTimes = counted
    .filter((r) => isResponse(r.status) && r.respondedAt)
    .map((r) => Math.max(0, r.respondedAt!.getTime() - r.sentAt.getTime()));
  const responded = responseTimes.length;
  return {
    responseRate: counted.length >= MIN_COUNTED ? Math.round((responded / counted.length) * 100) / 100 : null,
    responseTime: responded >= MIN_RESPONSES ? bucketFor(median(responseTimes)) : 'none',
    counted: counted.length,
    responded,
  };
}

import { describe, expect, it } from '@jest/globals';
import type { InvitationStatus } from '../../workflows/invitation.types.js';
import { bucketFor, responseMetrics, type InvitationRecord } from './invitation-metrics.js';

const HOUR = 3_600_000;
const now = new Date('2026-11-22T12:00:00Z');
const hoursAgo = (h: number) => new Date(now.getTime() - h * HOUR);

/** An invitation sent `sentHoursAgo` that ended `afterHours` later with `status`. */
function inv(status: InvitationStatus, afterHours?: number, sentHoursAgo = 500): InvitationRecord {
  const sentAt = hoursAgo(sentHoursAgo);
  const endedAt = afterHours === undefined ? null : new Date(sentAt.getTime() + afterHours * HOUR);
  const responded = status === 'accepted' || status === 'declined';
  return { status, sentAt, endedAt, respondedAt: responded ? endedAt : null };
}

describe('response-time buckets', () => {
  it.each([
    [0, 'within_24_hours'],
    [23.99, 'within_24_hours'],
    [24, 'within_3_days'],
    [71.99, 'within_3_days'],
    [72, 'more_than_3_days'],
    [400, 'more_than_3_days'],
  ])('%s h is %s', (hours, bucket) => {
    expect(bucketFor(hours * HOUR)).toBe(bucket);
  });
});

describe('responseMetrics', () => {
  it('takes the bucket from the median response time across a set of known answers', () => {
    // Responses at 2 h, 30 h, 50 h, 100 h and 200 h: the median is 50 h → within 3 days.
    const records = [inv('accepted', 2), inv('declined', 30), inv('accepted', 50), inv('declined', 100), inv('accepted', 200)];
    expect(responseMetrics(records, now)).toEqual({ responseRate: 1, responseTime: 'within_3_days', counted: 5, responded: 5 });

    const fast = [inv('accepted', 1), inv('declined', 5), inv('accepted', 20), inv('declined', 90)];
    // Median of 1, 5, 20, 90 h is 12.5 h.
    expect(responseMetrics(fast, now).responseTime).toBe('within_24_hours');

    const slow = [inv('accepted', 80), inv('declined', 75), inv('accepted', 10)];
    expect(responseMetrics(slow, now).responseTime).toBe('more_than_3_days');
  });

  it('counts archived (ignored) and expired invitations against the rate, never as responses', () => {
    const records = [inv('accepted', 3), inv('declined', 4), inv('accepted', 5), inv('archived', 1), inv('expired', 168)];
    const metrics = responseMetrics(records, now);
    expect(metrics).toMatchObject({ counted: 5, responded: 3, responseRate: 0.6 });
    // The quick archive (1 h) is not a response, so it does not pull the time down.
    expect(metrics.responseTime).toBe('within_24_hours');
  });

  it('leaves out invitations the client withdrew (or closed with the job) within 24 h', () => {
    const answered = [inv('accepted', 2), inv('declined', 3), inv('accepted', 4)];
    const withdrawnEarly = [inv('withdrawn', 1), inv('withdrawn', 23.9), inv('closed', 12)];
    const withEarly = responseMetrics([...answered, ...withdrawnEarly], now);
    expect(withEarly).toMatchObject({ counted: 3, responded: 3, responseRate: 1 });

    // Withdrawn after a full day without an answer: the freelancer had the chance, so it counts.
    const withLate = responseMetrics([...answered, inv('withdrawn', 24), inv('closed', 30)], now);
    expect(withLate).toMatchObject({ counted: 5, responded: 3, responseRate: 0.6 });
  });

  it('withholds the figures with too little data: under 3 counted invitations or 3 responses', () => {
    expect(responseMetrics([], now)).toEqual({ responseRate: null, responseTime: 'none', counted: 0, responded: 0 });
    expect(responseMetrics([inv('accepted', 1), inv('declined', 2)], now)).toMatchObject({ responseRate: null, responseTime: 'none' });
    // Three counted but only two responses: the rate is known, the time is not.
    expect(responseMetrics([inv('accepted', 1), inv('declined', 2), inv('expired', 168)], now)).toMatchObject({
      responseRate: 0.67,
      responseTime: 'none',
    });
    // Early withdrawals do not make up the numbers.
    expect(responseMetrics([inv('accepted', 1), inv('declined', 2), inv('withdrawn', 2)], now).responseRate).toBeNull();
  });

  it('ignores pending invitations and those sent before the 90-day window', () => {
    const records = [
      inv('accepted', 1),
      inv('accepted', 2),
      inv('accepted', 3),
      inv('pending', undefined, 5),
      inv('expired', 168, 91 * 24),
      inv('declined', 200, 95 * 24),
    ];
    expect(responseMetrics(records, now)).toEqual({ responseRate: 1, responseTime: 'within_24_hours', counted: 3, responded: 3 });
  });
});

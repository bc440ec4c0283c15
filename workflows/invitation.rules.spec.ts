import { describe, expect, it } from '@jest/globals';
import {
  allowedInvitationActions,
  declineProblem,
  effectiveStatus,
  invitationRefusal,
  nextInvitationDeadline,
} from './invitation.rules.js';

const HOUR = 3_600_000;
const expiresAt = '2026-11-29T12:00:00.000Z';
const expiry = Date.parse(expiresAt);
const timers = { expiresAfterMs: 168 * HOUR, reminderBeforeMs: 48 * HOUR };

describe('invitation rules', () => {
  it('lets the freelancer answer and the client withdraw only while pending and before expiry', () => {
    expect(allowedInvitationActions({ status: 'pending', expiresAt }, expiry - 1)).toEqual({
      client: ['withdraw'],
      freelancer: ['accept', 'decline', 'archive'],
    });
    expect(allowedInvitationActions({ status: 'pending', expiresAt }, expiry)).toEqual({ client: [], freelancer: [] });
    expect(allowedInvitationActions({ status: 'declined', expiresAt }, expiry - HOUR)).toEqual({ client: [], freelancer: [] });
  });

  it('names the state in a refusal; a pending invitation past its expiry is expired', () => {
    expect(effectiveStatus({ status: 'pending', expiresAt }, expiry)).toBe('expired');
    expect(invitationRefusal('accept', { status: 'pending', expiresAt }, expiry + 1)).toBe('cannot accept: the invitation is expired');
    expect(invitationRefusal('withdraw', { status: 'accepted', expiresAt }, expiry - 1)).toBe('cannot withdraw: the invitation is accepted');
  });

  it('waits for the reminder first, then the expiry, and nothing once ended', () => {
    expect(nextInvitationDeadline({ status: 'pending', expiresAt }, timers)).toEqual({ at: expiry - 48 * HOUR, kind: 'reminder' });
    expect(nextInvitationDeadline({ status: 'pending', expiresAt, remindedAt: '2026-11-27T12:00:00.000Z' }, timers)).toEqual({
      at: expiry,
      kind: 'expiry',
    });
    expect(nextInvitationDeadline({ status: 'withdrawn', expiresAt }, timers)).toBeUndefined();
  });

  it('requires at least one decline reason, each from the fixed list', () => {
    expect(declineProblem([])).toMatch(/at least one reason/);
    expect(declineProblem(undefined)).toMatch(/at least one reason/);
    expect(declineProblem(['too_far_away'])).toMatch(/unknown reason\(s\) too_far_away/);
    expect(declineProblem(['not_available', 'budget_too_low'])).toBeUndefined();
  });
});

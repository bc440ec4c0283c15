import type { DeclineReason, InvitationAction, InvitationState, InvitationStatus, InvitationTimers } from './invitation.types.js';

/**
 * The invitation state machine as pure functions, shared by the workflow's validators and the
 * API's allowed actions so the two never disagree.
 */

/** The fixed list a freelancer picks one or more decline reasons from. */
export const DECLINE_REASONS = [
  'not_interested',
  'not_available',
  'budget_too_low',
  'skills_mismatch',
  'unclear_requirements',
  'duration_not_suitable',
  'other',
] as const satisfies readonly DeclineReason[];

export const FREELANCER_INVITATION_ACTIONS: readonly InvitationAction[] = ['accept', 'decline', 'archive'];
export const CLIENT_INVITATION_ACTIONS: readonly InvitationAction[] = ['withdraw'];

/**
 * Every action needs a pending invitation whose expiry has not passed. The expiry timer and a
 * request can meet at the same instant; the clock decides, so an answer a moment late is refused.
 */
export function isInvitationOpen(state: Pick<InvitationState, 'status' | 'expiresAt'>, now: number): boolean {
  return state.status === 'pending' && now < Date.parse(state.expiresAt);
}

/** What the invitation looks like from outside: a pending one past its expiry is already expired. */
export function effectiveStatus(state: Pick<InvitationState, 'status' | 'expiresAt'>, now: number): InvitationStatus {
  return state.status === 'pending' && !isInvitationOpen(state, now) ? 'expired' : state.status;
}

export function allowedInvitationActions(
  state: Pick<InvitationState, 'status' | 'expiresAt'>,
  now: number,
): { client: InvitationAction[]; freelancer: InvitationAction[] } {
  const open = isInvitationOpen(state, now);
  return { client: open ? [...CLIENT_INVITATION_ACTIONS] : [], freelancer: open ? [...FREELANCER_INVITATION_ACTIONS] : [] };
}

/** The message a refused action carries: it always names the invitation's state. */
export function invitationRefusal(action: InvitationAction, state: Pick<InvitationState, 'status' | 'expiresAt'>, now: number): string {
  return `cannot ${action}: the invitation is ${effectiveStatus(state, now)}`;
}

export type InvitationDeadline = { at: number; kind: 'reminder' | 'expiry' };

/** The next timer a pending invitation waits on: the reminder once, then the expiry. */
export function nextInvitationDeadline(
  state: Pick<InvitationState, 'status' | 'expiresAt' | 'remindedAt'>,
  timers: InvitationTimers,
): InvitationDeadline | undefined {
  if (state.status !== 'pending') return undefined;
  const expiresAt = Date.parse(state.expiresAt);
  if (!state.remindedAt && timers.reminderBeforeMs < timers.expiresAfterMs) {
    return { at: expiresAt - timers.reminderBeforeMs, kind: 'reminder' };
  }
  return { at: expiresAt, kind: 'expiry' };
}

/** A decline names at least one reason, each from the fixed list; returns the problem, if any. */
export function declineProblem(reasons: readonly string[] | undefined): string | undefined {
  if (!reasons || reasons.length === 0) return 'reasons: name at least one reason for declining';
  const unknown = reasons.filter((reason) => !(DECLINE_REASONS as readonly string[]).includes(reason));
  if (unknown.length > 0) return `reasons: unknown reason(s) ${unknown.join(', ')}; pick from ${DECLINE_REASONS.join(', ')}`;
  return undefined;
}

import { describe, expect, it } from '@jest/globals';
import {
  allowedActions,
  CLIENT_ACTIONS,
  editWindowEndsAt,
  FREELANCER_ACTIONS,
  isAllowed,
  isTerminal,
  nextDeadline,
  refusal,
  TERMINAL_STAGES,
  waitingOnFor,
} from './proposal.rules.js';
import type { Offer, ProposalAction, ProposalStage, ProposalState, ProposalTimers } from './proposal.types.js';

const HOUR = 3600_000;
const timers: ProposalTimers = { abandonAfterMs: 14 * 24 * HOUR, editWindowMs: 6 * HOUR, reminderAfterMs: 3 * 24 * HOUR, offerExpiresAfterMs: 7 * 24 * HOUR };
const T0 = Date.parse('2026-11-22T09:00:00.000Z');
const at = (ms: number) => new Date(T0 + ms).toISOString();

function state(overrides: Partial<ProposalState> = {}): ProposalState {
  return {
    proposalId: 'p',
    jobId: 'j',
    clientId: 'c',
    freelancerId: 'f',
    stage: 'draft',
    waitingOn: 'freelancer',
    shortlisted: false,
    archived: false,
    invited: false,
    interviewRequired: false,
    interview: { status: 'not_started', attempt: 0, retakesGranted: 0 },
    attachments: [],
    connectsCharged: 0,
    connectsRefunded: 0,
    createdAt: at(0),
    lastTransitionAt: at(0),
    waitingSince: at(0),
    version: 1,
    ...overrides,
  };
}

const offer = (overrides: Partial<Offer> = {}): Offer => ({
  id: 'o',
  terms: { type: 'fixed', amount: 100, description: 'x' },
  status: 'pending',
  sentAt: at(0),
  expiresAt: at(timers.offerExpiresAfterMs),
  ...overrides,
});

const submitted = (overrides: Partial<ProposalState> = {}) =>
  state({ stage: 'submitted', waitingOn: 'client', submittedAt: at(0), bid: { type: 'fixed', amount: 100 }, ...overrides });
const offered = (overrides: Partial<ProposalState> = {}) =>
  submitted({ stage: 'offer_pending', waitingOn: 'freelancer', viewedAt: at(0), offer: offer(), ...overrides });

const allowed = (action: ProposalAction, s: ProposalState, now = T0 + 1) => isAllowed(action, s, timers, now);

describe('proposal rules', () => {
  describe('submission and the interview gate', () => {
    it('submits from a draft when the job has no interview', () => {
      expect(allowed('submit', state())).toBe(true);
    });

    it('refuses submission until the interview completed (ready), whoever the freelancer is', () => {
      for (const invited of [false, true]) {
        expect(allowed('submit', state({ interviewRequired: true, invited }))).toBe(false);
        expect(allowed('submit', state({ stage: 'interviewing', interviewRequired: true, invited }))).toBe(false);
        expect(allowed('submit', state({ stage: 'ready', interviewRequired: true, invited }))).toBe(true);
      }
    });

    it('starts the interview once, from a draft of a job that has one', () => {
      expect(allowed('start_interview', state({ interviewRequired: true }))).toBe(true);
      expect(allowed('start_interview', state())).toBe(false);
      const started = state({ interviewRequired: true, interview: { status: 'in_progress', attempt: 1, retakesGranted: 0 } });
      expect(allowed('start_interview', started)).toBe(false);
    });

    it('never submits twice', () => {
      for (const stage of ['submitted', 'viewed', 'messaged', 'offer_pending', ...TERMINAL_STAGES] as ProposalStage[]) {
        expect(allowed('submit', submitted({ stage }))).toBe(false);
      }
    });
  });

  describe('editing', () => {
    it('content is editable before submission, and after it until the window ends or the client views', () => {
      expect(allowed('edit_content', state())).toBe(true);
      expect(allowed('edit_content', submitted(), T0 + timers.editWindowMs - 1)).toBe(true);
      expect(allowed('edit_content', submitted(), T0 + timers.editWindowMs)).toBe(false);
      expect(allowed('edit_content', submitted({ viewedAt: at(1) }))).toBe(false);
      expect(allowed('edit_content', submitted({ stage: 'viewed', viewedAt: at(1) }))).toBe(false);
      expect(editWindowEndsAt(submitted(), timers)).toBe(T0 + timers.editWindowMs);
      expect(editWindowEndsAt(state(), timers)).toBeUndefined();
    });

    it('the bid is editable until an offer is made, even one later withdrawn', () => {
      for (const stage of ['draft', 'submitted', 'viewed', 'messaged'] as ProposalStage[]) {
        expect(allowed('edit_bid', submitted({ stage }), T0 + 30 * 24 * HOUR)).toBe(true);
      }
      expect(allowed('edit_bid', offered())).toBe(false);
      expect(allowed('edit_bid', submitted({ stage: 'messaged', offer: offer({ status: 'withdrawn' }) }))).toBe(false);
    });

    it('nothing is editable in a final stage', () => {
      for (const stage of TERMINAL_STAGES) {
        expect(allowed('edit_content', submitted({ stage }))).toBe(false);
        expect(allowed('edit_bid', submitted({ stage }))).toBe(false);
      }
    });
  });

  describe('withdrawal and the client\'s review', () => {
    it('the freelancer withdraws until an offer arrives', () => {
      for (const stage of ['draft', 'interviewing', 'ready', 'submitted', 'viewed', 'messaged'] as ProposalStage[]) {
        expect(allowed('withdraw', submitted({ stage }))).toBe(true);
      }
      expect(allowed('withdraw', offered())).toBe(false);
      for (const stage of TERMINAL_STAGES) expect(allowed('withdraw', submitted({ stage }))).toBe(false);
    });

    it('the client sees, flags and declines submitted proposals only; a draft is not theirs to touch', () => {
      for (const action of ['view', 'shortlist', 'archive', 'decline', 'make_offer'] as ProposalAction[]) {
        expect(allowed(action, state())).toBe(false);
        expect(allowed(action, submitted())).toBe(true);
        expect(allowed(action, submitted({ stage: 'declined' }))).toBe(false);
      }
      expect(allowed('decline', offered())).toBe(false);
      expect(allowed('shortlist', offered())).toBe(true);
    });
  });

  describe('offers', () => {
    it('the client modifies or withdraws a pending offer until it is accepted', () => {
      expect(allowed('modify_offer', offered())).toBe(true);
      expect(allowed('withdraw_offer', offered())).toBe(true);
      const hired = offered({ stage: 'hired', offer: offer({ status: 'accepted' }) });
      expect(allowed('modify_offer', hired)).toBe(false);
      expect(allowed('withdraw_offer', hired)).toBe(false);
      expect(allowed('make_offer', offered())).toBe(false);
    });

    it('the freelancer answers an offer only before it expires', () => {
      for (const action of ['accept_offer', 'decline_offer', 'request_changes'] as ProposalAction[]) {
        expect(allowed(action, offered(), T0 + timers.offerExpiresAfterMs - 1)).toBe(true);
        expect(allowed(action, offered(), T0 + timers.offerExpiresAfterMs)).toBe(false);
        expect(allowed(action, offered({ offer: offer({ status: 'withdrawn' }) }))).toBe(false);
      }
    });
  });

  describe('who is waited on', () => {
    it('follows the stage, and a request for changes turns an offer back to the client', () => {
      expect(waitingOnFor(state())).toBe('freelancer');
      expect(waitingOnFor(submitted())).toBe('client');
      expect(waitingOnFor(offered())).toBe('freelancer');
      expect(waitingOnFor(offered({ offer: offer({ requestedChanges: { terms: offer().terms, at: at(1) } }) }))).toBe('client');
      for (const stage of TERMINAL_STAGES) expect(waitingOnFor(submitted({ stage }))).toBe('none');
    });
  });

  describe('allowed actions for each caller', () => {
    it('come from the same rules as the refusals, split by party', () => {
      const actions = allowedActions(submitted(), timers, T0 + 1);
      expect(actions.client.every((a) => CLIENT_ACTIONS.includes(a))).toBe(true);
      expect(actions.freelancer.every((a) => FREELANCER_ACTIONS.includes(a))).toBe(true);
      expect(actions.freelancer).toEqual(['edit_content', 'edit_bid', 'withdraw']);
      expect(actions.client).toEqual(['view', 'shortlist', 'archive', 'decline', 'message', 'make_offer']);
    });

    it('let the freelancer message only once the client has written or made an offer', () => {
      expect(allowedActions(submitted(), timers, T0).freelancer).not.toContain('message');
      expect(allowedActions(submitted({ stage: 'messaged', clientMessagedAt: at(1) }), timers, T0).freelancer).toContain('message');
      expect(allowedActions(offered(), timers, T0).freelancer).toContain('message');
    });

    it('leave only messages in a final stage, and nothing for a proposal that was never submitted', () => {
      expect(allowedActions(submitted({ stage: 'withdrawn' }), timers, T0)).toEqual({ client: ['message'], freelancer: [] });
      expect(allowedActions(submitted({ stage: 'abandoned' }), timers, T0)).toEqual({ client: [], freelancer: [] });
      expect(allowedActions(offered({ stage: 'hired' }), timers, T0)).toEqual({ client: ['message'], freelancer: ['message'] });
    });
  });

  describe('refusals', () => {
    it('always name the current stage', () => {
      expect(refusal('withdraw', offered())).toBe('cannot withdraw: the proposal is offer pending');
      expect(refusal('accept_offer', submitted({ stage: 'messaged', offer: offer({ status: 'expired' }) }))).toBe(
        'cannot accept offer: the proposal is messaged (the offer is expired)',
      );
      expect(refusal('edit_content', submitted())).toBe('cannot edit content: the proposal is submitted and its edit window has ended');
      expect(refusal('edit_content', submitted({ stage: 'viewed', viewedAt: at(1) }))).toBe('cannot edit content: the proposal is viewed');
    });
  });

  describe('the next deadline', () => {
    it('an unsubmitted proposal is abandoned after ABANDON_AFTER from its last transition', () => {
      const reminded = { remindedForWaitSince: at(0) };
      expect(nextDeadline(state(reminded), timers)).toEqual({ kind: 'abandon', at: T0 + timers.abandonAfterMs });
      expect(nextDeadline(state({ ...reminded, stage: 'ready', lastTransitionAt: at(HOUR) }), timers)).toEqual({
        kind: 'abandon',
        at: T0 + HOUR + timers.abandonAfterMs,
      });
      expect(nextDeadline(state({ ...reminded, stage: 'interviewing' }), timers)).toBeUndefined();
    });

    it('the waited-on party is reminded once per wait, before anything else falls due', () => {
      expect(nextDeadline(submitted(), timers)).toEqual({ kind: 'reminder', at: T0 + timers.reminderAfterMs });
      expect(nextDeadline(submitted({ remindedForWaitSince: at(0) }), timers)).toBeUndefined();
      expect(nextDeadline(submitted({ remindedForWaitSince: at(0), waitingSince: at(HOUR) }), timers)).toEqual({
        kind: 'reminder',
        at: T0 + HOUR + timers.reminderAfterMs,
      });
    });

    it('a pending offer expires at its expiry; nothing is due in a final stage', () => {
      expect(nextDeadline(offered({ remindedForWaitSince: at(0) }), timers)).toEqual({ kind: 'offer_expiry', at: T0 + timers.offerExpiresAfterMs });
      const shortReminder = { ...timers, reminderAfterMs: timers.offerExpiresAfterMs * 2 };
      expect(nextDeadline(offered(), shortReminder)?.kind).toBe('offer_expiry');
      for (const stage of TERMINAL_STAGES) {
        expect(isTerminal(stage)).toBe(true);
        expect(nextDeadline(submitted({ stage, waitingOn: 'none' }), timers)).toBeUndefined();
      }
    });
  });
});

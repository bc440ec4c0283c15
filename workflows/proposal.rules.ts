import type { ProposalAction, ProposalInput, ProposalStage, ProposalState, ProposalTimers, ProposalView, WaitingOn } from './proposal.types.js';

/**
 * The proposal state machine as pure functions: which action each party may take in
 * each stage. The workflow's update validators and the API's "allowed actions" both
 * come from here, so they can never disagree.
 */

export const TERMINAL_STAGES: readonly ProposalStage[] = ['hired', 'declined', 'withdrawn', 'closed', 'abandoned'];
/** Before submission: the proposal belongs to the freelancer alone and nothing has been charged. */
export const PRE_SUBMIT_STAGES: readonly ProposalStage[] = ['draft', 'interviewing', 'ready'];
/** Submitted and in front of the client, before any offer. */
export const CANDIDATE_STAGES: readonly ProposalStage[] = ['submitted', 'viewed', 'messaged'];

export const isTerminal = (stage: ProposalStage) => TERMINAL_STAGES.includes(stage);

/** Once submitted, the thread stays writable (after a contract too), unless the proposal was abandoned. */
export const threadWritableIn = (stage: ProposalStage) => !PRE_SUBMIT_STAGES.includes(stage) && stage !== 'abandoned';

export const CLIENT_ACTIONS: readonly ProposalAction[] = [
  'view',
  'shortlist',
  'archive',
  'decline',
  'message',
  'make_offer',
  'modify_offer',
  'withdraw_offer',
];
export const FREELANCER_ACTIONS: readonly ProposalAction[] = [
  'start_interview',
  'submit',
  'edit_content',
  'edit_bid',
  'withdraw',
  'message',
  'accept_offer',
  'decline_offer',
  'request_changes',
];

export function waitingOnFor(state: Pick<ProposalState, 'stage' | 'offer'>): WaitingOn {
  switch (state.stage) {
    case 'draft':
    case 'interviewing':
    case 'ready':
      return 'freelancer';
    case 'submitted':
    case 'viewed':
    case 'messaged':
      return 'client';
    case 'offer_pending':
      return state.offer?.requestedChanges ? 'client' : 'freelancer';
    default:
      return 'none';
  }
}

export function editWindowEndsAt(state: ProposalState, timers: ProposalTimers): number | undefined {
  if (!state.submittedAt) return undefined;
  return Date.parse(state.submittedAt) + timers.editWindowMs;
}

function offerIsOpen(state: ProposalState, now: number): boolean {
  return state.stage === 'offer_pending' && state.offer?.status === 'pending' && now < Date.parse(state.offer.expiresAt);
}

/** May `action` be taken now? `now` is workflow time inside the workflow, wall time elsewhere. */
export function isAllowed(action: ProposalAction, state: ProposalState, timers: ProposalTimers, now: number): boolean {
  const { stage } = state;
  switch (action) {
    case 'start_interview':
      return state.interviewRequired && stage === 'draft' && state.interview.status === 'not_started';
    case 'submit':
      return stage === 'ready' || (stage === 'draft' && !state.interviewRequired);
    case 'edit_content': {
      if (PRE_SUBMIT_STAGES.includes(stage)) return true;
      const windowEnd = editWindowEndsAt(state, timers);
      return stage === 'submitted' && !state.viewedAt && windowEnd !== undefined && now < windowEnd;
    }
    case 'edit_bid':
      return (PRE_SUBMIT_STAGES.includes(stage) || CANDIDATE_STAGES.includes(stage)) && !state.offer;
    case 'withdraw':
      return PRE_SUBMIT_STAGES.includes(stage) || CANDIDATE_STAGES.includes(stage);
    case 'view':
    case 'shortlist':
    case 'archive':
      return CANDIDATE_STAGES.includes(stage) || stage === 'offer_pending';
    case 'decline':
      return CANDIDATE_STAGES.includes(stage);
    case 'message':
      return threadWritableIn(stage);
    case 'make_offer':
      return CANDIDATE_STAGES.includes(stage);
    case 'modify_offer':
    case 'withdraw_offer':
      return stage === 'offer_pending' && state.offer?.status === 'pending';
    case 'accept_offer':
    case 'decline_offer':
    case 'request_changes':
      return offerIsOpen(state, now);
  }
}

export function allowedActions(
  state: ProposalState,
  timers: ProposalTimers,
  now: number,
): { client: ProposalAction[]; freelancer: ProposalAction[] } {
  const freelancerMayMessage = Boolean(state.clientMessagedAt || state.offer);
  return {
    client: CLIENT_ACTIONS.filter((a) => isAllowed(a, state, timers, now)),
    freelancer: FREELANCER_ACTIONS.filter(
      (a) => isAllowed(a, state, timers, now) && (a !== 'message' || freelancerMayMessage),
    ),
  };
}

/**
 * A new proposal, as its workflow starts it. The API answers an application with it too,
 * instead of asking a workflow that has not yet run its first task.
 */
export function initialProposalState(input: ProposalInput, now: number): ProposalState {
  const at = new Date(now).toISOString();
  return {
    proposalId: input.proposalId,
    jobId: input.jobId,
    clientId: input.clientId,
    freelancerId: input.freelancerId,
    stage: 'draft',
    waitingOn: 'freelancer',
    shortlisted: false,
    archived: false,
    invited: input.invited,
    interviewRequired: (input.interviewQuestions?.length ?? 0) > 0,
    interview: { status: 'not_started', attempt: 0, retakesGranted: 0 },
    attachments: [],
    connectsCharged: 0,
    connectsRefunded: 0,
    createdAt: at,
    lastTransitionAt: at,
    waitingSince: at,
    version: 1,
  };
}

/** What the proposal's query answers: its state, with the actions each party may take now. */
export function proposalView(state: ProposalState, workflowId: string, timers: ProposalTimers, now: number): ProposalView {
  const windowEnd = editWindowEndsAt(state, timers);
  return {
    ...state,
    workflowId,
    allowedActions: allowedActions(state, timers, now),
    editWindowEndsAt: windowEnd === undefined ? undefined : new Date(windowEnd).toISOString(),
  };
}

/** The message a refused action carries: it always names the current stage. */
export function refusal(action: ProposalAction, state: ProposalState): string {
  const offerNote =
    state.offer && state.offer.status !== 'pending' ? ` (the offer is ${state.offer.status})` : '';
  const windowNote =
    action === 'edit_content' && state.stage === 'submitted' && !state.viewedAt ? ' and its edit window has ended' : '';
  return `cannot ${action.replace(/_/g, ' ')}: the proposal is ${state.stage.replace(/_/g, ' ')}${offerNote}${windowNote}`;
}

export type DeadlineKind = 'abandon' | 'offer_expiry' | 'reminder';

/**
 * The next timer the proposal waits on, if any: abandonment of an unsubmitted draft, expiry
 * of a pending offer, and one reminder to whoever the hire has been waiting on.
 */
export function nextDeadline(s: ProposalState, timers: ProposalTimers): { at: number; kind: DeadlineKind } | undefined {
  const candidates: { at: number; kind: DeadlineKind }[] = [];
  if (s.stage === 'draft' || s.stage === 'ready') {
    candidates.push({ at: Date.parse(s.lastTransitionAt) + timers.abandonAfterMs, kind: 'abandon' });
  }
  if (s.stage === 'offer_pending' && s.offer?.status === 'pending') {
    candidates.push({ at: Date.parse(s.offer.expiresAt), kind: 'offer_expiry' });
  }
  if ((s.waitingOn === 'client' || s.waitingOn === 'freelancer') && s.remindedForWaitSince !== s.waitingSince) {
    candidates.push({ at: Date.parse(s.waitingSince) + timers.reminderAfterMs, kind: 'reminder' });
  }
  return candidates.sort((a, b) => a.at - b.at)[0];
}

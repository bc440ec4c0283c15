import { workflowInfo } from '@temporalio/workflow';
import type { SearchAttributeUpdatePair } from '@temporalio/common';
import { ClientIdKey, FreelancerIdKey, JobIdKey, KindKey, LastTransitionAtKey, StageKey, WaitingOnKey } from './search-attributes.js';
import type { ProposalState, ProposalTimers } from './proposal.types.js';

/**
 * Whether the starter already set this state's attributes with the workflow (the API does):
 * attributes given at start are not billed as an upsert, so the first one is skipped.
 */
export function startedWithAttributesOf(s: ProposalState): boolean {
  const started = workflowInfo().typedSearchAttributes;
  return started.get(StageKey) === s.stage && started.get(WaitingOnKey) === s.waitingOn && started.get(LastTransitionAtKey) !== undefined;
}

/** What the Temporal UI shows about a proposal: typed search attributes and a one-line explanation. */
export function proposalSearchAttributes(s: ProposalState): SearchAttributeUpdatePair[] {
  return [
    { key: KindKey, value: 'proposal' },
    { key: StageKey, value: s.stage },
    { key: WaitingOnKey, value: s.waitingOn },
    { key: JobIdKey, value: s.jobId },
    { key: ClientIdKey, value: s.clientId },
    { key: FreelancerIdKey, value: s.freelancerId },
    { key: LastTransitionAtKey, value: new Date(s.lastTransitionAt) },
  ];
}

const day = (iso: string) => iso.slice(0, 10);

export function describeProposal(s: ProposalState, timers: ProposalTimers): string {
  const since = day(s.lastTransitionAt);
  switch (s.stage) {
    case 'draft':
    case 'ready': {
      const abandon = day(new Date(Date.parse(s.lastTransitionAt) + timers.abandonAfterMs).toISOString());
      return `Waiting on freelancer to ${s.stage === 'ready' ? 'submit' : s.interviewRequired ? 'take the interview' : 'submit'} since ${since}; abandoned on ${abandon} if not submitted`;
    }
    case 'interviewing':
      return `Waiting on freelancer to finish the instant interview since ${since}`;
    case 'submitted':
      return `Waiting on client to review the proposal since ${since}`;
    case 'viewed':
      return `Waiting on client after viewing the proposal since ${since}`;
    case 'messaged':
      return `Active candidacy: waiting on client to make an offer since ${since}`;
    case 'offer_pending':
      return s.offer?.requestedChanges
        ? `Waiting on client to answer requested offer changes since ${day(s.offer.requestedChanges.at)}`
        : `Waiting on freelancer to answer the offer since ${since}; offer expires ${day(s.offer!.expiresAt)}`;
    case 'hired':
      return `Hired on ${since}; contract ${s.contractId ?? 'being started'}`;
    case 'declined':
      return `Declined by the client on ${since}: ${s.declineReason ?? ''}`;
    case 'withdrawn':
      return `Withdrawn by the freelancer on ${since}: ${s.withdrawReason ?? ''}`;
    case 'closed':
      return `Closed on ${since} ${s.closedReason === 'ops' ? 'by operations' : `because the job was ${s.closedReason ?? 'closed'}`}${s.connectsRefunded ? `; ${s.connectsRefunded} Connects refunded` : ''}`;
    case 'abandoned':
      return `Abandoned on ${since}: never submitted, nothing charged`;
  }
}

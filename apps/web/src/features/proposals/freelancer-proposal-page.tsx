import * as api from '../../api/endpoints.js';
import type { Job, Proposal } from '../../api/contract.js';
import { aboutProposal, useLiveEvent } from '../../realtime/live-events.js';
import { Page } from '../../ui/page.js';
import { ResourceView } from '../../ui/resource-view.js';
import { InterviewBadge, StageBadge } from '../../ui/stage-badge.js';
import { useResource } from '../../ui/use-resource.js';
import { ReviewAndSubmit } from '../apply/review-submit.js';
import { CallPanel, useIncomingCall, type IncomingCall } from '../calls/call-panel.js';
import { InterviewPanel } from '../interview/interview-panel.js';
import { InterviewResult } from '../interview/interview-result.js';
import { Thread } from '../messages/thread.js';
import { FreelancerOffer } from '../offers/freelancer-offer.js';
import { ProposalFacts } from './proposal-facts.js';
import { WithdrawProposal } from './withdraw-proposal.js';

const WAITING_TEXT = { client: 'Waiting on the client', freelancer: 'Waiting on you', system: 'Being processed', none: '' };

/**
 * One proposal, from the freelancer's side, at whatever point it is: the interview, the
 * review before submitting, then the thread, the offer and the outcome, updated live.
 */
export function FreelancerProposalPage({ proposalId }: { proposalId: string }) {
  const proposal = useResource(() => api.proposals.get(proposalId), proposalId);
  const incoming = useIncomingCall(proposalId);
  useLiveEvent(aboutProposal(proposalId), (event) => {
    if (!event.type.startsWith('message.') && event.type !== 'call.started') proposal.reload();
  });
  return (
    <ResourceView resource={proposal} what="the proposal">
      {(p) => <WithJob proposal={p} reload={proposal.reload} incoming={incoming} />}
    </ResourceView>
  );
}

function WithJob({ proposal, reload, incoming }: { proposal: Proposal; reload: () => void; incoming: IncomingCall }) {
  const job = useResource(() => api.jobs.get(proposal.jobId), proposal.jobId);
  return (
    <Page title={job.data?.title ?? 'Proposal'}>
      <ResourceView resource={job} what="the job">
        {(j) => <ProposalScreen proposal={proposal} job={j} reload={reload} incoming={incoming} />}
      </ResourceView>
    </Page>
  );
}

function ProposalScreen({ proposal, job, reload, incoming }: { proposal: Proposal; job: Job; reload: () => void; incoming: IncomingCall }) {
  const can = (action: Proposal['allowedActions'][number]) => proposal.allowedActions.includes(action);
  const interviewPending = proposal.interviewRequired && proposal.interview.status !== 'completed';
  const preSubmit = ['draft', 'interviewing', 'ready'].includes(proposal.stage);
  const threadOpen = Boolean(proposal.clientMessagedAt || proposal.offer);
  return (
    <>
      <p className="status-line">
        <StageBadge stage={proposal.stage} /> <InterviewBadge included={proposal.interviewIncluded} score={proposal.interviewResult?.score} />
        {proposal.waitingOn !== 'none' && <span className="hint"> {WAITING_TEXT[proposal.waitingOn]}</span>}
      </p>
      {preSubmit && interviewPending && (can('start_interview') || proposal.stage === 'interviewing') && (
        <InterviewPanel proposalId={proposal.id} resuming={proposal.interview.status === 'in_progress'} onCompleted={reload} />
      )}
      {preSubmit && can('submit') && <ReviewAndSubmit proposal={proposal} job={job} onSubmitted={reload} />}
      {!preSubmit && <ProposalFacts proposal={proposal} />}
      {proposal.stage === 'hired' && (
        <p className="notice notice-success" role="status">
          You're hired: the contract has started.
        </p>
      )}
      {proposal.offer && <FreelancerOffer proposal={proposal} offer={proposal.offer} onChanged={reload} />}
      {!preSubmit && (
        <Thread proposalId={proposal.id} canWrite={threadOpen && can('message')} emptyText="The client opens the conversation; you can answer once they write." />
      )}
      {!preSubmit && threadOpen && can('message') && <CallPanel proposalId={proposal.id} incoming={incoming} />}
      {proposal.interview.status === 'completed' && !interviewPending && <InterviewResult proposalId={proposal.id} />}
      {can('withdraw') && <WithdrawProposal proposalId={proposal.id} onWithdrawn={reload} />}
    </>
  );
}

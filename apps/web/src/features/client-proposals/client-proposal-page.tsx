import { useEffect, useRef } from 'react';
import * as api from '../../api/endpoints.js';
import type { Proposal } from '../../api/contract.js';
import { Link } from '../../routing/router.js';
import { aboutProposal, useLiveEvent } from '../../realtime/live-events.js';
import { Page } from '../../ui/page.js';
import { ResourceView } from '../../ui/resource-view.js';
import { InterviewBadge, StageBadge } from '../../ui/stage-badge.js';
import { useResource } from '../../ui/use-resource.js';
import { CallPanel, useIncomingCall, type IncomingCall } from '../calls/call-panel.js';
import { InterviewResult } from '../interview/interview-result.js';
import { Thread } from '../messages/thread.js';
import { ClientOffer } from '../offers/client-offer.js';
import { ProposalFacts } from '../proposals/proposal-facts.js';
import { FreelancerName, JobTitle } from '../shell/names.js';
import { ReviewActions } from './review-actions.js';

/**
 * A proposal as its client reviews it: the interview (transcript, evaluation and evidence)
 * next to the bid, then the conversation, a call, and the offer. Opening it marks it viewed.
 */
export function ClientProposalPage({ proposalId }: { proposalId: string }) {
  const proposal = useResource(() => api.proposals.get(proposalId), proposalId);
  const incoming = useIncomingCall(proposalId);
  useLiveEvent(aboutProposal(proposalId), (event) => {
    if (!event.type.startsWith('message.') && event.type !== 'call.started') proposal.reload();
  });
  useMarkViewed(proposal.data, proposal.reload);
  return (
    <Page title="Proposal">
      <ResourceView resource={proposal} what="the proposal">
        {(data) => <ProposalScreen proposal={data} reload={proposal.reload} incoming={incoming} />}
      </ResourceView>
    </Page>
  );
}

/** The first view closes the freelancer's edit window, so it is sent once, when the client actually opens it. */
function useMarkViewed(proposal: Proposal | undefined, reload: () => void) {
  const sent = useRef(false);
  useEffect(() => {
    if (!proposal || sent.current || !proposal.allowedActions.includes('view') || proposal.viewedAt) return;
    sent.current = true;
    void api.proposals.view(proposal.id).then(reload, () => undefined);
  }, [proposal, reload]);
}

function ProposalScreen({ proposal, reload, incoming }: { proposal: Proposal; reload: () => void; incoming: IncomingCall }) {
  const can = (action: Proposal['allowedActions'][number]) => proposal.allowedActions.includes(action);
  return (
    <>
      <p>
        <Link to={`/client/jobs/${proposal.jobId}`}>
          ← <JobTitle jobId={proposal.jobId} />
        </Link>
      </p>
      <h2 className="freelancer-name">
        <FreelancerName freelancerId={proposal.freelancerId} />
      </h2>
      <p className="status-line">
        <StageBadge stage={proposal.stage} /> <InterviewBadge included={proposal.interviewIncluded} score={proposal.interviewResult?.score} />
        {proposal.shortlisted && <span className="badge">shortlisted</span>}
        {proposal.archived && <span className="badge">archived</span>}
      </p>
      {proposal.stage === 'hired' && (
        <p className="notice notice-success" role="status">
          Hired: the freelancer accepted your offer and the contract has started.
        </p>
      )}
      <ProposalFacts proposal={proposal} />
      {proposal.interviewRequired && <InterviewResult proposalId={proposal.id} />}
      <ReviewActions proposal={proposal} onChanged={reload} />
      <Thread proposalId={proposal.id} canWrite={can('message')} emptyText="Write to the freelancer to start the conversation." />
      {proposal.clientMessagedAt && can('message') && <CallPanel proposalId={proposal.id} incoming={incoming} />}
      <ClientOffer proposal={proposal} onChanged={reload} />
    </>
  );
}

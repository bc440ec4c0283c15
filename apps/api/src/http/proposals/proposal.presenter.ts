import type { Proposal } from '../../../../../libs/db/entities/proposal.entity.js';
import type { ProposalView } from '../../../../../workflows/proposal.types.js';
import type { AuthContext } from '../../common/auth.js';

/** A proposal as the caller may see it: the client's private flags are hidden from the freelancer. */
export function presentProposal(view: ProposalView, auth: AuthContext) {
  const { allowedActions, shortlisted, archived, remindedForWaitSince: _reminded, version: _version, proposalId, ...rest } = view;
  const role = auth.role === 'ops' ? undefined : auth.role;
  return {
    id: proposalId,
    ...rest,
    ...(auth.role === 'freelancer' ? {} : { shortlisted, archived }),
    interviewIncluded: view.interview.status === 'completed',
    allowedActions: role ? allowedActions[role] : [],
  };
}

/** The list shape, straight from the read model. */
export function presentProposalRow(row: Proposal, auth: AuthContext) {
  return {
    id: row.id,
    jobId: row.jobId,
    freelancerId: row.freelancerId,
    clientId: row.clientId,
    workflowId: row.workflowId,
    stage: row.stage,
    waitingOn: row.waitingOn,
    ...(auth.role === 'freelancer' ? {} : { shortlisted: row.shortlisted, archived: row.archived }),
    invited: row.invited,
    interviewIncluded: row.interviewStatus === 'completed',
    bid: row.bid,
    coverLetter: row.coverLetter,
    connectsCharged: row.connectsCharged,
    connectsRefunded: row.connectsRefunded,
    declineReason: row.declineReason,
    offerId: row.offerId,
    contractId: row.contractId,
    submittedAt: row.submittedAt,
    viewedAt: row.viewedAt,
    lastTransitionAt: row.lastTransitionAt,
  };
}

/** When the workflow can no longer be queried (past retention), the read model answers. */
export function viewFromRow(row: Proposal): ProposalView {
  return {
    proposalId: row.id,
    jobId: row.jobId,
    clientId: row.clientId,
    freelancerId: row.freelancerId,
    workflowId: row.workflowId,
    stage: row.stage,
    waitingOn: row.waitingOn,
    shortlisted: row.shortlisted,
    archived: row.archived,
    invited: row.invited,
    interviewRequired: row.interviewRequired,
    interview: { status: row.interviewStatus as ProposalView['interview']['status'], attempt: 0, retakesGranted: 0 },
    bid: row.bid ?? undefined,
    coverLetter: row.coverLetter ?? undefined,
    notes: row.notes ?? undefined,
    attachments: row.attachments,
    connectsCharged: row.connectsCharged,
    connectsRefunded: row.connectsRefunded,
    declineReason: row.declineReason ?? undefined,
    withdrawReason: row.withdrawReason ?? undefined,
    closedReason: row.closedReason ?? undefined,
    contractId: row.contractId ?? undefined,
    createdAt: row.createdAt.toISOString(),
    submittedAt: row.submittedAt?.toISOString(),
    viewedAt: row.viewedAt?.toISOString(),
    lastTransitionAt: row.lastTransitionAt.toISOString(),
    waitingSince: row.lastTransitionAt.toISOString(),
    version: row.version,
    allowedActions: { client: [], freelancer: [] },
  };
}

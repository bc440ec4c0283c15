import { defineQuery, defineSignal, defineUpdate } from '@temporalio/workflow';
import type {
  EditInput,
  JobCloseReason,
  Offer,
  OfferTerms,
  ProposalView,
  SubmitInput,
} from './proposal.types.js';
import type { JobView } from './job.types.js';
import type { InterviewView, VideoEvent } from './interview.types.js';
import type { DeclineInput, InvitationView } from './invitation.types.js';

/**
 * Signal, query and update definitions shared by the workflows and their callers.
 * Updates are the actions that must answer (validators refuse early); signals are notices.
 */

// Proposal
export const proposalStateQuery = defineQuery<ProposalView>('proposal.state');
export const startInterviewUpdate = defineUpdate<ProposalView>('proposal.startInterview');
export const submitUpdate = defineUpdate<ProposalView, [SubmitInput]>('proposal.submit');
export const editUpdate = defineUpdate<ProposalView, [EditInput]>('proposal.edit');
export const withdrawUpdate = defineUpdate<ProposalView, [{ reason: string }]>('proposal.withdraw');
export const viewUpdate = defineUpdate<ProposalView>('proposal.view');
export const setFlagsUpdate = defineUpdate<ProposalView, [{ shortlisted?: boolean; archived?: boolean }]>(
  'proposal.setFlags',
);
export const declineUpdate = defineUpdate<ProposalView, [{ reason: string }]>('proposal.decline');
export const makeOfferUpdate = defineUpdate<Offer, [{ offerId: string; terms: OfferTerms }]>('proposal.makeOffer');
export const modifyOfferUpdate = defineUpdate<Offer, [{ terms: OfferTerms }]>('proposal.modifyOffer');
export const withdrawOfferUpdate = defineUpdate<Offer>('proposal.withdrawOffer');
export const acceptOfferUpdate = defineUpdate<ProposalView>('proposal.acceptOffer');
export const declineOfferUpdate = defineUpdate<ProposalView, [{ reason?: string }]>('proposal.declineOffer');
export const requestOfferChangesUpdate = defineUpdate<Offer, [{ terms: OfferTerms; message?: string }]>(
  'proposal.requestOfferChanges',
);
/** The client posted a message; the first one moves the proposal to *messaged*. */
export const clientMessagedSignal = defineSignal<[{ at: string }]>('proposal.clientMessaged');
/** The job closed; open proposals close (and are refunded when the job was cancelled). */
export const jobClosedSignal = defineSignal<[{ reason: JobCloseReason }]>('proposal.jobClosed');
/**
 * Sent by the interview child when the freelancer finishes (or time runs out). `attempt` lets
 * the proposal ignore an earlier attempt that finishes after ops granted a retake.
 */
export const interviewCompletedSignal = defineSignal<[{ completedAt: string; attempt?: number }]>('proposal.interviewCompleted');
/** Ops cancel a proposal that cannot move on; anything charged is refunded. */
export const opsCancelUpdate = defineUpdate<ProposalView, [{ reason: string }]>('proposal.opsCancel');
/** Ops grant one interview retake before submission. */
export const grantRetakeUpdate = defineUpdate<ProposalView>('proposal.grantRetake');

// Job
export const jobStateQuery = defineQuery<JobView>('job.state');
export const cancelJobUpdate = defineUpdate<JobView, [{ by: 'client' | 'ops' }]>('job.cancel');
/** A proposal of this job was hired; the job fills when its openings are reached. */
export const proposalHiredSignal = defineSignal<[{ proposalId: string }]>('job.proposalHired');

// Interview
export const interviewStateQuery = defineQuery<InterviewView>('interview.state');
export const answerUpdate = defineUpdate<InterviewView, [{ questionIndex: number; text: string }]>('interview.answer');
export const completeInterviewUpdate = defineUpdate<InterviewView>('interview.complete');
/** The freelancer joins (or rejoins): answers once the room is ready and the clock has started. */
export const joinInterviewUpdate = defineUpdate<InterviewView>('interview.join');
/** Ops run a failed evaluation again once its cause is fixed. */
export const retryEvaluationUpdate = defineUpdate<InterviewView>('interview.retryEvaluation');
/** Room and recording events from the video provider's signed webhook. */
export const videoEventSignal = defineSignal<[VideoEvent]>('interview.videoEvent');

// Invitation
export const invitationStateQuery = defineQuery<InvitationView>('invitation.state');
export const acceptInvitationUpdate = defineUpdate<InvitationView>('invitation.accept');
export const declineInvitationUpdate = defineUpdate<InvitationView, [DeclineInput]>('invitation.decline');
/** The freelancer ignores the invitation: archived, and not a response. */
export const archiveInvitationUpdate = defineUpdate<InvitationView>('invitation.archive');
export const withdrawInvitationUpdate = defineUpdate<InvitationView>('invitation.withdraw');
/** The job closed; a pending invitation closes with it. */
export const invitationJobClosedSignal = defineSignal<[{ reason: JobCloseReason }]>('invitation.jobClosed');

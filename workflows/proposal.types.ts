/** Types shared by the proposal workflow, its activities and the API. No runtime code. */

export type ProposalStage =
  | 'draft'
  | 'interviewing'
  | 'ready'
  | 'submitted'
  | 'viewed'
  | 'messaged'
  | 'offer_pending'
  | 'hired'
  | 'declined'
  | 'withdrawn'
  | 'closed'
  | 'abandoned';

export type WaitingOn = 'client' | 'freelancer' | 'system' | 'none';
export type Party = 'client' | 'freelancer';
export type JobCloseReason = 'filled' | 'cancelled' | 'expired';
/** Why a proposal closed: its job closed, or operations cancelled it. */
export type ProposalCloseReason = JobCloseReason | 'ops';

export interface Bid {
  type: 'hourly' | 'fixed';
  amount: number;
}

export interface Attachment {
  name: string;
  url: string;
}

export interface Milestone {
  description: string;
  amount: number;
}

export interface OfferTerms {
  type: 'hourly' | 'fixed';
  rate?: number;
  weeklyLimit?: number;
  amount?: number;
  milestones?: Milestone[];
  startDate?: string;
  description: string;
}

export type OfferStatus = 'pending' | 'accepted' | 'declined' | 'withdrawn' | 'expired';

export interface Offer {
  id: string;
  terms: OfferTerms;
  status: OfferStatus;
  sentAt: string;
  expiresAt: string;
  requestedChanges?: { terms: OfferTerms; message?: string; at: string };
}

export interface ProposalTimers {
  abandonAfterMs: number;
  editWindowMs: number;
  reminderAfterMs: number;
  offerExpiresAfterMs: number;
  /** Attempts of a ledger activity before the hire is flagged as having a failing activity (it keeps retrying). */
  activityAttemptsBeforeFlag?: number;
}

export interface ProposalInput {
  proposalId: string;
  jobId: string;
  jobTitle: string;
  clientId: string;
  freelancerId: string;
  freelancerName: string;
  connectsCost: number;
  invited: boolean;
  interviewQuestions: string[] | null;
  interviewLimits: { perQuestionMs: number; sessionMs: number };
  timers: ProposalTimers;
  /** Carried across continue-as-new. */
  resume?: ProposalState;
}

export type ProposalAction =
  | 'start_interview'
  | 'submit'
  | 'edit_content'
  | 'edit_bid'
  | 'withdraw'
  | 'view'
  | 'shortlist'
  | 'archive'
  | 'decline'
  | 'message'
  | 'make_offer'
  | 'modify_offer'
  | 'withdraw_offer'
  | 'accept_offer'
  | 'decline_offer'
  | 'request_changes';

export interface ProposalState {
  proposalId: string;
  jobId: string;
  clientId: string;
  freelancerId: string;
  stage: ProposalStage;
  waitingOn: WaitingOn;
  shortlisted: boolean;
  archived: boolean;
  invited: boolean;
  interviewRequired: boolean;
  interview: {
    status: 'not_started' | 'in_progress' | 'completed';
    workflowId?: string;
    attempt: number;
    completedAt?: string;
    retakesGranted: number;
  };
  bid?: Bid;
  coverLetter?: string;
  notes?: string;
  attachments: Attachment[];
  connectsCharged: number;
  connectsRefunded: number;
  declineReason?: string;
  withdrawReason?: string;
  closedReason?: ProposalCloseReason;
  offer?: Offer;
  contractId?: string;
  createdAt: string;
  submittedAt?: string;
  viewedAt?: string;
  clientMessagedAt?: string;
  lastTransitionAt: string;
  /** Since when the party in `waitingOn` has been waited on; the reminder clock starts here. */
  waitingSince: string;
  /** The `waitingSince` a reminder was already sent for: one reminder per wait. */
  remindedForWaitSince?: string;
  /** Increases on every change; read models never move to a lower version. */
  version: number;
}

/** What `GET /v1/proposals/:id` shows: the state plus the caller's next actions. */
export interface ProposalView extends ProposalState {
  workflowId: string;
  allowedActions: { client: ProposalAction[]; freelancer: ProposalAction[] };
  editWindowEndsAt?: string;
}

export interface SubmitInput {
  bid: Bid;
  coverLetter?: string;
  notes?: string;
  attachments?: Attachment[];
}

export interface EditInput {
  bid?: Bid;
  coverLetter?: string;
  notes?: string;
  attachments?: Attachment[];
}

export interface ProposalOutcome {
  stage: ProposalStage;
  connectsCharged: number;
  connectsRefunded: number;
  contractId?: string;
}

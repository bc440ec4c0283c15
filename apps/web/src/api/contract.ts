/**
 * The REST contract as the web app sees it, taken from the API's own request schemas and
 * the return types of its services and presenters. Type-only imports: nothing from the
 * server reaches the bundle, and a change to a response shape breaks `tsc -p apps/web`.
 */
import type { CreateAccount } from '../../../api/src/http/accounts/accounts.schemas.js';
import type { AccountsService } from '../../../api/src/http/accounts/accounts.service.js';
import type { CallsService } from '../../../api/src/http/calls/calls.service.js';
import type { Purchase } from '../../../api/src/http/connects/connects.schemas.js';
import type { ConnectsService } from '../../../api/src/http/connects/connects.service.js';
import type { FreelancersService } from '../../../api/src/http/freelancers/freelancers.service.js';
import type { Answer } from '../../../api/src/http/interviews/interviews.schemas.js';
import type { InterviewsService } from '../../../api/src/http/interviews/interviews.service.js';
import type { DeclineInvitation, Invite } from '../../../api/src/http/invitations/invitations.schemas.js';
import type { InvitationsService } from '../../../api/src/http/invitations/invitations.service.js';
import type { CreateJob } from '../../../api/src/http/jobs/jobs.schemas.js';
import type { JobsService } from '../../../api/src/http/jobs/jobs.service.js';
import type { PostMessage } from '../../../api/src/http/messages/messages.schemas.js';
import type { MessagesService } from '../../../api/src/http/messages/messages.service.js';
import type { OffersService } from '../../../api/src/http/proposals/offers.service.js';
import type { OfferBody, Reason, RequestChanges, Submit } from '../../../api/src/http/proposals/proposals.schemas.js';
import type { ProposalsService } from '../../../api/src/http/proposals/proposals.service.js';
import type { EventEnvelope } from '../../../api/src/realtime/realtime.events.js';
import type { ClientTab, FreelancerTab } from '../../../../libs/db/repositories/proposals.repository.js';
import type { FreelancerInvitationTab } from '../../../../libs/db/repositories/invitations.repository.js';
import type { Finding, FindingKind } from '../../../../libs/domain/moderation/types.js';
import type { RequirementAlignment } from '../../../../libs/ports/evaluator.port.js';
import type { DeclineReason } from '../../../../workflows/invitation.types.js';
import type { JobStatus } from '../../../../workflows/job.types.js';
import type { OfferTerms, ProposalAction, ProposalStage } from '../../../../workflows/proposal.types.js';

type Answered<F extends (...args: never[]) => unknown> = Awaited<ReturnType<F>>;

// Requests
export type { Answer, CreateAccount, CreateJob, DeclineInvitation, Invite, OfferBody, PostMessage, Purchase, Reason, RequestChanges, Submit };

// Responses
export type Account = Answered<AccountsService['create']>;
export type ConnectsStatement = Answered<ConnectsService['statement']>;
export type LedgerEntry = ConnectsStatement['entries'][number];
export type Purchased = Answered<ConnectsService['purchase']>;
export type Job = ReturnType<JobsService['present']>;
export type JobList = Answered<JobsService['list']>;
export type Proposal = Answered<ProposalsService['get']>;
export type ProposalPage = Answered<ProposalsService['listForJob']>;
export type ProposalRow = ProposalPage['items'][number];
export type InterviewSession = Answered<InterviewsService['start']>;
export type Interview = Answered<InterviewsService['get']>;
export type Message = Answered<MessagesService['post']>;
export type MessagePage = Answered<MessagesService['list']>;
export type Call = Answered<CallsService['start']>;
export type Offer = Answered<OffersService['make']>;
export type OfferAccepted = Answered<OffersService['accept']>;
export type Invitation = Answered<InvitationsService['get']>;
export type InvitationPage = Answered<InvitationsService['list']>;
export type InvitationAccepted = Answered<InvitationsService['accept']>;
export type FreelancerProfile = Answered<FreelancersService['profile']>;

// Vocabulary
/** The roles that use the web app; ops work from the Temporal UI and the ops endpoints. */
export type Role = CreateAccount['role'];
export type { JobStatus };
export type { ClientTab, DeclineReason, EventEnvelope, Finding, FindingKind, FreelancerInvitationTab, FreelancerTab, OfferTerms, ProposalAction, ProposalStage, RequirementAlignment };

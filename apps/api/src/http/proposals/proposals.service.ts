import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { Client, WorkflowNotFoundError, type WorkflowHandle } from '@temporalio/client';
import type { UpdateDefinition } from '@temporalio/common';
import type { AppConfig } from '../../../../../libs/config/config.js';
import type { Job } from '../../../../../libs/db/entities/job.entity.js';
import type { Proposal } from '../../../../../libs/db/entities/proposal.entity.js';
import {
  AccountsRepository,
  InterviewsRepository,
  InvitationsRepository,
  JobsRepository,
  ProposalsRepository,
} from '../../../../../libs/db/repositories/index.js';
import { AlreadyExistsError, ForbiddenError, JobNotOpenError, NotFoundError, WrongStateError } from '../../../../../libs/domain/errors.js';
import { proposalWorkflowId } from '../../../../../workflows/ids.js';
import { proposalStateQuery } from '../../../../../workflows/messages.js';
import { initialProposalState, isTerminal, proposalView } from '../../../../../workflows/proposal.rules.js';
import type { ProposalInput, ProposalView } from '../../../../../workflows/proposal.types.js';
import {
  ClientIdKey,
  FreelancerIdKey,
  JobIdKey,
  KindKey,
  LastTransitionAtKey,
  StageKey,
  WaitingOnKey,
} from '../../../../../workflows/search-attributes.js';
import type { AuthContext } from '../../common/auth.js';
import { interviewBadge } from '../interviews/interview.presenter.js';
import { APP_CONFIG, TEMPORAL_CLIENT } from '../../core/tokens.js';
import type { JobProposalsQuery } from '../jobs/jobs.schemas.js';
import { presentProposal, presentProposalRow, viewFromRow } from './proposal.presenter.js';
import type { FreelancerProposalsQuery } from './proposals.schemas.js';

export type Party = 'freelancer' | 'client';

/**
 * Proposals: starting the workflow, reading its live state, and sending the parties'
 * actions to it as Updates. Who may act is decided here, once; what may happen in
 * which stage is decided by the workflow's validators.
 */
@Injectable()
export class ProposalsService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(TEMPORAL_CLIENT) private readonly temporal: Client,
    private readonly proposals: ProposalsRepository,
    private readonly jobs: JobsRepository,
    private readonly accounts: AccountsRepository,
    private readonly interviews: InterviewsRepository,
    private readonly invitations: InvitationsRepository,
  ) {}

  async apply(auth: AuthContext, jobId: string) {
    const job = await this.jobs.get(jobId);
    // Applying while invited is answering the invitation with a proposal: free, as accepting would be.
    const invited = await this.invitations.hasPending(jobId, auth.accountId);
    const input = await this.launch(job, auth.accountId, { invited });
    // The new workflow's state is known without asking it: a query would wait for its first task.
    const view = proposalView(initialProposalState(input, Date.now()), proposalWorkflowId(job.id, auth.accountId), input.timers, Date.now());
    return { ...presentProposal(view, auth), interviewResult: interviewBadge(null) };
  }

  /** Starts the proposal workflow; Temporal itself refuses a second one for the same job and freelancer. */
  async startProposal(job: Job, freelancerId: string, options: { invited: boolean }): Promise<string> {
    return (await this.launch(job, freelancerId, options)).proposalId;
  }

  private async launch(job: Job, freelancerId: string, options: { invited: boolean }): Promise<ProposalInput> {
    if (job.status !== 'open') throw new JobNotOpenError(job.id, job.status);
    if (await this.proposals.findByJobAndFreelancer(job.id, freelancerId)) {
      throw new AlreadyExistsError('you already have a proposal for this job');
    }
    const freelancer = await this.accounts.get(freelancerId);
    const id = randomUUID();
    const workflowId = proposalWorkflowId(job.id, freelancerId);
    const input: ProposalInput = {
      proposalId: id,
      jobId: job.id,
      jobTitle: job.title,
      clientId: job.clientId,
      freelancerId,
      freelancerName: freelancer.displayName,
      connectsCost: job.connectsCost,
      invited: options.invited,
      interviewQuestions: job.interviewQuestions ?? null,
      interviewLimits: this.config.timers.interview,
      timers: this.config.timers.proposal,
    };
    await this.temporal.workflow.start('proposalWorkflow', {
      taskQueue: this.config.temporal.taskQueue,
      workflowId,
      args: [input],
      workflowIdReusePolicy: 'REJECT_DUPLICATE',
      staticSummary: `Proposal: ${freelancer.displayName} → ${job.title}`,
      typedSearchAttributes: [
        { key: KindKey, value: 'proposal' },
        { key: StageKey, value: 'draft' },
        { key: WaitingOnKey, value: 'freelancer' },
        { key: JobIdKey, value: job.id },
        { key: ClientIdKey, value: job.clientId },
        { key: FreelancerIdKey, value: freelancerId },
        // With every attribute set here, the workflow's first task need not upsert them.
        { key: LastTransitionAtKey, value: new Date() },
      ],
    });
    await this.proposals.insertDraft({
      id,
      jobId: job.id,
      freelancerId,
      clientId: job.clientId,
      workflowId,
      invited: options.invited,
      interviewRequired: (job.interviewQuestions?.length ?? 0) > 0,
    });
    return input;
  }

  /** The proposal, with its interview's evaluation (score and summary) once there is one. */
  async get(auth: AuthContext, id: string) {
    const row = await this.readable(auth, id);
    const [view, interview] = await Promise.all([
      this.liveView(row),
      row.interviewRequired ? this.interviews.findLatestForProposal(id) : null,
    ]);
    return { ...presentProposal(view, auth), interviewResult: interviewBadge(interview) };
  }

  async listForJob(auth: AuthContext, jobId: string, query: JobProposalsQuery) {
    const job = await this.jobs.get(jobId);
    if (auth.role !== 'ops' && job.clientId !== auth.accountId) throw new ForbiddenError('only the job\'s client sees its proposals');
    const rows = await this.proposals.listForJob(jobId, query.tab, query);
    return this.page(rows, auth, query.limit);
  }

  async listForFreelancer(auth: AuthContext, query: FreelancerProposalsQuery) {
    const rows = await this.proposals.listForFreelancer(auth.accountId, query.tab, query);
    return this.page(rows, auth, query.limit);
  }

  /**
   * Sends one party's action to the workflow as an Update. The update id derives from the
   * caller's Idempotency-Key, so a retried request is answered, not repeated.
   */
  async act<Ret, Args extends unknown[]>(
    auth: AuthContext,
    id: string,
    party: Party,
    update: UpdateDefinition<Ret, Args>,
    args: Args,
    idempotencyKey?: string,
  ): Promise<{ result: Ret; row: Proposal }> {
    const row = await this.asParty(auth, id, party);
    const handle: WorkflowHandle = this.temporal.workflow.getHandle(row.workflowId);
    const updateId = idempotencyKey ? `${update.name}:${auth.accountId}:${idempotencyKey}` : undefined;
    // The definition's own types tie `args` to `update`; the SDK's overloads cannot see that through generics.
    const execute = handle.executeUpdate.bind(handle) as (def: UpdateDefinition<Ret, Args>, options: { args: Args; updateId?: string }) => Promise<Ret>;
    try {
      return { result: await execute(update, { args, updateId }), row };
    } catch (error) {
      throw await this.finishedRefusal(error, id, update.name);
    }
  }

  /**
   * A proposal in a final stage has completed its workflow, which then refuses every update as
   * "not found". To the caller that is a wrong-state refusal naming the final stage, as the
   * workflow's own validators would have answered.
   */
  private async finishedRefusal(error: unknown, id: string, updateName: string): Promise<unknown> {
    if (!(error instanceof WorkflowNotFoundError)) return error;
    const row = await this.proposals.get(id);
    if (!isTerminal(row.stage)) return error;
    const action = updateName.replace(/^proposal\./, '').replace(/[A-Z]/g, (c) => ` ${c.toLowerCase()}`);
    return new WrongStateError(`cannot ${action}: the proposal is ${row.stage}`, { stage: row.stage });
  }

  /** Like `act`, for updates that answer with the proposal: presents it to the caller. */
  async actAndPresent<Args extends unknown[]>(
    auth: AuthContext,
    id: string,
    party: Party,
    update: UpdateDefinition<ProposalView, Args>,
    args: Args,
    idempotencyKey?: string,
  ) {
    const { result } = await this.act(auth, id, party, update, args, idempotencyKey);
    return presentProposal(result, auth);
  }

  async liveView(row: Proposal): Promise<ProposalView> {
    try {
      return await this.temporal.workflow.getHandle(row.workflowId).query(proposalStateQuery);
    } catch (error) {
      if (error instanceof WorkflowNotFoundError) return viewFromRow(row);
      throw error;
    }
  }

  /** The proposal, if the caller may read it: its freelancer, the job's client once submitted, or ops. */
  async readable(auth: AuthContext, id: string): Promise<Proposal> {
    const row = await this.proposals.get(id);
    if (auth.role === 'ops' || row.freelancerId === auth.accountId) return row;
    if (row.clientId === auth.accountId) {
      // A draft is the freelancer's alone: to the client it does not exist yet.
      if (!row.submittedAt) throw new NotFoundError('proposal', id);
      return row;
    }
    throw new ForbiddenError('this proposal belongs to someone else');
  }

  async asParty(auth: AuthContext, id: string, party: Party): Promise<Proposal> {
    const row = await this.readable(auth, id);
    const owner = party === 'freelancer' ? row.freelancerId : row.clientId;
    if (owner !== auth.accountId) throw new ForbiddenError(`only the proposal's ${party} may do this`);
    return row;
  }

  private page(rows: Proposal[], auth: AuthContext, limit: number) {
    return {
      items: rows.map((row) => presentProposalRow(row, auth)),
      nextCursor: rows.length === limit ? rows.at(-1)!.id : null,
    };
  }
}

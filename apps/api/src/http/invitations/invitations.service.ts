import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { Client, WorkflowExecutionAlreadyStartedError } from '@temporalio/client';
import type { UpdateDefinition } from '@temporalio/common';
import type { AppConfig } from '../../../../../libs/config/config.js';
import type { Invitation } from '../../../../../libs/db/entities/invitation.entity.js';
import type { Job } from '../../../../../libs/db/entities/job.entity.js';
import {
  AccountsRepository,
  InvitationsRepository,
  JobsRepository,
  ProposalsRepository,
} from '../../../../../libs/db/repositories/index.js';
import {
  AlreadyExistsError,
  ForbiddenError,
  JobNotOpenError,
  ValidationError,
  WrongStateError,
} from '../../../../../libs/domain/errors.js';
import { screen } from '../../../../../libs/domain/moderation/index.js';
import { invitationWorkflowId } from '../../../../../workflows/ids.js';
import type { InvitationAction, InvitationInput, InvitationView } from '../../../../../workflows/invitation.types.js';
import * as msg from '../../../../../workflows/messages.js';
import {
  ClientIdKey,
  ExpiresAtKey,
  FreelancerIdKey,
  JobIdKey,
  KindKey,
  StageKey,
  WaitingOnKey,
} from '../../../../../workflows/search-attributes.js';
import type { AuthContext } from '../../common/auth.js';
import { APP_CONFIG, TEMPORAL_CLIENT } from '../../core/tokens.js';
import { getFreelancer } from '../freelancers/freelancers.service.js';
import { ProposalsService } from '../proposals/proposals.service.js';
import { presentInvitation } from './invitation.presenter.js';
import type { DeclineInvitation, Invite, InvitationsQuery } from './invitations.schemas.js';

type Party = 'client' | 'freelancer';

/**
 * Invitation and decline texts are written before any contract, so they pass the same
 * contact-detail rules as messages. They are refused (422) rather than redacted: the sender
 * is right there to reword them, and nothing half-delivered reaches the other side.
 */
function screenText(what: string, text: string | undefined) {
  screen(what, { message: text }, { contractStarted: false, mode: 'reject' });
}

/**
 * Invitations: starting the workflow, listing, and sending each party's answer to it as an
 * Update. Who may act is decided here; whether the invitation is still open is decided by
 * the workflow (its clock decides a race with the expiry timer).
 */
@Injectable()
export class InvitationsService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(TEMPORAL_CLIENT) private readonly temporal: Client,
    private readonly invitations: InvitationsRepository,
    private readonly jobs: JobsRepository,
    private readonly accounts: AccountsRepository,
    private readonly proposalRows: ProposalsRepository,
    private readonly proposals: ProposalsService,
  ) {}

  async invite(auth: AuthContext, jobId: string, body: Invite) {
    const job = await this.jobs.get(jobId);
    if (job.clientId !== auth.accountId) throw new ForbiddenError('only the job\'s client may invite freelancers to it');
    if (job.status !== 'open') throw new JobNotOpenError(job.id, job.status);
    const freelancer = await getFreelancer(this.accounts, body.freelancerId);
    if (await this.proposalRows.findByJobAndFreelancer(job.id, freelancer.id)) {
      throw new AlreadyExistsError('this freelancer already applied to the job; there is nothing to invite them to');
    }
    screenText('this invitation', body.message);

    const id = randomUUID();
    const workflowId = invitationWorkflowId(job.id, freelancer.id);
    const sentAt = new Date();
    const expiresAt = new Date(sentAt.getTime() + this.config.timers.invitation.expiresAfterMs);
    // The row comes first so the message never enters workflow history; it goes if the start fails.
    await this.invitations.insertPending({
      id,
      jobId: job.id,
      clientId: job.clientId,
      freelancerId: freelancer.id,
      workflowId,
      message: body.message ?? null,
      sentAt,
      expiresAt,
    });
    try {
      await this.startWorkflow(job, freelancer.id, freelancer.displayName, id, workflowId, expiresAt);
    } catch (error) {
      await this.invitations.removeUnstarted(id);
      if (error instanceof WorkflowExecutionAlreadyStartedError) {
        throw new AlreadyExistsError('this freelancer already has a pending invitation to this job');
      }
      throw error;
    }
    return presentInvitation(await this.invitations.get(id), auth);
  }

  /**
   * The workflow id is the business key and may be reused once an invitation has ended
   * (declined, expired, withdrawn…), so the client can invite again; while one is running,
   * Temporal refuses a second start.
   */
  private async startWorkflow(job: Job, freelancerId: string, freelancerName: string, id: string, workflowId: string, expiresAt: Date) {
    const input: InvitationInput = {
      invitationId: id,
      jobId: job.id,
      jobTitle: job.title,
      clientId: job.clientId,
      freelancerId,
      freelancerName,
      timers: this.config.timers.invitation,
    };
    await this.temporal.workflow.start('invitationWorkflow', {
      taskQueue: this.config.temporal.taskQueue,
      workflowId,
      args: [input],
      workflowIdReusePolicy: 'ALLOW_DUPLICATE',
      staticSummary: `Invitation: ${freelancerName} invited to "${job.title}"`,
      typedSearchAttributes: [
        { key: KindKey, value: 'invitation' },
        { key: StageKey, value: 'pending' },
        { key: WaitingOnKey, value: 'freelancer' },
        { key: JobIdKey, value: job.id },
        { key: ClientIdKey, value: job.clientId },
        { key: FreelancerIdKey, value: freelancerId },
        { key: ExpiresAtKey, value: expiresAt },
      ],
    });
  }

  async list(auth: AuthContext, query: InvitationsQuery) {
    let rows: Invitation[];
    if (auth.role === 'freelancer') {
      if (query.tab === 'sent' || query.jobId) {
        throw new ValidationError('tab: freelancers read the pending, accepted, declined or archived tab');
      }
      rows = await this.invitations.listForFreelancer(auth.accountId, query.tab ?? 'pending', query);
    } else {
      if (query.tab && query.tab !== 'sent') throw new ValidationError('tab: clients read the sent tab');
      rows = await this.invitations.listForClient(auth.accountId, { jobId: query.jobId }, query);
    }
    return {
      items: rows.map((row) => presentInvitation(row, auth)),
      nextCursor: rows.length === query.limit ? rows.at(-1)!.id : null,
    };
  }

  async get(auth: AuthContext, id: string) {
    return presentInvitation(await this.readable(auth, id), auth);
  }

  /**
   * Accepting starts the freelancer's proposal for the job, marked invited (free of Connects,
   * still interview-gated), or joins the one already started. A retried accept finds the
   * invitation accepted and only makes sure the proposal exists.
   */
  async accept(auth: AuthContext, id: string, key?: string) {
    let row = await this.asParty(auth, id, 'freelancer');
    if (row.status !== 'accepted') {
      this.refuseIfEnded(row, 'accept');
      const job = await this.jobs.get(row.jobId);
      if (job.status !== 'open') throw new JobNotOpenError(job.id, job.status);
      await this.update(auth, row, msg.acceptInvitationUpdate, [], key);
    }
    const proposalId = await this.startOrJoinProposal(row);
    await this.invitations.linkProposal(row.id, proposalId);
    row = await this.invitations.get(id);
    return { ...presentInvitation(row, auth), proposalId, proposal: await this.proposals.get(auth, proposalId) };
  }

  async decline(auth: AuthContext, id: string, body: DeclineInvitation, key?: string) {
    screenText('this decline message', body.message);
    return this.answer(auth, id, 'freelancer', 'decline', msg.declineInvitationUpdate, [body], key);
  }

  async archive(auth: AuthContext, id: string, key?: string) {
    return this.answer(auth, id, 'freelancer', 'archive', msg.archiveInvitationUpdate, [], key);
  }

  async withdraw(auth: AuthContext, id: string, key?: string) {
    return this.answer(auth, id, 'client', 'withdraw', msg.withdrawInvitationUpdate, [], key);
  }

  private async answer<Args extends unknown[]>(
    auth: AuthContext,
    id: string,
    party: Party,
    action: InvitationAction,
    update: UpdateDefinition<InvitationView, Args>,
    args: Args,
    key?: string,
  ) {
    const row = await this.asParty(auth, id, party);
    this.refuseIfEnded(row, action);
    await this.update(auth, row, update, args, key);
    return presentInvitation(await this.invitations.get(id), auth);
  }

  private async startOrJoinProposal(row: Invitation): Promise<string> {
    const existing = await this.proposalRows.findByJobAndFreelancer(row.jobId, row.freelancerId);
    if (existing) return existing.id;
    const job = await this.jobs.get(row.jobId);
    try {
      return await this.proposals.startProposal(job, row.freelancerId, { invited: true });
    } catch (error) {
      // Two accepts racing: the other one started it.
      const raced = await this.proposalRows.findByJobAndFreelancer(row.jobId, row.freelancerId);
      if (raced) return raced.id;
      throw error;
    }
  }

  /**
   * An ended invitation is refused from the read model, without reaching Temporal: its
   * workflow id may already belong to a newer invitation of the same job and freelancer.
   */
  private refuseIfEnded(row: Invitation, action: InvitationAction) {
    if (row.status !== 'pending') {
      throw new WrongStateError(`cannot ${action}: the invitation is ${row.status}`, { status: row.status });
    }
  }

  /** The update goes to this invitation's own run; the idempotency key makes a retried request answer, not repeat. */
  private async update<Args extends unknown[]>(
    auth: AuthContext,
    row: Invitation,
    update: UpdateDefinition<InvitationView, Args>,
    args: Args,
    key?: string,
  ): Promise<InvitationView> {
    const handle = this.temporal.workflow.getHandle(row.workflowId, row.runId ?? undefined);
    const updateId = key ? `${update.name}:${row.id}:${auth.accountId}:${key}` : undefined;
    const execute = handle.executeUpdate.bind(handle) as (
      def: UpdateDefinition<InvitationView, Args>,
      options: { args: Args; updateId?: string },
    ) => Promise<InvitationView>;
    return execute(update, { args, updateId });
  }

  private async readable(auth: AuthContext, id: string): Promise<Invitation> {
    const row = await this.invitations.get(id);
    if (auth.role === 'ops' || row.freelancerId === auth.accountId || row.clientId === auth.accountId) return row;
    throw new ForbiddenError('this invitation belongs to someone else');
  }

  private async asParty(auth: AuthContext, id: string, party: Party): Promise<Invitation> {
    const row = await this.readable(auth, id);
    const owner = party === 'freelancer' ? row.freelancerId : row.clientId;
    if (owner !== auth.accountId) throw new ForbiddenError(`only the invitation's ${party} may do this`);
    return row;
  }
}

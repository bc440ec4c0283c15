import type { MikroORM } from '@mikro-orm/postgresql';
import type { InvitationState, InvitationStatus } from '../../../workflows/invitation.types.js';
import type { InvitationRecord } from '../../domain/invitation-metrics.js';
import { NotFoundError } from '../../domain/errors.js';
import { Invitation } from '../entities/invitation.entity.js';
import { EventsRepository, type OutboxEvent } from './events.repository.js';
import type { Page } from './proposals.repository.js';

export const FREELANCER_INVITATION_TABS = ['pending', 'accepted', 'declined', 'archived'] as const;
export type FreelancerInvitationTab = (typeof FREELANCER_INVITATION_TABS)[number];

/** The archived tab holds every invitation that ended without an answer, whoever ended it. */
const statusesByTab: Record<FreelancerInvitationTab, InvitationStatus[]> = {
  pending: ['pending'],
  accepted: ['accepted'],
  declined: ['declined'],
  archived: ['archived', 'expired', 'withdrawn', 'closed'],
};

export class InvitationsRepository {
  constructor(private readonly orm: MikroORM) {}

  /** Written by the API before the workflow starts, with the message that stays out of its history. */
  async insertPending(row: {
    id: string;
    jobId: string;
    clientId: string;
    freelancerId: string;
    workflowId: string;
    message: string | null;
    sentAt: Date;
    expiresAt: Date;
  }): Promise<void> {
    await this.orm.em.fork().execute(
      `insert into invitations (id, job_id, client_id, freelancer_id, workflow_id, status, message, sent_at, expires_at, last_transition_at, version)
       values (?, ?, ?, ?, ?, 'pending', ?, ?, ?, ?, 0) on conflict (id) do nothing`,
      [row.id, row.jobId, row.clientId, row.freelancerId, row.workflowId, row.message, row.sentAt, row.expiresAt, row.sentAt],
    );
  }

  /** Undoes `insertPending` when the workflow could not start. */
  async removeUnstarted(id: string): Promise<void> {
    await this.orm.em.fork().nativeDelete(Invitation, { id, version: 0 });
  }

  async get(id: string): Promise<Invitation> {
    const invitation = await this.orm.em.fork().findOne(Invitation, { id });
    if (!invitation) throw new NotFoundError('invitation', id);
    return invitation;
  }

  async hasPending(jobId: string, freelancerId: string): Promise<boolean> {
    return (await this.orm.em.fork().count(Invitation, { jobId, freelancerId, status: 'pending' })) > 0;
  }

  async linkProposal(id: string, proposalId: string): Promise<void> {
    await this.orm.em.fork().nativeUpdate(Invitation, { id }, { proposalId });
  }

  listForFreelancer(freelancerId: string, tab: FreelancerInvitationTab, page: Page): Promise<Invitation[]> {
    return this.list({ freelancerId, status: { $in: statusesByTab[tab] } }, page);
  }

  listForClient(clientId: string, filter: { jobId?: string }, page: Page): Promise<Invitation[]> {
    return this.list({ clientId, ...(filter.jobId ? { jobId: filter.jobId } : {}) }, page);
  }

  /** Pending invitations of a job in id order, for closing them in bounded batches. */
  async pendingForJob(
    jobId: string,
    afterId: string | null,
    limit: number,
  ): Promise<{ id: string; workflowId: string; runId: string | null }[]> {
    const rows = await this.orm.em.fork().find(
      Invitation,
      { jobId, status: 'pending', ...(afterId ? { id: { $gt: afterId } } : {}) },
      { orderBy: { id: 'asc' }, limit, fields: ['id', 'workflowId', 'runId'] },
    );
    return rows.map((row) => ({ id: row.id, workflowId: row.workflowId, runId: row.runId ?? null }));
  }

  /** A freelancer's invitations sent since `since`, newest first: the input to response metrics. */
  async responseHistory(freelancerId: string, since: Date, limit = 1_000): Promise<InvitationRecord[]> {
    const rows = await this.orm.em.fork().find(
      Invitation,
      { freelancerId, sentAt: { $gte: since } },
      { orderBy: { sentAt: 'desc' }, limit, fields: ['status', 'sentAt', 'respondedAt', 'endedAt'] },
    );
    return rows.map((row) => ({ status: row.status, sentAt: row.sentAt, respondedAt: row.respondedAt, endedAt: row.endedAt }));
  }

  /**
   * Writes a workflow transition and the notices it produced in one transaction. Rows only
   * move forward: a replayed or retried write with an older version changes nothing.
   */
  async record(state: InvitationState, workflowId: string, runId: string, notices: OutboxEvent[] = []): Promise<void> {
    await this.orm.em.fork().transactional(async (em) => {
      await em.execute(
        `insert into invitations (id, job_id, client_id, freelancer_id, workflow_id, run_id, status, decline_reasons, decline_message,
           closed_reason, sent_at, expires_at, reminded_at, responded_at, ended_at, last_transition_at, version)
         values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
         on conflict (id) do update set run_id = excluded.run_id, status = excluded.status, decline_reasons = excluded.decline_reasons,
           decline_message = excluded.decline_message, closed_reason = excluded.closed_reason, sent_at = excluded.sent_at,
           expires_at = excluded.expires_at, reminded_at = excluded.reminded_at, responded_at = excluded.responded_at,
           ended_at = excluded.ended_at, last_transition_at = excluded.last_transition_at, version = excluded.version, updated_at = now()
         where invitations.version < excluded.version or (invitations.version = excluded.version and invitations.status = excluded.status)`,
        [
          state.invitationId, state.jobId, state.clientId, state.freelancerId, workflowId, runId, state.status,
          state.declineReasons ? JSON.stringify(state.declineReasons) : null, state.declineMessage ?? null,
          state.closedReason ?? null, state.sentAt, state.expiresAt, state.remindedAt ?? null, state.respondedAt ?? null,
          state.endedAt ?? null, state.lastTransitionAt, state.version,
        ],
      );
      await EventsRepository.appendWith(em, notices);
    });
  }

  private list(where: object, page: Page): Promise<Invitation[]> {
    return this.orm.em.fork().find(
      Invitation,
      { ...where, ...(page.after ? { id: { $gt: page.after } } : {}) } as never,
      { orderBy: { id: 'asc' }, limit: page.limit },
    );
  }
}

import type { MikroORM } from '@mikro-orm/postgresql';
import type { ProposalStage, ProposalState } from '../../../workflows/proposal.types.js';
import { NotFoundError } from '../../domain/errors.js';
import { Offer } from '../entities/offer.entity.js';
import { Proposal } from '../entities/proposal.entity.js';
import { EventsRepository, type OutboxEvent } from './events.repository.js';

export const CLIENT_TABS = ['all', 'shortlisted', 'messaged', 'archived'] as const;
export const FREELANCER_TABS = ['all', 'drafts', 'submitted', 'active', 'offers', 'hired', 'archived'] as const;
export type ClientTab = (typeof CLIENT_TABS)[number];
export type FreelancerTab = (typeof FREELANCER_TABS)[number];

const CLOSED: ProposalStage[] = ['declined', 'withdrawn', 'closed', 'abandoned'];
const VISIBLE_TO_CLIENT: ProposalStage[] = ['submitted', 'viewed', 'messaged', 'offer_pending', 'hired'];

const clientTabFilter: Record<ClientTab, object> = {
  all: { stage: { $in: VISIBLE_TO_CLIENT }, archived: false },
  shortlisted: { stage: { $in: VISIBLE_TO_CLIENT }, shortlisted: true, archived: false },
  messaged: { stage: { $in: ['messaged', 'offer_pending', 'hired'] }, archived: false },
  archived: { $or: [{ archived: true, stage: { $in: VISIBLE_TO_CLIENT } }, { stage: { $in: ['declined', 'withdrawn', 'closed'] }, submittedAt: { $ne: null } }] },
};

const freelancerTabFilter: Record<FreelancerTab, object> = {
  all: {},
  drafts: { stage: { $in: ['draft', 'interviewing', 'ready'] } },
  submitted: { stage: { $in: ['submitted', 'viewed'] } },
  active: { stage: { $in: ['messaged', 'offer_pending'] } },
  offers: { stage: 'offer_pending' },
  hired: { stage: 'hired' },
  archived: { stage: { $in: CLOSED } },
};

export interface Page {
  limit: number;
  /** Id of the last row of the previous page. */
  after?: string;
}

export class ProposalsRepository {
  constructor(private readonly orm: MikroORM) {}

  /** The row the API writes right after starting the workflow, so the proposal reads back at once. */
  async insertDraft(row: {
    id: string;
    jobId: string;
    freelancerId: string;
    clientId: string;
    workflowId: string;
    invited: boolean;
    interviewRequired: boolean;
  }): Promise<void> {
    await this.orm.em.fork().execute(
      `insert into proposals (id, job_id, freelancer_id, client_id, workflow_id, stage, waiting_on, invited, interview_required, last_transition_at, version)
       values (?, ?, ?, ?, ?, 'draft', 'freelancer', ?, ?, now(), 0) on conflict do nothing`, // the workflow's first write may already have landed, under any of the row's unique keys
      [row.id, row.jobId, row.freelancerId, row.clientId, row.workflowId, row.invited, row.interviewRequired],
    );
  }

  async get(id: string): Promise<Proposal> {
    const proposal = await this.orm.em.fork().findOne(Proposal, { id });
    if (!proposal) throw new NotFoundError('proposal', id);
    return proposal;
  }

  async findByJobAndFreelancer(jobId: string, freelancerId: string): Promise<Proposal | null> {
    return this.orm.em.fork().findOne(Proposal, { jobId, freelancerId });
  }

  async getOffer(id: string): Promise<Offer> {
    const offer = await this.orm.em.fork().findOne(Offer, { id });
    if (!offer) throw new NotFoundError('offer', id);
    return offer;
  }

  listForJob(jobId: string, tab: ClientTab, page: Page): Promise<Proposal[]> {
    return this.list({ jobId, ...clientTabFilter[tab] }, page);
  }

  listForFreelancer(freelancerId: string, tab: FreelancerTab, page: Page): Promise<Proposal[]> {
    return this.list({ freelancerId, ...freelancerTabFilter[tab] }, page);
  }

  /** Open proposals of a job in id order, for closing them in bounded batches. */
  async openIdsForJob(jobId: string, afterId: string | null, limit: number): Promise<{ id: string; workflowId: string }[]> {
    return this.orm.em.fork().find(
      Proposal,
      { jobId, stage: { $nin: ['hired', ...CLOSED] }, ...(afterId ? { id: { $gt: afterId } } : {}) },
      { orderBy: { id: 'asc' }, limit, fields: ['id', 'workflowId'] },
    );
  }

  /**
   * Writes a workflow transition. Rows only move forward: a replayed or retried write with
   * an older version changes nothing. The job's activity clock and the outbox are written
   * in the same transaction. The same version in the same stage is written again: a workflow task
   * that ran on a worker that died before completing it runs again, and only the second run's
   * values (its clock, say) are the ones history keeps.
   */
  async record(state: ProposalState, workflowId: string, notices: OutboxEvent[] = []): Promise<void> {
    await this.orm.em.fork().transactional(async (em) => {
      await em.execute(
        `insert into proposals (id, job_id, freelancer_id, client_id, workflow_id, stage, waiting_on, shortlisted, archived, invited,
           interview_required, interview_status, bid, cover_letter, notes, attachments, connects_charged, connects_refunded,
           decline_reason, withdraw_reason, closed_reason, offer_id, contract_id, submitted_at, viewed_at, last_transition_at, version, created_at, updated_at)
         values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, now())
         on conflict (id) do update set stage = excluded.stage, waiting_on = excluded.waiting_on, shortlisted = excluded.shortlisted,
           archived = excluded.archived, interview_status = excluded.interview_status, bid = excluded.bid, cover_letter = excluded.cover_letter,
           notes = excluded.notes, attachments = excluded.attachments, connects_charged = excluded.connects_charged,
           connects_refunded = excluded.connects_refunded, decline_reason = excluded.decline_reason, withdraw_reason = excluded.withdraw_reason,
           closed_reason = excluded.closed_reason, offer_id = excluded.offer_id, contract_id = excluded.contract_id,
           submitted_at = excluded.submitted_at, viewed_at = excluded.viewed_at, last_transition_at = excluded.last_transition_at,
           version = excluded.version, updated_at = now()
         where proposals.version < excluded.version or (proposals.version = excluded.version and proposals.stage = excluded.stage)`,
        [
          state.proposalId, state.jobId, state.freelancerId, state.clientId, workflowId, state.stage, state.waitingOn,
          state.shortlisted, state.archived, state.invited, state.interviewRequired, state.interview.status,
          state.bid ? JSON.stringify(state.bid) : null, state.coverLetter ?? null, state.notes ?? null,
          JSON.stringify(state.attachments), state.connectsCharged, state.connectsRefunded, state.declineReason ?? null,
          state.withdrawReason ?? null, state.closedReason ?? null, state.offer?.id ?? null, state.contractId ?? null,
          state.submittedAt ?? null, state.viewedAt ?? null, state.lastTransitionAt, state.version, state.createdAt,
        ],
      );
      if (state.offer) {
        const o = state.offer;
        await em.execute(
          `insert into offers (id, proposal_id, terms, status, sent_at, expires_at, requested_changes, version)
           values (?, ?, ?, ?, ?, ?, ?, ?)
           on conflict (id) do update set terms = excluded.terms, status = excluded.status, expires_at = excluded.expires_at,
             requested_changes = excluded.requested_changes, version = excluded.version
           where offers.version < excluded.version or (offers.version = excluded.version and offers.status = excluded.status)`,
          [o.id, state.proposalId, JSON.stringify(o.terms), o.status, o.sentAt, o.expiresAt,
            o.requestedChanges ? JSON.stringify(o.requestedChanges) : null, state.version],
        );
      }
      await em.execute('update jobs set last_activity_at = greatest(last_activity_at, ?) where id = ?', [
        state.lastTransitionAt,
        state.jobId,
      ]);
      const payload = { proposalId: state.proposalId, jobId: state.jobId, stage: state.stage, waitingOn: state.waitingOn, version: state.version };
      const recipients = [state.freelancerId, ...(state.submittedAt ? [state.clientId] : [])];
      await EventsRepository.appendWith(em, [
        ...recipients.map((recipientId) => ({
          recipientId,
          type: 'proposal.updated',
          payload,
          dedupeKey: `proposal.updated:${state.proposalId}:${state.version}:${recipientId}`,
        })),
        ...notices,
      ]);
    });
  }

  /**
   * A read-only page: plain rows under the entity's property names and types, without an
   * identity map or hydrated entities, which cost three times the CPU for a page of 50.
   */
  private async list(where: object, page: Page): Promise<Proposal[]> {
    const rows = await this.orm.em
      .fork()
      .createQueryBuilder(Proposal)
      .select('*')
      .where({ ...where, ...(page.after ? { id: { $gt: page.after } } : {}) } as never)
      .orderBy({ id: 'asc' })
      .limit(page.limit)
      .execute('all', true);
    return rows as Proposal[];
  }
}

import { randomUUID } from 'node:crypto';
import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import type { InterviewView } from '../../../workflows/interview.types.js';
import { NotFoundError } from '../../domain/errors.js';
import { Interview } from '../entities/interview.entity.js';
import { EventsRepository } from './events.repository.js';

export class InterviewsRepository {
  constructor(private readonly orm: MikroORM) {}

  /**
   * Writes the interview as the workflow sees it. Rows only move forward: a replayed or
   * retried write with an older version changes nothing.
   */
  async record(v: InterviewView): Promise<void> {
    const e = v.evaluation;
    await this.orm.em.fork().transactional(async (em) => {
      const written = await em.execute<{ status: string }[]>(
        `insert into interviews (id, workflow_id, proposal_id, job_id, freelancer_id, attempt, status, questions, transcript, summary, score,
           alignment, dropped_quotes, evaluator_provider, model, prompt_version, prompt, video, failure, evaluation_runs, ended_by,
           started_at, completed_at, evaluated_at, version, created_at, updated_at)
         values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, now())
         on conflict (workflow_id) do update set status = excluded.status, transcript = excluded.transcript, summary = excluded.summary,
           score = excluded.score, alignment = excluded.alignment, dropped_quotes = excluded.dropped_quotes,
           evaluator_provider = excluded.evaluator_provider, model = excluded.model, prompt_version = excluded.prompt_version,
           prompt = excluded.prompt, video = excluded.video, failure = excluded.failure, evaluation_runs = excluded.evaluation_runs,
           ended_by = excluded.ended_by, started_at = excluded.started_at, completed_at = excluded.completed_at,
           evaluated_at = excluded.evaluated_at, version = excluded.version, updated_at = now()
         where interviews.version < excluded.version or (interviews.version = excluded.version and interviews.status = excluded.status)
         returning status`,
        [
          randomUUID(), v.workflowId, v.proposalId, v.jobId, v.freelancerId, v.attempt, v.status, JSON.stringify(v.questions),
          JSON.stringify(v.answers), e?.summary ?? null, e?.score ?? null, e ? JSON.stringify(e.alignment) : null,
          e ? JSON.stringify(e.droppedQuotes) : null, e?.evaluator.provider ?? null, e?.evaluator.model ?? null,
          e?.evaluator.promptVersion ?? null, e?.evaluator.prompt ?? null, JSON.stringify(v.video),
          v.failure ? JSON.stringify(v.failure) : null, v.evaluationRuns, v.endedBy ?? null, v.startedAt ?? null,
          v.completedAt ?? null, v.evaluatedAt ?? null, v.version, v.createdAt,
        ],
      );
      if (written[0]?.status === 'evaluated') await this.announceEvaluation(em, v);
    });
  }

  /**
   * `interview.evaluated` for the freelancer, and for the job's client once the proposal is in
   * front of them, in the same transaction as the row that carries the result.
   */
  private async announceEvaluation(em: EntityManager, v: InterviewView): Promise<void> {
    const [proposal] = await em.execute<{ client_id: string; submitted: boolean }[]>(
      'select client_id, submitted_at is not null as submitted from proposals where id = ?',
      [v.proposalId],
    );
    const recipients = [v.freelancerId, ...(proposal?.submitted ? [proposal.client_id] : [])];
    const payload = { proposalId: v.proposalId, jobId: v.jobId, attempt: v.attempt, score: v.evaluation?.score ?? null };
    await EventsRepository.appendWith(
      em,
      recipients.map((recipientId) => ({
        recipientId,
        type: 'interview.evaluated',
        payload,
        dedupeKey: `interview.evaluated:${v.workflowId}:${v.version}:${recipientId}`,
      })),
    );
  }

  /** The proposal's latest interview attempt. */
  async latestForProposal(proposalId: string): Promise<Interview> {
    const row = await this.findLatestForProposal(proposalId);
    if (!row) throw new NotFoundError('interview for proposal', proposalId);
    return row;
  }

  findLatestForProposal(proposalId: string): Promise<Interview | null> {
    return this.orm.em.fork().findOne(Interview, { proposalId }, { orderBy: { attempt: 'desc' } });
  }
}

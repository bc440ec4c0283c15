import type { MikroORM } from '@mikro-orm/postgresql';
import { NotFoundError } from '../../domain/errors.js';
import { Contract } from '../entities/contract.entity.js';
import { Job, type JobStatus } from '../entities/job.entity.js';

export interface NewJob {
  id: string;
  clientId: string;
  title: string;
  description: string;
  skills: string[];
  connectsCost: number;
  openings: number;
  interviewQuestions: string[] | null;
  workflowId: string;
}

export class JobsRepository {
  constructor(private readonly orm: MikroORM) {}

  async create(input: NewJob): Promise<Job> {
    const em = this.orm.em.fork();
    const now = new Date();
    const job = em.create(Job, { ...input, status: 'open', hiredCount: 0, lastActivityAt: now, createdAt: now, closedAt: null });
    await em.flush();
    return job;
  }

  async remove(id: string): Promise<void> {
    await this.orm.em.fork().nativeDelete(Job, { id });
  }

  async get(id: string): Promise<Job> {
    const job = await this.orm.em.fork().findOne(Job, { id });
    if (!job) throw new NotFoundError('job', id);
    return job;
  }

  async list(filter: { status?: JobStatus; clientId?: string }, limit: number, before?: Date): Promise<Job[]> {
    return this.orm.em.fork().find(
      Job,
      { ...filter, ...(before ? { createdAt: { $lt: before } } : {}) },
      { orderBy: { createdAt: 'desc' }, limit },
    );
  }

  /**
   * Written by the job workflow; a closed job never reopens, and cancelling is refused once a
   * contract started. The job row is locked first, so a contract starting at the same moment is
   * either seen here or refused for the closed job. Answers the status the row has afterwards.
   */
  async recordStatus(id: string, status: JobStatus, hiredCount: number, closedAt: Date | null): Promise<JobStatus> {
    return this.orm.em.fork().transactional(async (em) => {
      const [job] = await em.execute<{ status: JobStatus }[]>('select status from jobs where id = ? for update', [id]);
      if (!job) throw new NotFoundError('job', id);
      if (job.status !== 'open') return job.status;
      if (status === 'cancelled' && (await em.count(Contract, { jobId: id })) > 0) return job.status;
      await em.execute(
        'update jobs set status = ?, hired_count = greatest(hired_count, ?), closed_at = coalesce(closed_at, ?) where id = ?',
        [status, hiredCount, closedAt, id],
      );
      return status;
    });
  }

  async lastActivityAt(id: string): Promise<Date> {
    return (await this.get(id)).lastActivityAt;
  }
}

import { randomUUID } from 'node:crypto';
import type { MikroORM } from '@mikro-orm/postgresql';
import type { OfferTerms } from '../../../workflows/proposal.types.js';
import { JobNotOpenError, NotFoundError } from '../../domain/errors.js';
import { Contract } from '../entities/contract.entity.js';

export class ContractsRepository {
  constructor(private readonly orm: MikroORM) {}

  /**
   * One contract per proposal: a retried call returns the contract already started. The job row
   * is locked, so contracts of one job start one at a time, never past its openings and never
   * after the job closed; a cancellation takes the same lock and then sees the contract.
   */
  async startForProposal(input: {
    proposalId: string;
    offerId: string;
    jobId: string;
    clientId: string;
    freelancerId: string;
    terms: OfferTerms;
  }): Promise<Contract> {
    return this.orm.em.fork().transactional(async (em) => {
      const [job] = await em.execute<{ status: string; openings: number }[]>(
        'select status, openings from jobs where id = ? for update',
        [input.jobId],
      );
      if (!job) throw new NotFoundError('job', input.jobId);
      const existing = await em.findOne(Contract, { proposalId: input.proposalId });
      if (existing) return existing;
      if (job.status !== 'open') throw new JobNotOpenError(input.jobId, job.status);
      const started = await em.count(Contract, { jobId: input.jobId });
      if (started >= job.openings) throw new JobNotOpenError(input.jobId, `filled (${started} of ${job.openings} openings)`);
      await em.execute(
        `insert into contracts (id, proposal_id, offer_id, job_id, client_id, freelancer_id, terms) values (?, ?, ?, ?, ?, ?, ?)`,
        [randomUUID(), input.proposalId, input.offerId, input.jobId, input.clientId, input.freelancerId, JSON.stringify(input.terms)],
      );
      return em.findOneOrFail(Contract, { proposalId: input.proposalId });
    });
  }

}

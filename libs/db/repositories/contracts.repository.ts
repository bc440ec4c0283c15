import { randomUUID } from 'node:crypto';
import type { MikroORM } from '@mikro-orm/postgresql';
import type { OfferTerms } from '../../../workflows/proposal.types.js';
import { Contract } from '../entities/contract.entity.js';

export class ContractsRepository {
  constructor(private readonly orm: MikroORM) {}

  /** One contract per proposal: a retried call returns the contract already started. */
  async startForProposal(input: {
    proposalId: string;
    offerId: string;
    jobId: string;
    clientId: string;
    freelancerId: string;
    terms: OfferTerms;
  }): Promise<Contract> {
    const em = this.orm.em.fork();
    await em.execute(
      `insert into contracts (id, proposal_id, offer_id, job_id, client_id, freelancer_id, terms)
       values (?, ?, ?, ?, ?, ?, ?) on conflict (proposal_id) do nothing`,
      [randomUUID(), input.proposalId, input.offerId, input.jobId, input.clientId, input.freelancerId, JSON.stringify(input.terms)],
    );
    return em.findOneOrFail(Contract, { proposalId: input.proposalId });
  }
}

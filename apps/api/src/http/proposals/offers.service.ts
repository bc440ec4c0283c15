import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { ProposalsRepository } from '../../../../../libs/db/repositories/index.js';
import * as msg from '../../../../../workflows/messages.js';
import type { Offer, OfferTerms } from '../../../../../workflows/proposal.types.js';
import type { AuthContext } from '../../common/auth.js';
import { presentProposal } from './proposal.presenter.js';
import { ProposalsService } from './proposals.service.js';

const presentOffer = (offer: Offer, proposalId: string) => ({ ...offer, proposalId });

/** Offers live inside their proposal's workflow; the offer id leads back to it. */
@Injectable()
export class OffersService {
  constructor(
    private readonly proposals: ProposalsService,
    private readonly repository: ProposalsRepository,
  ) {}

  async make(auth: AuthContext, proposalId: string, terms: OfferTerms, key?: string) {
    const { result } = await this.proposals.act(auth, proposalId, 'client', msg.makeOfferUpdate, [{ offerId: randomUUID(), terms }], key);
    return presentOffer(result, proposalId);
  }

  async modify(auth: AuthContext, offerId: string, terms: OfferTerms, key?: string) {
    const proposalId = await this.proposalOf(offerId);
    const { result } = await this.proposals.act(auth, proposalId, 'client', msg.modifyOfferUpdate, [{ terms }], key);
    return presentOffer(result, proposalId);
  }

  async withdraw(auth: AuthContext, offerId: string, key?: string) {
    const proposalId = await this.proposalOf(offerId);
    const { result } = await this.proposals.act(auth, proposalId, 'client', msg.withdrawOfferUpdate, [], key);
    return presentOffer(result, proposalId);
  }

  async requestChanges(auth: AuthContext, offerId: string, body: { terms: OfferTerms; message?: string }, key?: string) {
    const proposalId = await this.proposalOf(offerId);
    const { result } = await this.proposals.act(auth, proposalId, 'freelancer', msg.requestOfferChangesUpdate, [body], key);
    return presentOffer(result, proposalId);
  }

  async accept(auth: AuthContext, offerId: string, key?: string) {
    const proposalId = await this.proposalOf(offerId);
    const { result } = await this.proposals.act(auth, proposalId, 'freelancer', msg.acceptOfferUpdate, [], key);
    return { offer: presentOffer(result.offer!, proposalId), contractId: result.contractId, proposal: presentProposal(result, auth) };
  }

  async decline(auth: AuthContext, offerId: string, reason: string | undefined, key?: string) {
    const proposalId = await this.proposalOf(offerId);
    const { result } = await this.proposals.act(auth, proposalId, 'freelancer', msg.declineOfferUpdate, [{ reason }], key);
    return { offer: presentOffer(result.offer!, proposalId), proposal: presentProposal(result, auth) };
  }

  private async proposalOf(offerId: string): Promise<string> {
    return (await this.repository.getOffer(offerId)).proposalId;
  }
}

import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { ProposalsRepository } from '../../../../../libs/db/repositories/index.js';
import * as msg from '../../../../../workflows/messages.js';
import type { Offer, OfferTerms } from '../../../../../workflows/proposal.types.js';
import type { AuthContext } from '../../common/auth.js';
import { ContentModerator } from '../moderation/content-moderator.service.js';
import { presentProposal } from './proposal.presenter.js';
import { ProposalsService } from './proposals.service.js';

const presentOffer = (offer: Offer, proposalId: string) => ({ ...offer, proposalId });

/** Offers live inside their proposal's workflow; the offer id leads back to it. */
@Injectable()
export class OffersService {
  constructor(
    private readonly proposals: ProposalsService,
    private readonly repository: ProposalsRepository,
    private readonly moderator: ContentModerator,
  ) {}

  async make(auth: AuthContext, proposalId: string, offered: OfferTerms, key?: string) {
    const terms = this.screenTerms('this offer', offered);
    const { result } = await this.proposals.act(auth, proposalId, 'client', msg.makeOfferUpdate, [{ offerId: randomUUID(), terms }], key);
    return presentOffer(result, proposalId);
  }

  async modify(auth: AuthContext, offerId: string, offered: OfferTerms, key?: string) {
    const terms = this.screenTerms('this offer', offered);
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
    const terms = this.screenTerms('this change request', body.terms);
    const { message } = this.moderator.screen('this change request', { message: body.message }, { contractStarted: false }).fields;
    const proposalId = await this.proposalOf(offerId);
    const { result } = await this.proposals.act(auth, proposalId, 'freelancer', msg.requestOfferChangesUpdate, [{ terms, message }], key);
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

  /** Offer terms are written before the contract starts: their texts pass the contact-detail rules. */
  private screenTerms(what: string, terms: OfferTerms): OfferTerms {
    const fields: Record<string, string | undefined> = { description: terms.description };
    terms.milestones?.forEach((m, i) => (fields[`milestones.${i}.description`] = m.description));
    const screened = this.moderator.screen(what, fields, { contractStarted: false }).fields;
    return {
      ...terms,
      description: screened.description!,
      ...(terms.milestones
        ? { milestones: terms.milestones.map((m, i) => ({ ...m, description: screened[`milestones.${i}.description`]! })) }
        : {}),
    };
  }

  private async proposalOf(offerId: string): Promise<string> {
    return (await this.repository.getOffer(offerId)).proposalId;
  }
}

import { defineEntity, p } from '@mikro-orm/core';
import type { OfferStatus, OfferTerms } from '../../../workflows/proposal.types.js';

/** Read model of an offer, written with its proposal. */
const OfferSchema = defineEntity({
  name: 'Offer',
  tableName: 'offers',
  properties: {
    id: p.uuid().primary(),
    proposalId: p.uuid().index(),
    terms: p.json<OfferTerms>(),
    status: p.string().$type<OfferStatus>(),
    sentAt: p.datetime(),
    expiresAt: p.datetime(),
    requestedChanges: p.json<{ terms: OfferTerms; message?: string; at: string }>().nullable(),
    version: p.integer().default(0),
  },
});

export class Offer extends OfferSchema.class {}
OfferSchema.setClass(Offer);
export { OfferSchema };

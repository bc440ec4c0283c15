import { defineEntity, p } from '@mikro-orm/core';
import type { OfferTerms } from '../../../workflows/proposal.types.js';

const ContractSchema = defineEntity({
  name: 'Contract',
  tableName: 'contracts',
  properties: {
    id: p.uuid().primary(),
    proposalId: p.uuid().unique(),
    offerId: p.uuid(),
    jobId: p.uuid().index(),
    clientId: p.uuid(),
    freelancerId: p.uuid(),
    terms: p.json<OfferTerms>(),
    startedAt: p.datetime().onCreate(() => new Date()),
  },
});

export class Contract extends ContractSchema.class {}
ContractSchema.setClass(Contract);
export { ContractSchema };

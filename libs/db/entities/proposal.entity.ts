import { defineEntity, p } from '@mikro-orm/core';
import type { Attachment, Bid, ProposalCloseReason, ProposalStage, WaitingOn } from '../../../workflows/proposal.types.js';

/**
 * Read model of a proposal. The workflow is the source of truth; this row is written
 * from its transitions with a version guard, so a replayed write never moves it backwards.
 */
const ProposalSchema = defineEntity({
  name: 'Proposal',
  tableName: 'proposals',
  uniques: [{ properties: ['jobId', 'freelancerId'] }],
  indexes: [{ properties: ['jobId', 'stage'] }, { properties: ['freelancerId', 'stage'] }],
  properties: {
    id: p.uuid().primary(),
    jobId: p.uuid(),
    freelancerId: p.uuid(),
    clientId: p.uuid().index(),
    workflowId: p.string().unique(),
    stage: p.string().$type<ProposalStage>(),
    waitingOn: p.string().$type<WaitingOn>(),
    shortlisted: p.boolean().default(false),
    archived: p.boolean().default(false),
    invited: p.boolean().default(false),
    interviewRequired: p.boolean().default(false),
    interviewStatus: p.string().default('not_started'),
    bid: p.json<Bid>().nullable(),
    coverLetter: p.text().nullable(),
    notes: p.text().nullable(),
    attachments: p.json<Attachment[]>(),
    connectsCharged: p.integer().default(0),
    connectsRefunded: p.integer().default(0),
    declineReason: p.text().nullable(),
    withdrawReason: p.text().nullable(),
    closedReason: p.string().$type<ProposalCloseReason>().nullable(),
    offerId: p.uuid().nullable(),
    contractId: p.uuid().nullable(),
    submittedAt: p.datetime().nullable(),
    viewedAt: p.datetime().nullable(),
    lastTransitionAt: p.datetime(),
    version: p.integer().default(0),
    createdAt: p.datetime().onCreate(() => new Date()),
    updatedAt: p.datetime().onCreate(() => new Date()),
  },
});

export class Proposal extends ProposalSchema.class {}
ProposalSchema.setClass(Proposal);
export { ProposalSchema };

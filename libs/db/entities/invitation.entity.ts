import { defineEntity, p } from '@mikro-orm/core';
import type { DeclineReason, InvitationStatus } from '../../../workflows/invitation.types.js';
import type { JobCloseReason } from '../../../workflows/proposal.types.js';

/**
 * Read model of an invitation, written from its workflow's transitions with a version guard.
 * The workflow id is reused once an invitation ends, so the run id tells the runs apart.
 * `message` and `proposalId` are written by the API: the invitation text stays out of workflow
 * history, and the proposal is started by the API when the freelancer accepts.
 */
const InvitationSchema = defineEntity({
  name: 'Invitation',
  tableName: 'invitations',
  indexes: [
    { properties: ['freelancerId', 'status', 'id'] },
    { properties: ['clientId', 'id'] },
    { properties: ['jobId', 'status', 'id'] },
    { properties: ['freelancerId', 'sentAt'] },
  ],
  properties: {
    id: p.uuid().primary(),
    jobId: p.uuid(),
    clientId: p.uuid(),
    freelancerId: p.uuid(),
    workflowId: p.string(),
    runId: p.string().nullable(),
    status: p.string().$type<InvitationStatus>(),
    message: p.text().nullable(),
    declineReasons: p.json<DeclineReason[]>().nullable(),
    declineMessage: p.text().nullable(),
    closedReason: p.string().$type<JobCloseReason>().nullable(),
    proposalId: p.uuid().nullable(),
    sentAt: p.datetime(),
    expiresAt: p.datetime(),
    remindedAt: p.datetime().nullable(),
    respondedAt: p.datetime().nullable(),
    endedAt: p.datetime().nullable(),
    lastTransitionAt: p.datetime(),
    version: p.integer().default(0),
    createdAt: p.datetime().onCreate(() => new Date()),
    updatedAt: p.datetime().onCreate(() => new Date()),
  },
});

export class Invitation extends InvitationSchema.class {}
InvitationSchema.setClass(Invitation);
export { InvitationSchema };

export * from './account.entity.js';
export * from './ledger-entry.entity.js';
export * from './job.entity.js';
export * from './proposal.entity.js';
export * from './offer.entity.js';
export * from './contract.entity.js';
export * from './event.entity.js';
export * from './message.entity.js';
export * from './moderation-flag.entity.js';
export * from './invitation.entity.js';
export * from './interview.entity.js';

import { AccountSchema } from './account.entity.js';
import { ContractSchema } from './contract.entity.js';
import { EventSchema } from './event.entity.js';
import { InterviewSchema } from './interview.entity.js';
import { InvitationSchema } from './invitation.entity.js';
import { JobSchema } from './job.entity.js';
import { LedgerEntrySchema } from './ledger-entry.entity.js';
import { MessageSchema, MessageThreadSchema } from './message.entity.js';
import { ModerationFlagSchema } from './moderation-flag.entity.js';
import { OfferSchema } from './offer.entity.js';
import { ProposalSchema } from './proposal.entity.js';

export const ENTITIES = [AccountSchema, LedgerEntrySchema, JobSchema, ProposalSchema, OfferSchema, ContractSchema, EventSchema, InvitationSchema, InterviewSchema, MessageThreadSchema, MessageSchema, ModerationFlagSchema];

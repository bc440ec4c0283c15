import type { MikroORM } from '@mikro-orm/postgresql';
import { AccountsRepository } from './accounts.repository.js';
import { ConnectsLedgerRepository } from './connects-ledger.repository.js';
import { ContractsRepository } from './contracts.repository.js';
import { EventsRepository } from './events.repository.js';
import { IdempotencyRepository } from './idempotency.repository.js';
import { InterviewsRepository } from './interviews.repository.js';
import { InvitationsRepository } from './invitations.repository.js';
import { JobsRepository } from './jobs.repository.js';
import { MessagesRepository } from './messages.repository.js';
import { ModerationFlagsRepository } from './moderation-flags.repository.js';
import { OpsAuditRepository } from './ops-audit.repository.js';
import { ProposalsRepository } from './proposals.repository.js';

/** Every repository, by the name activities and services know it by: the one list DI and factories read. */
export const REPOSITORY_CLASSES = {
  accounts: AccountsRepository,
  ledger: ConnectsLedgerRepository,
  jobs: JobsRepository,
  proposals: ProposalsRepository,
  contracts: ContractsRepository,
  events: EventsRepository,
  messages: MessagesRepository,
  moderationFlags: ModerationFlagsRepository,
  invitations: InvitationsRepository,
  interviews: InterviewsRepository,
  idempotency: IdempotencyRepository,
  opsAudit: OpsAuditRepository,
} as const;

export type Repositories = { [K in keyof typeof REPOSITORY_CLASSES]: InstanceType<(typeof REPOSITORY_CLASSES)[K]> };

/** Builds every repository with `resolve` (a DI lookup) or, by default, straight over the ORM. */
export function createRepositories(
  orm: MikroORM,
  resolve: <T>(type: new (orm: MikroORM) => T) => T = (type) => new type(orm),
): Repositories {
  return Object.fromEntries(
    Object.entries(REPOSITORY_CLASSES).map(([name, type]) => [name, resolve(type as new (orm: MikroORM) => unknown)]),
  ) as Repositories;
}

export {
  AccountsRepository,
  ConnectsLedgerRepository,
  ContractsRepository,
  EventsRepository,
  IdempotencyRepository,
  InterviewsRepository,
  InvitationsRepository,
  JobsRepository,
  MessagesRepository,
  ModerationFlagsRepository,
  OpsAuditRepository,
  ProposalsRepository,
};

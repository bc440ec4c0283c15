import type { MikroORM } from '@mikro-orm/postgresql';
import { AccountsRepository } from './accounts.repository.js';
import { ConnectsLedgerRepository } from './connects-ledger.repository.js';
import { ContractsRepository } from './contracts.repository.js';
import { EventsRepository } from './events.repository.js';
import { InterviewsRepository } from './interviews.repository.js';
import { InvitationsRepository } from './invitations.repository.js';
import { JobsRepository } from './jobs.repository.js';
import { MessagesRepository } from './messages.repository.js';
import { ModerationFlagsRepository } from './moderation-flags.repository.js';
import { ProposalsRepository } from './proposals.repository.js';

export interface Repositories {
  accounts: AccountsRepository;
  ledger: ConnectsLedgerRepository;
  jobs: JobsRepository;
  proposals: ProposalsRepository;
  contracts: ContractsRepository;
  events: EventsRepository;
  messages: MessagesRepository;
  moderationFlags: ModerationFlagsRepository;
  invitations: InvitationsRepository;
  interviews: InterviewsRepository;
}

export function createRepositories(orm: MikroORM): Repositories {
  return {
    accounts: new AccountsRepository(orm),
    ledger: new ConnectsLedgerRepository(orm),
    jobs: new JobsRepository(orm),
    proposals: new ProposalsRepository(orm),
    contracts: new ContractsRepository(orm),
    events: new EventsRepository(orm),
    messages: new MessagesRepository(orm),
    moderationFlags: new ModerationFlagsRepository(orm),
    invitations: new InvitationsRepository(orm),
    interviews: new InterviewsRepository(orm),
  };
}

export {
  AccountsRepository,
  ConnectsLedgerRepository,
  ContractsRepository,
  EventsRepository,
  InterviewsRepository,
  InvitationsRepository,
  JobsRepository,
  MessagesRepository,
  ModerationFlagsRepository,
  ProposalsRepository,
};

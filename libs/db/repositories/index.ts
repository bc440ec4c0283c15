import type { MikroORM } from '@mikro-orm/postgresql';
import { AccountsRepository } from './accounts.repository.js';
import { ConnectsLedgerRepository } from './connects-ledger.repository.js';
import { ContractsRepository } from './contracts.repository.js';
import { EventsRepository } from './events.repository.js';
import { InterviewsRepository } from './interviews.repository.js';
import { InvitationsRepository } from './invitations.repository.js';
import { JobsRepository } from './jobs.repository.js';
import { ProposalsRepository } from './proposals.repository.js';

export interface Repositories {
  accounts: AccountsRepository;
  ledger: ConnectsLedgerRepository;
  jobs: JobsRepository;
  proposals: ProposalsRepository;
  contracts: ContractsRepository;
  events: EventsRepository;
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
  ProposalsRepository,
};

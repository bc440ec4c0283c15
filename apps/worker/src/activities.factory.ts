import { Inject, Injectable } from '@nestjs/common';
import { Client } from '@temporalio/client';
import { createActivities, type HireflowActivities } from '../../../activities/index.js';
import {
  AccountsRepository,
  ConnectsLedgerRepository,
  ContractsRepository,
  EventsRepository,
  InvitationsRepository,
  JobsRepository,
  ProposalsRepository,
} from '../../../libs/db/repositories/index.js';
import { TEMPORAL_CLIENT } from '../../api/src/core/tokens.js';

/** Builds the activity functions from providers in the DI container. */
@Injectable()
export class ActivitiesFactory {
  constructor(
    @Inject(TEMPORAL_CLIENT) private readonly temporal: Client,
    private readonly accounts: AccountsRepository,
    private readonly ledger: ConnectsLedgerRepository,
    private readonly jobs: JobsRepository,
    private readonly proposals: ProposalsRepository,
    private readonly contracts: ContractsRepository,
    private readonly events: EventsRepository,
    private readonly invitations: InvitationsRepository,
  ) {}

  create(): HireflowActivities {
    const { accounts, ledger, jobs, proposals, contracts, events, invitations, temporal } = this;
    return createActivities({ repositories: { accounts, ledger, jobs, proposals, contracts, events, invitations }, temporal });
  }
}

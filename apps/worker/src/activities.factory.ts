import { Inject, Injectable } from '@nestjs/common';
import { Client } from '@temporalio/client';
import { createActivities, type HireflowActivities } from '../../../activities/index.js';
import {
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
} from '../../../libs/db/repositories/index.js';
import type { AppConfig } from '../../../libs/config/config.js';
import type { InterviewEvaluator } from '../../../libs/ports/evaluator.port.js';
import type { VideoProvider } from '../../../libs/ports/video.port.js';
import { APP_CONFIG, INTERVIEW_EVALUATOR, TEMPORAL_CLIENT, VIDEO_PROVIDER } from '../../api/src/core/tokens.js';

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
    private readonly interviews: InterviewsRepository,
    private readonly messages: MessagesRepository,
    private readonly moderationFlags: ModerationFlagsRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(VIDEO_PROVIDER) private readonly video: VideoProvider,
    @Inject(INTERVIEW_EVALUATOR) private readonly evaluator: InterviewEvaluator,
  ) {}

  create(): HireflowActivities {
    const { accounts, ledger, jobs, proposals, contracts, events, invitations, interviews, messages, moderationFlags, temporal, video, evaluator } = this;
    return createActivities({
      repositories: { accounts, ledger, jobs, proposals, contracts, events, invitations, interviews, messages, moderationFlags },
      temporal,
      ports: { video, evaluator },
      publicBaseUrl: this.config.publicBaseUrl,
    });
  }
}

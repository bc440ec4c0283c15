import { Inject, Injectable } from '@nestjs/common';
import { Client } from '@temporalio/client';
import { createActivities, type HireflowActivities } from '../../../activities/index.js';
import { MikroORM } from '@mikro-orm/postgresql';
import { ModuleRef } from '@nestjs/core';
import { createRepositories } from '../../../libs/db/repositories/index.js';
import type { AppConfig } from '../../../libs/config/config.js';
import type { InterviewEvaluator } from '../../../libs/ports/evaluator.port.js';
import type { VideoProvider } from '../../../libs/ports/video.port.js';
import { APP_CONFIG, INTERVIEW_EVALUATOR, TEMPORAL_CLIENT, VIDEO_PROVIDER } from '../../api/src/core/tokens.js';

/** Builds the activity functions from providers in the DI container. */
@Injectable()
export class ActivitiesFactory {
  constructor(
    @Inject(TEMPORAL_CLIENT) private readonly temporal: Client,
    @Inject(MikroORM) private readonly orm: MikroORM,
    private readonly moduleRef: ModuleRef,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(VIDEO_PROVIDER) private readonly video: VideoProvider,
    @Inject(INTERVIEW_EVALUATOR) private readonly evaluator: InterviewEvaluator,
  ) {}

  create(): HireflowActivities {
    const { temporal, video, evaluator } = this;
    return createActivities({
      repositories: createRepositories(this.orm, (type) => this.moduleRef.get(type, { strict: false })),
      temporal,
      ports: { video, evaluator },
      publicBaseUrl: this.config.publicBaseUrl,
    });
  }
}

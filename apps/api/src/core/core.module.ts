import { Global, Inject, Module, type DynamicModule, type OnApplicationShutdown } from '@nestjs/common';
import { MikroORM } from '@mikro-orm/postgresql';
import { Client } from '@temporalio/client';
import { embeddedDatabaseUrl, type AppConfig } from '../../../../libs/config/config.js';
import { createOrm } from '../../../../libs/db/orm.js';
import { REPOSITORY_CLASSES } from '../../../../libs/db/repositories/index.js';
import { connectClient } from '../../../../libs/temporal/connection.js';
import { createInterviewEvaluator, createVideoProvider } from '../../../../libs/adapters/index.js';
import { APP_CONFIG, INTERVIEW_EVALUATOR, TEMPORAL_CLIENT, VIDEO_PROVIDER } from './tokens.js';

const REPOSITORIES = Object.values(REPOSITORY_CLASSES);

/**
 * The provider graph the API and the worker share: configuration, the database and its
 * repositories, and a Temporal client. Mounted by both apps.
 */
@Global()
@Module({})
export class CoreModule implements OnApplicationShutdown {
  constructor(
    @Inject(MikroORM) private readonly orm: MikroORM,
    @Inject(TEMPORAL_CLIENT) private readonly temporal: Client,
  ) {}

  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: CoreModule,
      providers: [
        { provide: APP_CONFIG, useValue: config },
        {
          provide: MikroORM,
          useFactory: () =>
            createOrm({
              url: config.database.url ?? embeddedDatabaseUrl(config),
              poolMax: config.database.poolMax,
              connectTimeoutMs: config.database.connectTimeoutMs,
              statementTimeoutMs: config.database.statementTimeoutMs,
            }),
        },
        { provide: TEMPORAL_CLIENT, useFactory: () => connectClient(config) },
        { provide: VIDEO_PROVIDER, useFactory: () => createVideoProvider(config) },
        { provide: INTERVIEW_EVALUATOR, useFactory: () => createInterviewEvaluator(config) },
        ...REPOSITORIES.map((repository) => ({
          provide: repository,
          useFactory: (orm: MikroORM) => new repository(orm),
          inject: [MikroORM],
        })),
      ],
      exports: [APP_CONFIG, MikroORM, TEMPORAL_CLIENT, VIDEO_PROVIDER, INTERVIEW_EVALUATOR, ...REPOSITORIES],
    };
  }

  async onApplicationShutdown(): Promise<void> {
    await this.temporal.connection.close();
    await this.orm.close();
  }
}

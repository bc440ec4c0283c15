import { Global, Inject, Module, type DynamicModule, type OnApplicationShutdown } from '@nestjs/common';
import { MikroORM } from '@mikro-orm/postgresql';
import { Client } from '@temporalio/client';
import { embeddedDatabaseUrl, type AppConfig } from '../../../../libs/config/config.js';
import { createOrm } from '../../../../libs/db/orm.js';
import {
  AccountsRepository,
  ConnectsLedgerRepository,
  ContractsRepository,
  EventsRepository,
  InvitationsRepository,
  JobsRepository,
  ProposalsRepository,
} from '../../../../libs/db/repositories/index.js';
import { connectClient } from '../../../../libs/temporal/connection.js';
import { APP_CONFIG, TEMPORAL_CLIENT } from './tokens.js';

const REPOSITORIES = [
  AccountsRepository,
  ConnectsLedgerRepository,
  ContractsRepository,
  EventsRepository,
  InvitationsRepository,
  JobsRepository,
  ProposalsRepository,
];

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
            createOrm({ url: config.database.url ?? embeddedDatabaseUrl(config), poolMax: config.database.poolMax }),
        },
        { provide: TEMPORAL_CLIENT, useFactory: () => connectClient(config) },
        ...REPOSITORIES.map((repository) => ({
          provide: repository,
          useFactory: (orm: MikroORM) => new repository(orm),
          inject: [MikroORM],
        })),
      ],
      exports: [APP_CONFIG, MikroORM, TEMPORAL_CLIENT, ...REPOSITORIES],
    };
  }

  async onApplicationShutdown(): Promise<void> {
    await this.temporal.connection.close();
    await this.orm.close();
  }
}

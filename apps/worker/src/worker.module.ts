import { Module, type DynamicModule } from '@nestjs/common';
import type { AppConfig } from '../../../libs/config/config.js';
import { CoreModule } from '../../api/src/core/core.module.js';
import { ActivitiesFactory } from './activities.factory.js';

/** The worker mounts the same provider graph as the API, without HTTP. */
@Module({})
export class WorkerModule {
  static forRoot(config: AppConfig): DynamicModule {
    return { module: WorkerModule, imports: [CoreModule.forRoot(config)], providers: [ActivitiesFactory], exports: [ActivitiesFactory] };
  }
}

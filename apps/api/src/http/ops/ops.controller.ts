import { Controller, Get, Inject } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Client } from '@temporalio/client';
import type { AppConfig } from '../../../../../libs/config/config.js';
import { findStuck, stuckQueries } from '../../../../../libs/ops/stuck.js';
import { Roles } from '../../common/auth.js';
import { APP_CONFIG, TEMPORAL_CLIENT } from '../../core/tokens.js';

@ApiTags('ops')
@ApiBearerAuth()
@Roles('ops')
@Controller('v1/ops')
export class OpsController {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(TEMPORAL_CLIENT) private readonly temporal: Client,
  ) {}

  @Get('stuck')
  @ApiOperation({ summary: 'Stuck hires: why, since when, and a link into the Temporal UI; with the queries that found them' })
  async stuck() {
    const now = new Date();
    return { items: await findStuck(this.temporal, this.config, { now }), queries: stuckQueries(this.config, now) };
  }
}

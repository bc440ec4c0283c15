import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../../common/auth.js';
import { FlagsQuerySchema, type FlagsQuery } from './flags.schemas.js';
import { FlagsService } from './flags.service.js';

@ApiTags('ops')
@ApiBearerAuth()
@Controller('v1/ops/flags')
export class FlagsController {
  constructor(private readonly flags: FlagsService) {}

  @Get()
  @Roles('ops')
  @ApiOperation({ summary: 'Flagged content, newest first: participants\' reports and content stored redacted' })
  list(@Query({ schema: FlagsQuerySchema }) query: FlagsQuery) {
    return this.flags.list(query);
  }
}

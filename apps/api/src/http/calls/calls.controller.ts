import { Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Auth, Roles, type AuthContext } from '../../common/auth.js';
import { UuidSchema } from '../jobs/jobs.schemas.js';
import { CallsService } from './calls.service.js';

@ApiTags('messages')
@ApiBearerAuth()
@Controller('v1/proposals')
export class CallsController {
  constructor(private readonly calls: CallsService) {}

  @Post(':id/calls')
  @HttpCode(201)
  @Roles('client', 'freelancer')
  @ApiOperation({ summary: 'Start or join the proposal\'s call: a video room and a short-lived token for the caller; the other party is notified' })
  start(@Auth() auth: AuthContext, @Param('id', { schema: UuidSchema }) id: string) {
    return this.calls.start(auth, id);
  }
}

import { Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../../common/auth.js';
import { UuidSchema } from '../jobs/jobs.schemas.js';
import { InterviewsService } from './interviews.service.js';

@ApiTags('ops')
@ApiBearerAuth()
@Roles('ops')
@Controller('v1/ops/proposals')
export class InterviewOpsController {
  constructor(private readonly interviews: InterviewsService) {}

  @Post(':id/grant-interview-retake')
  @HttpCode(200)
  @ApiOperation({ summary: 'Grant one interview retake, before the proposal is submitted' })
  grantRetake(@Param('id', { schema: UuidSchema }) id: string) {
    return this.interviews.grantRetake(id);
  }
}

import { Controller, HttpCode, Param, Post, UseInterceptors } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Audited, AuditInterceptor } from '../../common/audit.interceptor.js';
import { Roles } from '../../common/auth.js';
import { UuidSchema } from '../jobs/jobs.schemas.js';
import { InterviewsService } from './interviews.service.js';

@ApiTags('ops')
@ApiBearerAuth()
@Roles('ops')
@UseInterceptors(AuditInterceptor)
@Controller('v1/ops/proposals')
export class InterviewOpsController {
  constructor(private readonly interviews: InterviewsService) {}

  @Post(':id/grant-interview-retake')
  @HttpCode(200)
  @Audited('grant-interview-retake', 'proposal')
  @ApiOperation({ summary: 'Grant one interview retake, before the proposal is submitted' })
  grantRetake(@Param('id', { schema: UuidSchema }) id: string) {
    return this.interviews.grantRetake(id);
  }
}

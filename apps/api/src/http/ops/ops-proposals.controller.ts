import { Body, Controller, HttpCode, Param, Post, UseInterceptors } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Audited, AuditInterceptor } from '../../common/audit.interceptor.js';
import { Auth, Roles, type AuthContext } from '../../common/auth.js';
import { UuidSchema } from '../jobs/jobs.schemas.js';
import { ReasonSchema, type Reason } from '../proposals/proposals.schemas.js';
import { OpsProposalsService } from './ops-proposals.service.js';

@ApiTags('ops')
@ApiBearerAuth()
@Roles('ops')
@UseInterceptors(AuditInterceptor)
@Controller('v1/ops/proposals')
export class OpsProposalsController {
  constructor(private readonly ops: OpsProposalsService) {}

  @Post(':id/cancel')
  @HttpCode(200)
  @Audited('cancel', 'proposal')
  @ApiOperation({ summary: 'Cancel a proposal that cannot move on (audited); Connects it was charged are refunded' })
  cancel(@Auth() auth: AuthContext, @Param('id', { schema: UuidSchema }) id: string, @Body({ schema: ReasonSchema }) body: Reason) {
    return this.ops.cancel(auth, id, body.reason);
  }

  @Post(':id/retry-evaluation')
  @HttpCode(200)
  @Audited('retry-evaluation', 'proposal')
  @ApiOperation({ summary: 'Run a failed interview evaluation again (audited)' })
  retryEvaluation(@Param('id', { schema: UuidSchema }) id: string) {
    return this.ops.retryEvaluation(id);
  }
}

import { Body, Controller, Get, Headers, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Auth, Roles, type AuthContext } from '../../common/auth.js';
import { UuidSchema } from '../jobs/jobs.schemas.js';
import { InvitationsService } from './invitations.service.js';
import {
  DeclineInvitationSchema,
  InvitationsQuerySchema,
  type DeclineInvitation,
  type InvitationsQuery,
} from './invitations.schemas.js';

const IdParam = () => Param('id', { schema: UuidSchema });
const IdempotencyKey = () => Headers('idempotency-key');

@ApiTags('invitations')
@ApiBearerAuth()
@Controller('v1/invitations')
export class InvitationsController {
  constructor(private readonly invitations: InvitationsService) {}

  @Get()
  @Roles('freelancer', 'client')
  @ApiOperation({ summary: 'Freelancer: pending, accepted, declined or archived tab; client: the invitations sent (`jobId` narrows)' })
  list(@Auth() auth: AuthContext, @Query({ schema: InvitationsQuerySchema }) query: InvitationsQuery) {
    return this.invitations.list(auth, query);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One invitation, with the caller\'s allowed next actions' })
  get(@Auth() auth: AuthContext, @IdParam() id: string) {
    return this.invitations.get(auth, id);
  }

  @Post(':id/accept')
  @HttpCode(200)
  @Roles('freelancer')
  @ApiOperation({ summary: 'Accept: starts (or joins) the proposal for the job, free of Connects and still interview-gated' })
  accept(@Auth() auth: AuthContext, @IdParam() id: string, @IdempotencyKey() key?: string) {
    return this.invitations.accept(auth, id, key);
  }

  @Post(':id/decline')
  @HttpCode(200)
  @Roles('freelancer')
  @ApiOperation({ summary: 'Decline with one or more reasons from the fixed list and an optional message' })
  decline(@Auth() auth: AuthContext, @IdParam() id: string, @Body({ schema: DeclineInvitationSchema }) body: DeclineInvitation, @IdempotencyKey() key?: string) {
    return this.invitations.decline(auth, id, body, key);
  }

  @Post(':id/archive')
  @HttpCode(200)
  @Roles('freelancer')
  @ApiOperation({ summary: 'Archive (ignore): not a response, and the client is not told' })
  archive(@Auth() auth: AuthContext, @IdParam() id: string, @IdempotencyKey() key?: string) {
    return this.invitations.archive(auth, id, key);
  }

  @Post(':id/withdraw')
  @HttpCode(200)
  @Roles('client')
  @ApiOperation({ summary: 'Withdraw a pending invitation' })
  withdraw(@Auth() auth: AuthContext, @IdParam() id: string, @IdempotencyKey() key?: string) {
    return this.invitations.withdraw(auth, id, key);
  }
}

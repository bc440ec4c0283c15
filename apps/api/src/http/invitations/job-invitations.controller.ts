import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Auth, Roles, type AuthContext } from '../../common/auth.js';
import { UuidSchema } from '../jobs/jobs.schemas.js';
import { InvitationsService } from './invitations.service.js';
import { InviteSchema, type Invite } from './invitations.schemas.js';

@ApiTags('invitations')
@ApiBearerAuth()
@Controller('v1/jobs/:id/invitations')
export class JobInvitationsController {
  constructor(private readonly invitations: InvitationsService) {}

  @Post()
  @HttpCode(201)
  @Roles('client')
  @ApiOperation({ summary: 'Invite a freelancer to the job (one pending invitation each; not one who already applied)' })
  invite(@Auth() auth: AuthContext, @Param('id', { schema: UuidSchema }) id: string, @Body({ schema: InviteSchema }) body: Invite) {
    return this.invitations.invite(auth, id, body);
  }
}

import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Auth, Roles, type AuthContext } from '../../common/auth.js';
import { UuidSchema } from '../jobs/jobs.schemas.js';
import { MessagesService } from './messages.service.js';
import {
  FlagMessageSchema,
  MarkReadSchema,
  MessagesQuerySchema,
  PostMessageSchema,
  type FlagMessage,
  type MarkRead,
  type MessagesQuery,
  type PostMessage,
} from './messages.schemas.js';

const IdParam = () => Param('id', { schema: UuidSchema });

@ApiTags('messages')
@ApiBearerAuth()
@Controller('v1')
export class MessagesController {
  constructor(private readonly messages: MessagesService) {}

  @Get('proposals/:id/messages')
  @Roles('client', 'freelancer')
  @ApiOperation({ summary: 'The proposal\'s thread, newest first; pass `nextCursor` as `after` for older messages' })
  list(@Auth() auth: AuthContext, @IdParam() id: string, @Query({ schema: MessagesQuerySchema }) query: MessagesQuery) {
    return this.messages.list(auth, id, query);
  }

  @Post('proposals/:id/messages')
  @HttpCode(201)
  @Roles('client', 'freelancer')
  @ApiOperation({ summary: 'Write in the thread: the client opens it; before a contract, contact details and off-platform payment are refused (422)' })
  post(@Auth() auth: AuthContext, @IdParam() id: string, @Body({ schema: PostMessageSchema }) body: PostMessage) {
    return this.messages.post(auth, id, body.body);
  }

  @Post('proposals/:id/messages/read')
  @HttpCode(200)
  @Roles('client', 'freelancer')
  @ApiOperation({ summary: 'Read receipt: marks messages to the caller read up to `upTo` (all without it)' })
  markRead(@Auth() auth: AuthContext, @IdParam() id: string, @Body({ schema: MarkReadSchema }) body: MarkRead) {
    return this.messages.markRead(auth, id, body?.upTo);
  }

  @Post('messages/:id/flag')
  @HttpCode(201)
  @Roles('client', 'freelancer')
  @ApiOperation({ summary: 'Report the other party\'s message for review by ops' })
  flag(@Auth() auth: AuthContext, @IdParam() id: string, @Body({ schema: FlagMessageSchema }) body: FlagMessage) {
    return this.messages.flag(auth, id, body.reason);
  }
}

import { Body, Controller, Get, Headers, HttpCode, Param, Post, Redirect } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Auth, Roles, type AuthContext } from '../../common/auth.js';
import { UuidSchema } from '../jobs/jobs.schemas.js';
import { InterviewsService } from './interviews.service.js';
import { AnswerSchema, type Answer } from './interviews.schemas.js';

const IdParam = () => Param('id', { schema: UuidSchema });

@ApiTags('interviews')
@ApiBearerAuth()
@Controller('v1/proposals/:id/interview')
export class InterviewsController {
  constructor(private readonly interviews: InterviewsService) {}

  @Post('start')
  @HttpCode(200)
  @Roles('freelancer')
  @ApiOperation({ summary: 'Start (or rejoin) the instant interview: questions and a video room token' })
  start(@Auth() auth: AuthContext, @IdParam() id: string, @Headers('idempotency-key') key?: string) {
    return this.interviews.start(auth, id, key);
  }

  @Post('answers')
  @HttpCode(200)
  @Roles('freelancer')
  @ApiOperation({ summary: 'Answer the current question, in English (422 otherwise); answers cannot be edited' })
  answer(@Auth() auth: AuthContext, @IdParam() id: string, @Body({ schema: AnswerSchema }) body: Answer) {
    return this.interviews.answer(auth, id, body);
  }

  @Post('complete')
  @HttpCode(200)
  @Roles('freelancer')
  @ApiOperation({ summary: 'Complete the interview: final, and the proposal may be submitted' })
  complete(@Auth() auth: AuthContext, @IdParam() id: string) {
    return this.interviews.complete(auth, id);
  }

  @Get()
  @ApiOperation({ summary: 'Status, transcript, summary, score, per-requirement alignment with evidence, recording link' })
  get(@Auth() auth: AuthContext, @IdParam() id: string) {
    return this.interviews.get(auth, id);
  }

  @Get('recording')
  @Redirect()
  @ApiOperation({ summary: 'Redirects to a short-lived link to the interview recording' })
  recording(@Auth() auth: AuthContext, @IdParam() id: string) {
    return this.interviews.recordingUrl(auth, id);
  }
}

import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Auth, Roles, type AuthContext } from '../../common/auth.js';
import { ProposalsService } from '../proposals/proposals.service.js';
import { JobsService } from './jobs.service.js';
import {
  CreateJobSchema,
  JobProposalsQuerySchema,
  JobsQuerySchema,
  UuidSchema,
  type CreateJob,
  type JobProposalsQuery,
  type JobsQuery,
} from './jobs.schemas.js';

@ApiTags('jobs')
@ApiBearerAuth()
@Controller('v1/jobs')
export class JobsController {
  constructor(
    private readonly jobs: JobsService,
    private readonly proposals: ProposalsService,
  ) {}

  @Post()
  @HttpCode(201)
  @Roles('client')
  @ApiOperation({ summary: 'Post a job: Connects cost, openings and optional instant-interview questions' })
  create(@Auth() auth: AuthContext, @Body({ schema: CreateJobSchema }) body: CreateJob) {
    return this.jobs.create(auth, body);
  }

  @Get()
  @ApiOperation({ summary: 'Browse jobs by status (open by default); `mine=true` lists a client\'s own' })
  list(@Auth() auth: AuthContext, @Query({ schema: JobsQuerySchema }) query: JobsQuery) {
    return this.jobs.list(auth, query);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One job' })
  get(@Auth() auth: AuthContext, @Param('id', { schema: UuidSchema }) id: string) {
    return this.jobs.get(auth, id);
  }

  @Post(':id/cancel')
  @HttpCode(200)
  @Roles('client', 'ops')
  @ApiOperation({ summary: 'Cancel the job before any contract; every charged proposal is refunded once' })
  cancel(@Auth() auth: AuthContext, @Param('id', { schema: UuidSchema }) id: string) {
    return this.jobs.cancel(auth, id);
  }

  @Get(':id/proposals')
  @Roles('client', 'ops')
  @ApiOperation({ summary: 'The job\'s proposals by tab: all, shortlisted, messaged, archived' })
  listProposals(
    @Auth() auth: AuthContext,
    @Param('id', { schema: UuidSchema }) id: string,
    @Query({ schema: JobProposalsQuerySchema }) query: JobProposalsQuery,
  ) {
    return this.proposals.listForJob(auth, id, query);
  }

  @Post(':id/proposals')
  @HttpCode(201)
  @Roles('freelancer')
  @ApiOperation({ summary: 'Start applying: starts the proposal workflow (a second application is a 409)' })
  apply(@Auth() auth: AuthContext, @Param('id', { schema: UuidSchema }) id: string) {
    return this.proposals.apply(auth, id);
  }
}

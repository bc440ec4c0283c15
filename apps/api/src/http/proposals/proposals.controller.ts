import { Body, Controller, Get, Headers, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import * as msg from '../../../../../workflows/messages.js';
import { Auth, Roles, type AuthContext } from '../../common/auth.js';
import { UuidSchema } from '../jobs/jobs.schemas.js';
import { OffersService } from './offers.service.js';
import { ProposalContentService } from './proposal-content.service.js';
import { ProposalsService } from './proposals.service.js';
import {
  EditSchema,
  FlagSchema,
  FreelancerProposalsQuerySchema,
  OfferSchema,
  ReasonSchema,
  SubmitSchema,
  type Edit,
  type Flag,
  type FreelancerProposalsQuery,
  type OfferBody,
  type Reason,
  type Submit,
} from './proposals.schemas.js';

const IdParam = () => Param('id', { schema: UuidSchema });
const IdempotencyKey = () => Headers('idempotency-key');

@ApiTags('proposals')
@ApiBearerAuth()
@Controller('v1/proposals')
export class ProposalsController {
  constructor(
    private readonly proposals: ProposalsService,
    private readonly offers: OffersService,
    private readonly content: ProposalContentService,
  ) {}

  @Get()
  @Roles('freelancer')
  @ApiOperation({ summary: 'The freelancer\'s own proposals by tab' })
  list(@Auth() auth: AuthContext, @Query({ schema: FreelancerProposalsQuerySchema }) query: FreelancerProposalsQuery) {
    return this.proposals.listForFreelancer(auth, query);
  }

  @Get(':id')
  @ApiOperation({ summary: 'Live state of a proposal, with the caller\'s allowed next actions' })
  get(@Auth() auth: AuthContext, @IdParam() id: string) {
    return this.proposals.get(auth, id);
  }

  @Patch(':id')
  @Roles('freelancer')
  @ApiOperation({ summary: 'Edit: content within the edit window, bid until an offer; never the interview' })
  edit(@Auth() auth: AuthContext, @IdParam() id: string, @Body({ schema: EditSchema }) body: Edit, @IdempotencyKey() key?: string) {
    return this.content.edit(auth, id, body, key);
  }

  @Post(':id/submit')
  @HttpCode(200)
  @Roles('freelancer')
  @ApiOperation({ summary: 'Submit: charges the job\'s Connects (free when invited); 422 when the balance is short' })
  submit(@Auth() auth: AuthContext, @IdParam() id: string, @Body({ schema: SubmitSchema }) body: Submit, @IdempotencyKey() key?: string) {
    return this.content.submit(auth, id, body, key);
  }

  @Post(':id/withdraw')
  @HttpCode(200)
  @Roles('freelancer')
  @ApiOperation({ summary: 'Withdraw until an offer arrives (no refund)' })
  withdraw(@Auth() auth: AuthContext, @IdParam() id: string, @Body({ schema: ReasonSchema }) body: Reason, @IdempotencyKey() key?: string) {
    return this.content.withdraw(auth, id, body, key);
  }

  @Post(':id/view')
  @HttpCode(200)
  @Roles('client')
  @ApiOperation({ summary: 'Mark viewed; the first view closes the content edit window' })
  view(@Auth() auth: AuthContext, @IdParam() id: string, @IdempotencyKey() key?: string) {
    return this.proposals.actAndPresent(auth, id, 'client', msg.viewUpdate, [], key);
  }

  @Post(':id/shortlist')
  @HttpCode(200)
  @Roles('client')
  @ApiOperation({ summary: 'Shortlist (or `{ "value": false }` to remove from the shortlist)' })
  shortlist(@Auth() auth: AuthContext, @IdParam() id: string, @Body({ schema: FlagSchema }) body: Flag, @IdempotencyKey() key?: string) {
    return this.proposals.actAndPresent(auth, id, 'client', msg.setFlagsUpdate, [{ shortlisted: body?.value ?? true }], key);
  }

  @Post(':id/archive')
  @HttpCode(200)
  @Roles('client')
  @ApiOperation({ summary: 'Archive: hide without rejecting (or `{ "value": false }` to restore)' })
  archive(@Auth() auth: AuthContext, @IdParam() id: string, @Body({ schema: FlagSchema }) body: Flag, @IdempotencyKey() key?: string) {
    return this.proposals.actAndPresent(auth, id, 'client', msg.setFlagsUpdate, [{ archived: body?.value ?? true }], key);
  }

  @Post(':id/decline')
  @HttpCode(200)
  @Roles('client')
  @ApiOperation({ summary: 'Decline with a reason the freelancer sees' })
  decline(@Auth() auth: AuthContext, @IdParam() id: string, @Body({ schema: ReasonSchema }) body: Reason, @IdempotencyKey() key?: string) {
    return this.content.decline(auth, id, body, key);
  }

  @Post(':id/offer')
  @HttpCode(201)
  @Roles('client')
  @ApiOperation({ summary: 'Make an offer: hourly (rate, weekly limit) or fixed price (amount, milestones)' })
  offer(@Auth() auth: AuthContext, @IdParam() id: string, @Body({ schema: OfferSchema }) body: OfferBody, @IdempotencyKey() key?: string) {
    return this.offers.make(auth, id, body.terms, key);
  }
}

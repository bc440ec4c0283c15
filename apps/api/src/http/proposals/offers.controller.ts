import { Body, Controller, Headers, HttpCode, Param, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Auth, Roles, type AuthContext } from '../../common/auth.js';
import { UuidSchema } from '../jobs/jobs.schemas.js';
import { OffersService } from './offers.service.js';
import {
  OfferSchema,
  OptionalReasonSchema,
  RequestChangesSchema,
  type OfferBody,
  type OptionalReason,
  type RequestChanges,
} from './proposals.schemas.js';

const IdParam = () => Param('id', { schema: UuidSchema });
const IdempotencyKey = () => Headers('idempotency-key');

@ApiTags('offers')
@ApiBearerAuth()
@Controller('v1/offers')
export class OffersController {
  constructor(private readonly offers: OffersService) {}

  @Patch(':id')
  @Roles('client')
  @ApiOperation({ summary: 'Modify the terms of a pending offer (restarts its expiry)' })
  modify(@Auth() auth: AuthContext, @IdParam() id: string, @Body({ schema: OfferSchema }) body: OfferBody, @IdempotencyKey() key?: string) {
    return this.offers.modify(auth, id, body.terms, key);
  }

  @Post(':id/withdraw')
  @HttpCode(200)
  @Roles('client')
  @ApiOperation({ summary: 'Withdraw a pending offer' })
  withdraw(@Auth() auth: AuthContext, @IdParam() id: string, @IdempotencyKey() key?: string) {
    return this.offers.withdraw(auth, id, key);
  }

  @Post(':id/accept')
  @HttpCode(200)
  @Roles('freelancer')
  @ApiOperation({ summary: 'Accept: a contract starts and the hire is done' })
  accept(@Auth() auth: AuthContext, @IdParam() id: string, @IdempotencyKey() key?: string) {
    return this.offers.accept(auth, id, key);
  }

  @Post(':id/decline')
  @HttpCode(200)
  @Roles('freelancer')
  @ApiOperation({ summary: 'Decline: the proposal is withdrawn' })
  decline(@Auth() auth: AuthContext, @IdParam() id: string, @Body({ schema: OptionalReasonSchema }) body: OptionalReason, @IdempotencyKey() key?: string) {
    return this.offers.decline(auth, id, body?.reason, key);
  }

  @Post(':id/request-changes')
  @HttpCode(200)
  @Roles('freelancer')
  @ApiOperation({ summary: 'Ask the client for different terms' })
  requestChanges(@Auth() auth: AuthContext, @IdParam() id: string, @Body({ schema: RequestChangesSchema }) body: RequestChanges, @IdempotencyKey() key?: string) {
    return this.offers.requestChanges(auth, id, body, key);
  }
}

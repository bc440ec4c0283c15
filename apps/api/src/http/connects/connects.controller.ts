import { Body, Controller, Get, Headers, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Auth, Roles, type AuthContext } from '../../common/auth.js';
import { ConnectsService } from './connects.service.js';
import { PurchaseSchema, type Purchase } from './connects.schemas.js';

@ApiTags('connects')
@ApiBearerAuth()
@Roles('freelancer')
@Controller('v1/connects')
export class ConnectsController {
  constructor(private readonly connects: ConnectsService) {}

  @Post('purchases')
  @HttpCode(201)
  @ApiOperation({ summary: 'Buy Connects (payment itself is out of scope); returns the new balance' })
  purchase(
    @Auth() auth: AuthContext,
    @Body({ schema: PurchaseSchema }) body: Purchase,
    @Headers('idempotency-key') idempotencyKey?: string,
  ) {
    return this.connects.purchase(auth, body.quantity, idempotencyKey);
  }

  @Get()
  @ApiOperation({ summary: 'Balance and ledger entries, newest first' })
  statement(@Auth() auth: AuthContext) {
    return this.connects.statement(auth);
  }
}

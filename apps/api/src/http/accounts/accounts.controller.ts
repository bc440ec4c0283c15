import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Public } from '../../common/auth.js';
import { AccountsService } from './accounts.service.js';
import { CreateAccountSchema, type CreateAccount } from './accounts.schemas.js';

@ApiTags('accounts')
@Controller('v1/accounts')
export class AccountsController {
  constructor(private readonly accounts: AccountsService) {}

  @Public()
  @Post()
  @HttpCode(201)
  @ApiOperation({ summary: 'Create a client or freelancer account (local auth mode) and get its bearer token' })
  create(@Body({ schema: CreateAccountSchema }) body: CreateAccount) {
    return this.accounts.create(body);
  }
}

import { Inject, Injectable } from '@nestjs/common';
import type { AppConfig } from '../../../../../libs/config/config.js';
import { AccountsRepository, ConnectsLedgerRepository } from '../../../../../libs/db/repositories/index.js';
import { ForbiddenError } from '../../../../../libs/domain/errors.js';
import { TokenService } from '../../common/auth.js';
import { APP_CONFIG } from '../../core/tokens.js';
import type { CreateAccount } from './accounts.schemas.js';

@Injectable()
export class AccountsService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly accounts: AccountsRepository,
    private readonly ledger: ConnectsLedgerRepository,
    private readonly tokens: TokenService,
  ) {}

  async create(input: CreateAccount) {
    if (this.config.auth.mode === 'oidc') {
      throw new ForbiddenError('accounts come from the identity provider: sign in there and call the API with its token');
    }
    const account = await this.accounts.create(input);
    if (account.role === 'freelancer' && this.config.connects.signupGrant > 0) {
      await this.ledger.credit('grant', {
        accountId: account.id,
        amount: this.config.connects.signupGrant,
        idempotencyKey: `grant:signup:${account.id}`,
        reason: 'welcome grant of free Connects',
      });
    }
    const token = await this.tokens.sign({ accountId: account.id, role: account.role });
    return { id: account.id, role: account.role, displayName: account.displayName, skills: account.skills, token };
  }
}

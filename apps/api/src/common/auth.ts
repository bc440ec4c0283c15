import {
  createParamDecorator,
  Inject,
  Injectable,
  SetMetadata,
  type CanActivate,
  type ExecutionContext,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { createRemoteJWKSet, jwtVerify, SignJWT, type JWTVerifyGetKey } from 'jose';
import { v5 as uuidv5 } from 'uuid';
import { AccountsRepository } from '../../../../libs/db/repositories/accounts.repository.js';
import type { AppConfig } from '../../../../libs/config/config.js';
import type { AccountRole } from '../../../../libs/db/entities/account.entity.js';
import { ForbiddenError, UnauthorizedError } from '../../../../libs/domain/errors.js';
import { APP_CONFIG } from '../core/tokens.js';

export interface AuthContext {
  accountId: string;
  role: AccountRole;
}

const PUBLIC = 'hireflow:public';
/** Namespace of the account ids derived from an identity provider's subjects. */
const OIDC_ACCOUNT_NAMESPACE = '4a1c7a52-7d8e-4f0e-9b7e-2f3a51d0c9e1';
const ROLES = 'hireflow:roles';

/** The route needs no token (account creation in local mode, health, signed webhooks). */
export const Public = () => SetMetadata(PUBLIC, true);
/** Only these roles may call the route. */
export const Roles = (...roles: AccountRole[]) => SetMetadata(ROLES, roles);
/** The authenticated caller. */
export const Auth = createParamDecorator((_: unknown, ctx: ExecutionContext): AuthContext => {
  return ctx.switchToHttp().getRequest().auth;
});

@Injectable()
export class TokenService {
  private readonly secret: Uint8Array;
  private readonly jwks?: JWTVerifyGetKey;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    this.secret = new TextEncoder().encode(config.auth.jwtSecret);
    if (config.auth.mode === 'oidc' && config.auth.oidc) this.jwks = createRemoteJWKSet(new URL(config.auth.oidc.jwksUrl));
  }

  sign(auth: AuthContext): Promise<string> {
    return new SignJWT({ role: auth.role })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(auth.accountId)
      .setIssuer('hireflow')
      .setIssuedAt()
      .setExpirationTime(Math.floor((Date.now() + this.config.auth.jwtTtlMs) / 1000))
      .sign(this.secret);
  }

  async verify(token: string): Promise<AuthContext & { displayName?: string }> {
    try {
      const oidc = this.jwks && this.config.auth.oidc;
      const { payload } = oidc
        ? await jwtVerify(token, this.jwks!, { issuer: this.config.auth.oidc!.issuer, audience: this.config.auth.oidc!.audience })
        : await jwtVerify(token, this.secret, { issuer: 'hireflow', algorithms: ['HS256'] });
      const role = payload.role;
      if (typeof payload.sub !== 'string' || (role !== 'client' && role !== 'freelancer' && role !== 'ops')) {
        throw new UnauthorizedError('the token has no subject or role');
      }
      if (!oidc) return { accountId: payload.sub, role };
      // The identity provider's subject maps to a stable account id of our own.
      const displayName = typeof payload.name === 'string' && payload.name.trim() ? payload.name.trim().slice(0, 120) : payload.sub;
      return { accountId: uuidv5(`${this.config.auth.oidc!.issuer}#${payload.sub}`, OIDC_ACCOUNT_NAMESPACE), role, displayName };
    } catch (error) {
      if (error instanceof UnauthorizedError) throw error;
      throw new UnauthorizedError('the bearer token is invalid or expired');
    }
  }
}

@Injectable()
export class AuthGuard implements CanActivate {
  /** Accounts known to exist, so a signed-in user's account is written once, not per request. */
  private readonly provisioned = new Set<string>();

  constructor(
    private readonly reflector: Reflector,
    private readonly tokens: TokenService,
    private readonly accounts: AccountsRepository,
  ) {}

  async canActivate(ctx: ExecutionContext): Promise<boolean> {
    // Sockets authenticate once, on connect, in the gateway.
    if (ctx.getType() !== 'http') return true;
    const targets = [ctx.getHandler(), ctx.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC, targets)) return true;
    const request = ctx.switchToHttp().getRequest();
    const header: string | undefined = request.headers.authorization;
    const match = header?.match(/^Bearer\s+(\S+)$/i);
    if (!match) throw new UnauthorizedError();
    const { displayName, ...auth } = await this.tokens.verify(match[1]!);
    if (displayName !== undefined && !this.provisioned.has(auth.accountId)) {
      // Behind an identity provider there is no sign-up: the first request creates the account.
      await this.accounts.ensure({ id: auth.accountId, role: auth.role, displayName });
      this.provisioned.add(auth.accountId);
    }
    request.auth = auth;
    const roles = this.reflector.getAllAndOverride<AccountRole[] | undefined>(ROLES, targets);
    if (roles && !roles.includes(auth.role)) {
      throw new ForbiddenError(`only ${roles.join(' or ')} accounts may do this`);
    }
    return true;
  }
}

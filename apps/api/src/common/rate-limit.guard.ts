import { Inject, Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import type { AppConfig } from '../../../../libs/config/config.js';
import { DomainError } from '../../../../libs/domain/errors.js';
import { APP_CONFIG } from '../core/tokens.js';

export class RateLimitedError extends DomainError {
  constructor(readonly retryAfterSeconds: number) {
    super('rate_limited', 'rate_limited', `too many requests; retry after ${retryAfterSeconds} s`, { retryAfterSeconds });
  }
}

const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Limits writes per account (per address before sign-in) and account creation per address,
 * in this process's memory. Reads are not limited. Runs after authentication, so it can key
 * on the account. Several API replicas each apply the limit; put a shared store behind
 * `rate-limiter-flexible` (Redis, PostgreSQL) if the limit must be global.
 */
@Injectable()
export class RateLimitGuard implements CanActivate {
  private readonly writes: RateLimiterMemory;
  private readonly signups: RateLimiterMemory;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.writes = new RateLimiterMemory({ points: config.rateLimits.writesPerMinute, duration: 60 });
    this.signups = new RateLimiterMemory({ points: config.rateLimits.signupsPerMinute, duration: 60 });
  }

  async canActivate(ctx: ExecutionContext): Promise<boolean> {
    if (ctx.getType() !== 'http') return true;
    const request = ctx.switchToHttp().getRequest();
    if (!WRITE_METHODS.has(request.method)) return true;
    const isSignup = request.method === 'POST' && /^\/v1\/accounts\/?$/.test(request.path);
    const [limiter, key] = isSignup
      ? [this.signups, `ip:${request.ip}`]
      : [this.writes, request.auth?.accountId ?? `ip:${request.ip}`];
    try {
      await limiter.consume(key);
      return true;
    } catch (rejection) {
      if (!(rejection instanceof RateLimiterRes)) throw rejection;
      throw new RateLimitedError(Math.max(1, Math.ceil(rejection.msBeforeNext / 1000)));
    }
  }
}

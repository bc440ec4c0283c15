import { createHash } from 'node:crypto';
import { Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import { from, lastValueFrom, type Observable } from 'rxjs';
import { IdempotencyRepository } from '../../../../libs/db/repositories/idempotency.repository.js';
import { RuleViolationError, ValidationError, WrongStateError } from '../../../../libs/domain/errors.js';
import { toErrorResponse } from './error.filter.js';

const KEY_PATTERN = /^[\x21-\x7e]{1,200}$/;
const WAIT_FOR_FIRST_MS = 30_000;
/** A running request renews its claim this often; one not renewed for STALE_AFTER_MS belongs to a process that died. */
const RENEW_EVERY_MS = 5_000;
const STALE_AFTER_MS = 20_000;

const canonical = (value: unknown): string =>
  JSON.stringify(value, (_key, v) =>
    v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => a.localeCompare(b))) : v,
  );

/**
 * `Idempotency-Key` on any state-changing request: the same key with the same request
 * returns the first response without acting again (concurrent repeats wait for it); the same
 * key with a different request is a 422. Failures worth retrying (5xx, 429) release the key.
 * If the API process answering the first request dies, its claim stops being renewed and a
 * repeat takes it over and acts again: proposal actions then reach the workflow under the
 * same update id (derived from the key), so the workflow answers the first outcome.
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  constructor(private readonly store: IdempotencyRepository) {}

  intercept(ctx: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (ctx.getType() !== 'http') return next.handle();
    const request = ctx.switchToHttp().getRequest();
    const key: string | undefined = request.headers['idempotency-key'];
    if (key === undefined || !['POST', 'PATCH', 'PUT', 'DELETE'].includes(request.method)) return next.handle();
    return from(this.run(ctx, next, key));
  }

  private async run(ctx: ExecutionContext, next: CallHandler, key: string): Promise<unknown> {
    if (!KEY_PATTERN.test(key)) {
      throw new ValidationError('Idempotency-Key must be 1 to 200 printable ASCII characters', { field: 'Idempotency-Key' });
    }
    const request = ctx.switchToHttp().getRequest();
    const response = ctx.switchToHttp().getResponse();
    const scope = request.auth?.accountId ?? `anonymous:${request.ip}`;
    const hash = createHash('sha256')
      .update(`${request.method} ${request.originalUrl ?? request.url}\n${canonical(request.body ?? null)}`)
      .digest('hex');

    const deadline = Date.now() + WAIT_FOR_FIRST_MS;
    for (;;) {
      const claim = await this.store.claim(scope, key, hash, STALE_AFTER_MS);
      if (claim.kind === 'mismatch') {
        throw new RuleViolationError('this Idempotency-Key was already used with a different request', { field: 'Idempotency-Key' });
      }
      if (claim.kind === 'replay') {
        response.status(claim.status);
        response.setHeader('Idempotent-Replayed', 'true');
        return claim.body;
      }
      if (claim.kind === 'claimed') break;
      if (Date.now() > deadline) throw new WrongStateError('a request with this Idempotency-Key is still in progress; retry shortly');
      await new Promise((resolve) => setTimeout(resolve, 50));
    }

    // A renewal that fails (the database briefly away) is simply tried again at the next tick.
    const renewal = setInterval(() => void this.store.renew(scope, key).catch(() => undefined), RENEW_EVERY_MS);
    renewal.unref();
    try {
      const body = await lastValueFrom(next.handle(), { defaultValue: undefined });
      await this.store.complete(scope, key, response.statusCode, body);
      return body;
    } catch (error) {
      const { status, body } = toErrorResponse(error);
      if (status >= 500 || status === 429) await this.store.release(scope, key);
      else await this.store.complete(scope, key, status, body);
      throw error;
    } finally {
      clearInterval(renewal);
    }
  }
}

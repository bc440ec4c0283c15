import { Injectable, SetMetadata, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { catchError, from, mergeMap, type Observable } from 'rxjs';
import { OpsAuditRepository } from '../../../../libs/db/repositories/ops-audit.repository.js';
import { toErrorResponse } from './error.filter.js';

const AUDITED = 'hireflow:audited';

/** Records the route's action, by whom, on which `:id`, why and how it ended, in ops_audit. */
export const Audited = (action: string, targetType: string) => SetMetadata(AUDITED, { action, targetType });

@Injectable()
export class AuditInterceptor implements NestInterceptor {
  constructor(
    private readonly reflector: Reflector,
    private readonly audit: OpsAuditRepository,
  ) {}

  intercept(ctx: ExecutionContext, next: CallHandler): Observable<unknown> {
    const meta = this.reflector.get<{ action: string; targetType: string } | undefined>(AUDITED, ctx.getHandler());
    if (!meta || ctx.getType() !== 'http') return next.handle();
    const request = ctx.switchToHttp().getRequest();
    const base = {
      opsAccountId: request.auth.accountId as string,
      action: meta.action,
      targetType: meta.targetType,
      targetId: String(request.params.id),
      reason: typeof request.body?.reason === 'string' ? request.body.reason : null,
    };
    return next.handle().pipe(
      mergeMap((result) =>
        from(this.audit.record({ ...base, outcome: 'succeeded', status: ctx.switchToHttp().getResponse().statusCode }).then(() => result)),
      ),
      catchError((error: unknown) => {
        const { status } = toErrorResponse(error);
        return from(
          this.audit.record({ ...base, outcome: status >= 500 ? 'failed' : 'refused', status }).then(() => {
            throw error;
          }),
        );
      }),
    );
  }
}

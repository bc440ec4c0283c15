import { Catch, HttpException, Logger, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import {
  WorkflowExecutionAlreadyStartedError,
  WorkflowNotFoundError,
  WorkflowUpdateFailedError,
} from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import { DomainError, KIND_BY_CODE, STATUS_BY_KIND, type ErrorKind } from '../../../../libs/domain/errors.js';

interface ErrorBody {
  error: { code: string; message: string; details?: unknown };
}

const CODE_BY_STATUS: Record<number, string> = {
  400: 'validation_failed',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not_found',
  405: 'method_not_allowed',
  409: 'conflict',
  413: 'payload_too_large',
  415: 'unsupported_media_type',
  422: 'rule_violation',
  429: 'rate_limited',
  503: 'unavailable',
};

/**
 * Network errors, and PostgreSQL's codes for "not now": admin/crash shutdown, starting up, too
 * many connections, a statement cancelled by statement_timeout, and class 08 (connection exception).
 */
const UNAVAILABLE_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EAI_AGAIN', '57P01', '57P02', '57P03', '53300', '57014']);
/** What `pg` says, without a code, when a bounded wait for a connection or an answer runs out, or the server goes away mid-query. */
const UNAVAILABLE_MESSAGES = /timeout exceeded when trying to connect|connection timeout|Query read timeout|Connection terminated/i;

/** Connection failures to PostgreSQL or Temporal, and bounded waits that ran out: the request may succeed later. */
export function isUnavailable(error: unknown): boolean {
  const e = error as { code?: unknown; name?: string; message?: string };
  if (e?.name === 'ConnectionException' || e?.name === 'ServiceError') return true;
  if (typeof e?.code === 'string' && (UNAVAILABLE_CODES.has(e.code) || e.code.startsWith('08'))) return true;
  return typeof e?.message === 'string' && UNAVAILABLE_MESSAGES.test(e.message);
}

/** Maps every error to the `{ error: { code, message, details } }` shape of the REST contract. */
export function toErrorResponse(error: unknown): { status: number; body: ErrorBody } {
  const respond = (status: number, code: string, message: string, details?: unknown) => ({
    status,
    body: { error: { code, message, ...(details === undefined ? {} : { details }) } },
  });

  if (error instanceof DomainError) return respond(STATUS_BY_KIND[error.kind], error.code, error.message, error.details);

  if (error instanceof WorkflowUpdateFailedError && error.cause instanceof ApplicationFailure) {
    const code = error.cause.type ?? 'wrong_state';
    const kind: ErrorKind = KIND_BY_CODE[code] ?? 'conflict';
    const details = error.cause.details?.[0];
    return respond(STATUS_BY_KIND[kind], code, error.cause.message, details ?? undefined);
  }
  if (error instanceof WorkflowExecutionAlreadyStartedError) {
    return respond(409, 'already_exists', 'this already exists: a second one is refused');
  }
  if (error instanceof WorkflowNotFoundError) return respond(404, 'not_found', 'the workflow behind this resource was not found');

  if (error instanceof HttpException) {
    const status = error.getStatus();
    const response = error.getResponse();
    const message =
      typeof response === 'object' && response !== null && 'message' in response
        ? [response.message].flat().join('; ')
        : error.message;
    return respond(status, CODE_BY_STATUS[status] ?? 'error', message);
  }
  if (isUnavailable(error)) return respond(503, 'unavailable', 'a backing service is unavailable; try again shortly');
  return respond(500, 'internal', 'an unexpected error occurred');
}

@Catch()
export class ErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('http');

  catch(error: unknown, host: ArgumentsHost): void {
    const { status, body } = toErrorResponse(error);
    if (status === 503) {
      // Expected while PostgreSQL or Temporal is away: one line naming the cause, not a stack per request.
      this.logger.warn(`answered 503: ${error instanceof Error ? error.message : String(error)}`);
    } else if (status >= 500) {
      this.logger.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
    }
    const response = host.switchToHttp().getResponse();
    if (status === 503) response.setHeader?.('Retry-After', '5');
    if (status === 429) {
      const seconds = (body.error.details as { retryAfterSeconds?: number } | undefined)?.retryAfterSeconds ?? 60;
      response.setHeader?.('Retry-After', String(seconds));
    }
    response.status(status).json(body);
  }
}

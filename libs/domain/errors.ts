/**
 * Domain errors. Code below the edges throws these; the HTTP exception filter maps their
 * `kind` to a status, and activities turn them into non-retryable Temporal failures whose
 * `type` is the error `code`, so the same error survives the trip through a workflow.
 */

import { describeFindings } from './moderation/describe.js';
import type { Finding } from './moderation/types.js';

export type ErrorKind = 'validation' | 'unauthorized' | 'forbidden' | 'not_found' | 'conflict' | 'rule' | 'rate_limited' | 'unavailable';

export const STATUS_BY_KIND: Record<ErrorKind, number> = {
  validation: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  rule: 422,
  rate_limited: 429,
  unavailable: 503,
};

/** Error codes a workflow may fail an update with, and the kind each maps to. */
export const KIND_BY_CODE: Record<string, ErrorKind> = {
  validation_failed: 'validation',
  forbidden: 'forbidden',
  not_found: 'not_found',
  wrong_state: 'conflict',
  already_exists: 'conflict',
  job_not_open: 'conflict',
  insufficient_connects: 'rule',
  rule_violation: 'rule',
  not_english: 'rule',
  upstream_rejected: 'unavailable',
  content_rejected: 'rule',
};

export class DomainError extends Error {
  constructor(
    readonly kind: ErrorKind,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export class ValidationError extends DomainError {
  constructor(message: string, details?: unknown) {
    super('validation', 'validation_failed', message, details);
  }
}

export class UnauthorizedError extends DomainError {
  constructor(message = 'a valid bearer token is required') {
    super('unauthorized', 'unauthorized', message);
  }
}

export class ForbiddenError extends DomainError {
  constructor(message: string) {
    super('forbidden', 'forbidden', message);
  }
}

export class NotFoundError extends DomainError {
  constructor(what: string, id: string) {
    super('not_found', 'not_found', `${what} ${id} was not found`);
  }
}

export class WrongStateError extends DomainError {
  constructor(message: string, details?: unknown) {
    super('conflict', 'wrong_state', message, details);
  }
}

export class AlreadyExistsError extends DomainError {
  constructor(message: string) {
    super('conflict', 'already_exists', message);
  }
}

export class JobNotOpenError extends DomainError {
  constructor(jobId: string, status: string) {
    super('conflict', 'job_not_open', `job ${jobId} is ${status}, not open`);
  }
}

export class InsufficientConnectsError extends DomainError {
  constructor(needed: number, balance: number) {
    super('rule', 'insufficient_connects', `submitting needs ${needed} Connects; the balance is ${balance}`, {
      needed,
      balance,
    });
  }
}

export class RuleViolationError extends DomainError {
  constructor(message: string, details?: unknown) {
    super('rule', 'rule_violation', message, details);
  }
}

/**
 * Text that shares contact details, moves payment off the platform or offers a reward for
 * winning the contract before a contract starts. The message names what was found; the
 * details list every finding, and the field it was in, so a client can point at it.
 */
export class ContentRejectedError extends DomainError {
  constructor(what: string, readonly findings: (Finding & { field?: string })[]) {
    super(
      'rule',
      'content_rejected',
      `${what} cannot be sent before a contract starts: it contains ${describeFindings(findings)}. Keep contact details and payment on hireflow until then.`,
      { findings },
    );
  }
}

export class UnavailableError extends DomainError {
  constructor(message: string) {
    super('unavailable', 'unavailable', message);
  }
}

/** Instant interviews are held in English; the answer is refused and can be given again. */
export class NotEnglishError extends DomainError {
  constructor(detected: string) {
    super('rule', 'not_english', 'the interview must be in English: answer this question in English', { detected });
  }
}

/**
 * An outside service (video, evaluator) refused a request in a way retrying cannot fix,
 * e.g. a 400 or 401. Activities fail non-retryably with it; ops fix the cause and retry.
 */
export class UpstreamRejectedError extends DomainError {
  constructor(service: string, status: number | undefined, message: string) {
    super('unavailable', 'upstream_rejected', `${service} refused the request${status ? ` (${status})` : ''}: ${message}`, { service, status });
  }
}

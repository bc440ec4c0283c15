import { ApplicationFailure } from '@temporalio/common';
import { DomainError } from '../libs/domain/errors.js';

/**
 * Domain errors are permanent: retrying a charge against an empty balance will not help.
 * They leave the activity as non-retryable failures typed by their code, so workflows and
 * the API can tell an insufficient balance from a closed job. Anything else is retried.
 */
export function asActivityFailure(error: unknown): unknown {
  if (error instanceof DomainError) {
    return ApplicationFailure.create({
      type: error.code,
      message: error.message,
      nonRetryable: true,
      details: error.details === undefined ? [] : [error.details],
    });
  }
  return error;
}

type AsyncFn = (...args: never[]) => Promise<unknown>;

/** Wraps every activity of an object so domain errors become non-retryable failures. */
export function withDomainFailures<T extends Record<string, AsyncFn>>(activities: T): T {
  const wrapped: Record<string, AsyncFn> = {};
  for (const [name, fn] of Object.entries(activities)) {
    const activity = async (...args: never[]) => {
      try {
        return await fn(...args);
      } catch (error) {
        throw asActivityFailure(error);
      }
    };
    Object.defineProperty(activity, 'name', { value: name });
    wrapped[name] = activity;
  }
  return wrapped as T;
}

import { UpstreamRejectedError } from '../domain/errors.js';

/**
 * How adapters tell a failure worth retrying from one that will fail the same way again.
 * Rate limits, server errors, timeouts and dropped connections are transient: the error is
 * rethrown as is and Temporal retries the activity with backoff. Any other 4xx (bad request,
 * bad credentials, unknown model) becomes an UpstreamRejectedError, which activities turn
 * into a non-retryable failure that ops can see and retry once the cause is fixed.
 */
export function isTransientStatus(status: number): boolean {
  return status === 408 || status === 409 || status === 425 || status === 429 || status >= 500;
}

export function classifyUpstreamError(service: string, error: unknown): unknown {
  const status = statusOf(error);
  if (status === undefined || isTransientStatus(status)) return error;
  const message = error instanceof Error ? error.message : String(error);
  return new UpstreamRejectedError(service, status, message);
}

function statusOf(error: unknown): number | undefined {
  const e = error as { status?: unknown; response?: { status?: unknown } } | null;
  const status = e?.status ?? e?.response?.status;
  return typeof status === 'number' && status >= 400 ? status : undefined;
}

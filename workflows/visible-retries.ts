import { ActivityFailure, setCurrentDetails, upsertSearchAttributes } from '@temporalio/workflow';
import { RetryState } from '@temporalio/common';
import { ActivityFailingKey } from './search-attributes.js';

/**
 * Runs an activity whose retry policy gives up after a few attempts, again and again, until
 * it succeeds or fails for good. Between rounds the workflow raises `HireflowActivityFailing`
 * and says in its current details what is failing and why, so a hire held up by a broken
 * dependency shows up in ops' stuck list instead of waiting silently; the flag drops once
 * the activity succeeds. Permanent failures (non-retryable) are thrown at once.
 */
export async function withVisibleRetries<T>(label: string, call: () => Promise<T>): Promise<T> {
  let failing = false;
  for (;;) {
    try {
      const result = await call();
      if (failing) upsertSearchAttributes([{ key: ActivityFailingKey, value: false }]);
      return result;
    } catch (error) {
      if (!(error instanceof ActivityFailure) || error.retryState !== RetryState.MAXIMUM_ATTEMPTS_REACHED) throw error;
      if (!failing) {
        failing = true;
        upsertSearchAttributes([{ key: ActivityFailingKey, value: true }]);
      }
      setCurrentDetails(`${label} keeps failing since ${new Date().toISOString().slice(0, 16)}Z and is being retried: ${error.cause?.message ?? error.message}`);
    }
  }
}

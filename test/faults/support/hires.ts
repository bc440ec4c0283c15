import { randomUUID } from 'node:crypto';
import pg from 'pg';
import type { HttpClient, HttpResponse } from '../../support/http.js';
import type { Stack } from '../../support/harness.js';

/** What a careful client does when the answer is lost or the server is briefly away. */
export interface RetryingCall {
  /** Every answer received, in order (network failures as status 0). */
  attempts: HttpResponse[];
  /** The last answer. */
  final: HttpResponse;
}

const RETRYABLE = (status: number) => status === 0 || status === 502 || status === 503 || status === 504;

/**
 * POSTs with one Idempotency-Key, repeating the same request while the network fails or the
 * API answers 502/503/504, up to `deadlineMs`. A 409 "still in progress" for the same key is
 * waited out too: the first attempt is still being answered.
 */
export async function postUntilAnswered(
  http: HttpClient,
  path: string,
  token: string,
  body: unknown,
  options: { key?: string; deadlineMs?: number; pauseMs?: number } = {},
): Promise<RetryingCall> {
  const key = options.key ?? randomUUID();
  const deadline = Date.now() + (options.deadlineMs ?? 120_000);
  const attempts: HttpResponse[] = [];
  for (;;) {
    const res = await http
      .post(path, token, body, { 'idempotency-key': key })
      .catch((error: Error): HttpResponse => ({ status: 0, body: { error: { code: 'network', message: error.message } }, headers: new Headers() }));
    attempts.push(res);
    const inProgress = res.status === 409 && /still in progress/.test(res.body?.error?.message ?? '');
    if ((!RETRYABLE(res.status) && !inProgress) || Date.now() > deadline) return { attempts, final: res };
    await new Promise((resolve) => setTimeout(resolve, options.pauseMs ?? 250));
  }
}

/**
 * Holds a row lock on a freelancer's account in a transaction of its own, so a charge or
 * refund that reaches its balance update waits there, mid-transaction, until released.
 */
export async function lockAccount(stack: Stack, accountId: string): Promise<{ release(): Promise<void> }> {
  const client = new pg.Client({ connectionString: stack.config.database.url });
  await client.connect();
  await client.query('begin');
  // The test's own lock never waits long: whatever held the row first would otherwise hang the test.
  await client.query(`set local lock_timeout = '20s'`);
  await client.query('select 1 from accounts where id = $1 for update', [accountId]);
  return {
    async release() {
      await client.query('rollback').catch(() => undefined);
      await client.end().catch(() => undefined);
    },
  };
}

/** How many statements of this database are waiting for a lock and match `pattern` (e.g. a balance update). */
export async function blockedStatements(stack: Stack, pattern: string): Promise<number> {
  const [row] = await stack.orm.em.fork().execute<{ n: number }[]>(
    `select count(*)::int as n from pg_stat_activity
     where datname = current_database() and wait_event_type = 'Lock' and query like ?`,
    [pattern],
  );
  return row!.n;
}

export const BALANCE_UPDATE = 'update accounts set connects_balance%';

import type { MikroORM } from '@mikro-orm/postgresql';

export type IdempotencyClaim =
  | { kind: 'claimed' }
  | { kind: 'replay'; status: number; body: unknown }
  | { kind: 'pending' }
  | { kind: 'mismatch' };

/**
 * Remembers the first response to each (caller, Idempotency-Key). The first request claims
 * the key; repeats with the same request get the stored response; a different request
 * under the same key is refused.
 */
export class IdempotencyRepository {
  constructor(private readonly orm: MikroORM) {}

  async claim(scope: string, key: string, requestHash: string): Promise<IdempotencyClaim> {
    const em = this.orm.em.fork();
    const inserted = await em.execute<unknown[]>(
      `insert into idempotency_keys (scope, key, request_hash) values (?, ?, ?) on conflict do nothing returning key`,
      [scope, key, requestHash],
    );
    if (inserted.length === 1) return { kind: 'claimed' };
    const [row] = await em.execute<{ request_hash: string; state: string; status: number | null; response: unknown }[]>(
      'select request_hash, state, status, response from idempotency_keys where scope = ? and key = ?',
      [scope, key],
    );
    if (!row) return this.claim(scope, key, requestHash); // released between our insert and read
    if (row.request_hash !== requestHash) return { kind: 'mismatch' };
    if (row.state === 'done') return { kind: 'replay', status: row.status!, body: row.response };
    return { kind: 'pending' };
  }

  async complete(scope: string, key: string, status: number, body: unknown): Promise<void> {
    await this.orm.em
      .fork()
      .execute(`update idempotency_keys set state = 'done', status = ?, response = ? where scope = ? and key = ?`, [
        status,
        JSON.stringify(body ?? null),
        scope,
        key,
      ]);
  }

  /** Forgets a claim whose request failed in a way worth retrying (5xx, 429). */
  async release(scope: string, key: string): Promise<void> {
    await this.orm.em.fork().execute(`delete from idempotency_keys where scope = ? and key = ? and state = 'pending'`, [scope, key]);
  }
}

import type { MikroORM } from '@mikro-orm/postgresql';

export type IdempotencyClaim =
  | { kind: 'claimed' }
  | { kind: 'replay'; status: number; body: unknown }
  | { kind: 'pending' }
  | { kind: 'mismatch' };

/**
 * Remembers the first response to each (caller, Idempotency-Key). The first request claims
 * the key and renews its claim while it runs; repeats with the same request get the stored
 * response; a different request under the same key is refused. A pending claim that has not
 * been renewed for `staleAfterMs` was left by an API process that died mid-request: the
 * next repeat takes it over, so a client is never told "in progress" forever.
 */
export class IdempotencyRepository {
  constructor(private readonly orm: MikroORM) {}

  async claim(scope: string, key: string, requestHash: string, staleAfterMs: number): Promise<IdempotencyClaim> {
    const em = this.orm.em.fork();
    const inserted = await em.execute<unknown[]>(
      `insert into idempotency_keys (scope, key, request_hash) values (?, ?, ?)
       on conflict (scope, key) do update set renewed_at = now()
         where idempotency_keys.state = 'pending' and idempotency_keys.request_hash = excluded.request_hash
           and idempotency_keys.renewed_at < now() - make_interval(secs => ?)
       returning key`,
      [scope, key, requestHash, staleAfterMs / 1000],
    );
    if (inserted.length === 1) return { kind: 'claimed' };
    const [row] = await em.execute<{ request_hash: string; state: string; status: number | null; response: unknown }[]>(
      'select request_hash, state, status, response from idempotency_keys where scope = ? and key = ?',
      [scope, key],
    );
    if (!row) return this.claim(scope, key, requestHash, staleAfterMs); // released between our insert and read
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

  /** The request holding the claim is still running. */
  async renew(scope: string, key: string): Promise<void> {
    await this.orm.em.fork().execute(`update idempotency_keys set renewed_at = now() where scope = ? and key = ? and state = 'pending'`, [scope, key]);
  }

  /** Forgets a claim whose request failed in a way worth retrying (5xx, 429). */
  async release(scope: string, key: string): Promise<void> {
    await this.orm.em.fork().execute(`delete from idempotency_keys where scope = ? and key = ? and state = 'pending'`, [scope, key]);
  }
}

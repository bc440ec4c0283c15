import { EventEmitter } from 'node:events';
import { describe, expect, it, jest } from '@jest/globals';
import type { Pool, PoolClient } from 'pg';
import { releaseOrphanedClients } from './pool-leaks.js';

/** A pool that hands out one client whose statements succeed or fail as told. */
function poolWithClient(failing: RegExp) {
  const pool = new EventEmitter();
  const release = jest.fn();
  const client = {
    release,
    query: (text: string) => (failing.test(text) ? Promise.reject(new Error('Query read timeout')) : Promise.resolve({ rows: [] })),
  };
  releaseOrphanedClients(pool as unknown as Pool);
  pool.emit('connect', client);
  const settle = () => new Promise((resolve) => setImmediate(resolve));
  return { client: client as unknown as PoolClient, release, settle };
}

describe('pooled clients a failed transaction would orphan', () => {
  it.each(['begin', 'start transaction isolation level serializable', 'rollback', 'ROLLBACK;'])('are handed back with the error when %s fails', async (statement) => {
    const { client, release, settle } = poolWithClient(/./);
    await expect(client.query(statement)).rejects.toThrow('Query read timeout');
    await settle();
    expect(release).toHaveBeenCalledTimes(1);
    expect((release.mock.calls[0]![0] as Error).message).toBe('Query read timeout');
  });

  it('stay with their holder when any other statement fails, or when the transaction starts', async () => {
    const { client, release, settle } = poolWithClient(/select|commit|rollback to/);
    await expect(client.query('select 1')).rejects.toThrow();
    await expect(client.query('commit')).rejects.toThrow();
    await expect(client.query('rollback to savepoint trx1')).rejects.toThrow();
    await expect(client.query('begin')).resolves.toEqual({ rows: [] });
    await settle();
    expect(release).not.toHaveBeenCalled();
  });

  it('a second hand-back is harmless', async () => {
    const { client, release, settle } = poolWithClient(/begin/);
    release.mockImplementation(() => {
      throw new Error('Release called on client which has already been released to the pool.');
    });
    await expect(client.query('begin')).rejects.toThrow('Query read timeout');
    await settle();
    expect(release).toHaveBeenCalledTimes(1);
  });
});

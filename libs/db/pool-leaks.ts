import type { Pool, PoolClient } from 'pg';

/** Statements whose failure leaves the client with nobody to hand it back: a transaction's start, and its rollback. */
const ORPHANING = /^\s*(begin|start\s+transaction\b[^;]*|rollback)\s*;?\s*$/i;

/**
 * Kysely, under MikroORM, never hands back the pooled client of a transaction whose `begin`
 * fails, nor of one whose rollback fails: that connection stays checked out for good. A
 * database that hangs or drops connections makes exactly these statements fail, so each such
 * fault would take a connection from the pool until every query waits for one that never
 * comes and the process must be restarted. Here, a client whose transaction start or rollback
 * failed is handed back with the error, so the pool discards it and opens a fresh one.
 */
export function releaseOrphanedClients(pool: Pool): void {
  pool.on('connect', (client: PoolClient) => {
    const query = client.query.bind(client) as (...args: unknown[]) => unknown;
    client.query = ((...args: unknown[]) => {
      const result = query(...args);
      const first = args[0] as string | { text?: unknown } | undefined;
      const text = typeof first === 'string' ? first : first?.text;
      if (result instanceof Promise && typeof text === 'string' && ORPHANING.test(text)) {
        result.catch((error: Error) => {
          try {
            client.release(error);
          } catch {
            // Handed back already (the pool throws on a second release): nothing was orphaned.
          }
        });
      }
      return result;
    }) as PoolClient['query'];
  });
}

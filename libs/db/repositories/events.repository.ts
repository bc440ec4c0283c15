import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import { Event } from '../entities/event.entity.js';

export interface OutboxEvent {
  recipientId: string;
  type: string;
  payload: Record<string, unknown>;
  dedupeKey: string;
}

/** The outbox of events for users; the API delivers them over WebSockets. */
export class EventsRepository {
  constructor(private readonly orm: MikroORM) {}

  /**
   * Call inside a transaction, once per transaction. A transaction-scoped lock per recipient,
   * taken in a fixed order before the ids are drawn, makes each user's event ids commit in
   * increasing order: a reader that has delivered id N to a user never later finds a lower
   * id for that user committed behind it.
   */
  static async appendWith(em: EntityManager, events: OutboxEvent[]): Promise<void> {
    for (const recipientId of [...new Set(events.map((e) => e.recipientId))].sort()) {
      await em.execute('select pg_advisory_xact_lock(hashtextextended(?, 0))', [`hireflow.events:${recipientId}`]);
    }
    for (const event of events) {
      await em.execute(
        'insert into events (recipient_id, type, payload, dedupe_key) values (?, ?, ?, ?) on conflict (dedupe_key) do nothing',
        [event.recipientId, event.type, JSON.stringify(event.payload), event.dedupeKey],
      );
    }
  }

  append(events: OutboxEvent[]): Promise<void> {
    return this.orm.em.fork().transactional((em) => EventsRepository.appendWith(em, events));
  }

  /** Events for one user after a given id, oldest first: how a reconnecting client catches up. */
  since(recipientId: string, afterId: number, limit = 500): Promise<Event[]> {
    return this.orm.em.fork().find(Event, { recipientId, id: { $gt: afterId } }, { orderBy: { id: 'asc' }, limit });
  }

  /** The newest event id of each of these users (absent when a user has none). */
  async newestIds(recipientIds: string[]): Promise<Map<string, number>> {
    if (recipientIds.length === 0) return new Map();
    const rows = await this.orm.em
      .fork()
      .execute<{ recipient_id: string; id: string }[]>(
        'select recipient_id, max(id) as id from events where recipient_id = any(?::uuid[]) group by recipient_id',
        [`{${recipientIds.join(',')}}`],
      );
    return new Map(rows.map((row) => [row.recipient_id, Number(row.id)]));
  }
}

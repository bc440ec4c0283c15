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

  static async appendWith(em: EntityManager, events: OutboxEvent[]): Promise<void> {
    for (const event of events) {
      await em.execute(
        'insert into events (recipient_id, type, payload, dedupe_key) values (?, ?, ?, ?) on conflict (dedupe_key) do nothing',
        [event.recipientId, event.type, JSON.stringify(event.payload), event.dedupeKey],
      );
    }
  }

  append(events: OutboxEvent[]): Promise<void> {
    return EventsRepository.appendWith(this.orm.em.fork(), events);
  }

  /** Events for one user after a given id, oldest first: how a reconnecting client catches up. */
  since(recipientId: string, afterId: number, limit = 500): Promise<Event[]> {
    return this.orm.em.fork().find(Event, { recipientId, id: { $gt: afterId } }, { orderBy: { id: 'asc' }, limit });
  }
}

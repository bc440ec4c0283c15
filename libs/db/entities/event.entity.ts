import { defineEntity, p } from '@mikro-orm/core';

/**
 * The outbox: events the worker records durably for the API to push to users.
 * `dedupeKey` makes a retried write land once.
 */
const EventSchema = defineEntity({
  name: 'Event',
  tableName: 'events',
  indexes: [{ properties: ['recipientId', 'id'] }],
  properties: {
    id: p.bigint('number').primary().autoincrement(),
    recipientId: p.uuid(),
    type: p.string(),
    payload: p.json<Record<string, unknown>>(),
    dedupeKey: p.string().unique(),
    createdAt: p.datetime().onCreate(() => new Date()),
  },
});

export class Event extends EventSchema.class {}
EventSchema.setClass(Event);
export { EventSchema };

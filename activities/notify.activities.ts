import type { EventsRepository } from '../libs/db/repositories/events.repository.js';

export interface Notice {
  recipientId: string;
  type: string;
  payload: Record<string, unknown>;
  /** Makes a retried notice land once. */
  dedupeKey: string;
}

/** Notifications (reminders, warnings) go to the outbox; the API pushes them to the user. */
export function notifyActivities(events: EventsRepository) {
  return {
    async notify(notice: Notice): Promise<void> {
      await events.append([notice]);
    },
  };
}

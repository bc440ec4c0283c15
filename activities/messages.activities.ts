import type { MessagesRepository } from '../libs/db/repositories/messages.repository.js';

/** Message side effects run by the worker. Bodies and reminders live in PostgreSQL, never in a proposal's history. */
export function messageActivities(messages: MessagesRepository) {
  return {
    /** One batch of the unanswered-message sweep: each waiting message is reminded once, through the outbox. */
    async remindUnansweredMessages(input: { olderThanMs: number; limit: number }): Promise<{ processed: number; reminded: number }> {
      const reminders = await messages.remindUnanswered(input.olderThanMs, input.limit, new Date());
      return { processed: reminders.processed, reminded: reminders.reminded.length };
    },
  };
}

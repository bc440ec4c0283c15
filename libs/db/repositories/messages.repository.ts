import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import { NotFoundError, ValidationError } from '../../domain/errors.js';
import { Message, MessageThread } from '../entities/message.entity.js';
import { EventsRepository, type OutboxEvent } from './events.repository.js';

export interface NewMessage {
  id: string;
  proposalId: string;
  clientId: string;
  freelancerId: string;
  senderId: string;
  recipientId: string;
  body: string;
  flagged: boolean;
  redacted: boolean;
  createdAt: Date;
}

export interface MessagePage {
  limit: number;
  /** Id of the last (oldest) message of the previous page. */
  after?: string;
}

export interface UnansweredReminder {
  proposalId: string;
  jobId: string;
  messageId: string;
  senderId: string;
  recipientId: string;
  sentAt: Date;
}

/** Proposals in these stages are over: their threads stay readable but nobody is reminded. */
const CLOSED_STAGES = ['declined', 'withdrawn', 'closed', 'abandoned'];

/**
 * Proposal message threads. A message, its thread's bookkeeping and its outbox events are
 * written in one transaction, under a lock on the thread row, so positions in a thread
 * follow commit order and a page never skips a message committed late.
 */
export class MessagesRepository {
  constructor(private readonly orm: MikroORM) {}

  async thread(proposalId: string): Promise<MessageThread | null> {
    return this.orm.em.fork().findOne(MessageThread, { proposalId });
  }

  async get(id: string): Promise<Message> {
    const message = await this.orm.em.fork().findOne(Message, { id });
    if (!message) throw new NotFoundError('message', id);
    return message;
  }

  async post(input: NewMessage, events: OutboxEvent[]): Promise<Message> {
    return this.orm.em.fork().transactional(async (em) => {
      await em.execute(
        'insert into message_threads (proposal_id, client_id, freelancer_id) values (?, ?, ?) on conflict (proposal_id) do nothing',
        [input.proposalId, input.clientId, input.freelancerId],
      );
      await em.execute('select 1 from message_threads where proposal_id = ? for update', [input.proposalId]);
      const [{ seq }] = await em.execute<{ seq: string }[]>(
        `insert into messages (id, proposal_id, sender_id, recipient_id, body, flagged, redacted, created_at)
         values (?, ?, ?, ?, ?, ?, ?, ?) returning seq`,
        [input.id, input.proposalId, input.senderId, input.recipientId, input.body, input.flagged, input.redacted, input.createdAt],
      );
      const fromClient = input.senderId === input.clientId;
      await em.execute(
        `update message_threads set last_message_id = ?, last_seq = ?, last_sender_id = ?, last_message_at = ?, reminder_due = true,
           message_count = message_count + 1,
           client_opened_at = case when ? then coalesce(client_opened_at, ?) else client_opened_at end
         where proposal_id = ?`,
        [input.id, seq, input.senderId, input.createdAt, fromClient, input.createdAt, input.proposalId],
      );
      await EventsRepository.appendWith(em, events);
      return em.findOneOrFail(Message, { id: input.id });
    });
  }

  /** Newest first; `after` is the last message of the previous page. */
  async page(proposalId: string, page: MessagePage): Promise<Message[]> {
    const em = this.orm.em.fork();
    const before = page.after ? await this.seqOf(em, proposalId, page.after, 'after') : undefined;
    return em.find(
      Message,
      { proposalId, ...(before === undefined ? {} : { seq: { $lt: before } }) },
      { orderBy: { seq: 'desc' }, limit: page.limit },
    );
  }

  async unreadCount(proposalId: string, recipientId: string): Promise<number> {
    return this.orm.em.fork().count(Message, { proposalId, recipientId, readAt: null });
  }

  /**
   * Marks the reader's messages read up to and including `upTo` (all of them without it), and
   * writes the receipt events `notify` builds for the newest message that became read.
   */
  async markRead(
    proposalId: string,
    readerId: string,
    upTo: string | undefined,
    at: Date,
    notify: (lastId: string) => OutboxEvent[],
  ): Promise<{ count: number; lastId: string | null }> {
    return this.orm.em.fork().transactional(async (em) => {
      const until = upTo ? await this.seqOf(em, proposalId, upTo, 'upTo') : Number.MAX_SAFE_INTEGER;
      const rows = await em.execute<{ id: string; seq: string }[]>(
        `update messages set read_at = ? where proposal_id = ? and recipient_id = ? and read_at is null and seq <= ?
         returning id, seq`,
        [at, proposalId, readerId, until],
      );
      const newest = rows.reduce<{ id: string; seq: string } | null>((best, row) => (!best || BigInt(row.seq) > BigInt(best.seq) ? row : best), null);
      if (newest) await EventsRepository.appendWith(em, notify(newest.id));
      return { count: rows.length, lastId: newest?.id ?? null };
    });
  }

  async setFlagged(id: string): Promise<void> {
    await this.orm.em.fork().nativeUpdate(Message, { id }, { flagged: true });
  }

  /**
   * Finds up to `limit` threads whose last message has waited longer than `olderThanMs` for an
   * answer, marks them reminded and writes one `message.unanswered` event per message to the
   * party who has not answered. Threads of proposals that are over are cleared silently.
   * Concurrent sweeps skip each other's rows.
   */
  async remindUnanswered(olderThanMs: number, limit: number, now: Date): Promise<{ processed: number; reminded: UnansweredReminder[] }> {
    return this.orm.em.fork().transactional(async (em) => {
      const due = await em.execute<
        { proposal_id: string; job_id: string; stage: string; last_message_id: string; last_sender_id: string; client_id: string; freelancer_id: string; last_message_at: Date }[]
      >(
        `with due as (
           select t.proposal_id from message_threads t
           where t.reminder_due and t.last_message_at <= ?::timestamptz - (? * interval '1 millisecond')
           order by t.last_message_at limit ? for update skip locked
         )
         update message_threads t set reminder_due = false from due, proposals p
         where t.proposal_id = due.proposal_id and p.id = t.proposal_id
         returning t.proposal_id, p.job_id, p.stage, t.last_message_id, t.last_sender_id, t.client_id, t.freelancer_id, t.last_message_at`,
        [now, olderThanMs, limit],
      );
      const reminders = due
        .filter((row) => !CLOSED_STAGES.includes(row.stage))
        .map((row) => ({
          proposalId: row.proposal_id,
          jobId: row.job_id,
          messageId: row.last_message_id,
          senderId: row.last_sender_id,
          recipientId: row.last_sender_id === row.client_id ? row.freelancer_id : row.client_id,
          sentAt: new Date(row.last_message_at),
        }));
      if (reminders.length === 0) return { processed: due.length, reminded: [] };
      await em.execute('update messages set reminded_at = ? where id = any(?::uuid[])', [now, `{${reminders.map((r) => r.messageId).join(',')}}`]);
      await EventsRepository.appendWith(
        em,
        reminders.map((r) => ({
          recipientId: r.recipientId,
          type: 'message.unanswered',
          payload: { proposalId: r.proposalId, jobId: r.jobId, messageId: r.messageId, senderId: r.senderId, sentAt: r.sentAt.toISOString() },
          dedupeKey: `message.unanswered:${r.messageId}`,
        })),
      );
      return { processed: due.length, reminded: reminders };
    });
  }

  private async seqOf(em: EntityManager, proposalId: string, messageId: string, field: string): Promise<number> {
    const message = await em.findOne(Message, { id: messageId, proposalId }, { fields: ['seq'] });
    if (!message) {
      throw new ValidationError(`${field}: message ${messageId} is not in this thread`, { fields: [{ field, message: 'not a message of this thread' }] });
    }
    return message.seq;
  }
}

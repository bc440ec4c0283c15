import { defineEntity, p } from '@mikro-orm/core';

/** One message of a proposal's thread. Bodies live only here, never in workflow history. */
const MessageSchema = defineEntity({
  name: 'Message',
  tableName: 'messages',
  properties: {
    id: p.uuid().primary(),
    /** Position in the thread; pages are read newest first by it. */
    seq: p.bigint('number'),
    proposalId: p.uuid(),
    senderId: p.uuid(),
    recipientId: p.uuid(),
    body: p.text(),
    flagged: p.boolean().default(false),
    redacted: p.boolean().default(false),
    readAt: p.datetime().nullable(),
    remindedAt: p.datetime().nullable(),
    createdAt: p.datetime().onCreate(() => new Date()),
  },
});

export class Message extends MessageSchema.class {}
MessageSchema.setClass(Message);
export { MessageSchema };

/** Per-proposal thread state: whether the client opened it, and its last message for reminders. */
const MessageThreadSchema = defineEntity({
  name: 'MessageThread',
  tableName: 'message_threads',
  properties: {
    proposalId: p.uuid().primary(),
    clientId: p.uuid(),
    freelancerId: p.uuid(),
    clientOpenedAt: p.datetime().nullable(),
    lastMessageId: p.uuid().nullable(),
    lastSeq: p.bigint('number').default(0),
    lastSenderId: p.uuid().nullable(),
    lastMessageAt: p.datetime().nullable(),
    reminderDue: p.boolean().default(false),
    messageCount: p.integer().default(0),
    createdAt: p.datetime().onCreate(() => new Date()),
  },
});

export class MessageThread extends MessageThreadSchema.class {}
MessageThreadSchema.setClass(MessageThread);
export { MessageThreadSchema };

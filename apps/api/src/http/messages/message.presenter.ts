import type { Message } from '../../../../../libs/db/entities/message.entity.js';

/** A message as either party sees it. Who flagged what is for ops only. */
export function presentMessage(message: Message) {
  return {
    id: message.id,
    proposalId: message.proposalId,
    senderId: message.senderId,
    recipientId: message.recipientId,
    body: message.body,
    redacted: message.redacted,
    createdAt: message.createdAt.toISOString(),
    readAt: message.readAt?.toISOString() ?? null,
  };
}

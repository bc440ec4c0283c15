import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { Client, WorkflowNotFoundError } from '@temporalio/client';
import { MessagesRepository, ModerationFlagsRepository } from '../../../../../libs/db/repositories/index.js';
import { RuleViolationError } from '../../../../../libs/domain/errors.js';
import { clientMessagedSignal } from '../../../../../workflows/messages.js';
import type { AuthContext } from '../../common/auth.js';
import { TEMPORAL_CLIENT } from '../../core/tokens.js';
import { ContentModerator } from '../moderation/content-moderator.service.js';
import { presentFlag } from '../moderation/flags.service.js';
import { presentMessage } from './message.presenter.js';
import type { MessagesQuery } from './messages.schemas.js';
import { ThreadAccess } from './thread-access.service.js';

/**
 * Proposal threads. Bodies are stored in PostgreSQL only: the workflow hears of the thread
 * once, when the client first writes, so a thread of any length leaves the proposal's
 * history as it was. Each message reaches the other party through the outbox.
 */
@Injectable()
export class MessagesService {
  constructor(
    @Inject(TEMPORAL_CLIENT) private readonly temporal: Client,
    private readonly access: ThreadAccess,
    private readonly messages: MessagesRepository,
    private readonly flags: ModerationFlagsRepository,
    private readonly moderator: ContentModerator,
  ) {}

  async list(auth: AuthContext, proposalId: string, query: MessagesQuery) {
    await this.access.participant(auth, proposalId);
    const [rows, unreadCount] = await Promise.all([
      this.messages.page(proposalId, query),
      this.messages.unreadCount(proposalId, auth.accountId),
    ]);
    return {
      items: rows.map(presentMessage),
      nextCursor: rows.length === query.limit ? rows.at(-1)!.id : null,
      unreadCount,
    };
  }

  async post(auth: AuthContext, proposalId: string, body: string) {
    const participant = await this.access.participant(auth, proposalId);
    const { row, thread } = await this.access.writable(participant);
    // Refused content must not move the proposal: moderation comes before the signal.
    const screened = this.moderator.screen('this message', { body }, { contractStarted: Boolean(row.contractId) });
    const createdAt = new Date();
    if (participant.party === 'client' && !thread?.clientOpenedAt) await this.signalFirstClientMessage(row.workflowId, createdAt);

    const id = randomUUID();
    const stored = screened.fields.body!;
    const message = await this.messages.post(
      {
        id,
        proposalId,
        clientId: row.clientId,
        freelancerId: row.freelancerId,
        senderId: auth.accountId,
        recipientId: participant.counterpartId,
        body: stored,
        flagged: screened.findings.length > 0,
        redacted: screened.redacted,
        createdAt,
      },
      [
        {
          recipientId: participant.counterpartId,
          type: 'message.created',
          payload: { proposalId, jobId: row.jobId, messageId: id, senderId: auth.accountId, body: stored, redacted: screened.redacted, createdAt: createdAt.toISOString() },
          dedupeKey: `message.created:${id}`,
        },
      ],
    );
    await this.moderator.flag({ type: 'message', id, proposalId }, screened, body);
    return {
      ...presentMessage(message),
      ...(screened.redacted ? { moderation: { redacted: true, findings: screened.findings } } : {}),
    };
  }

  async markRead(auth: AuthContext, proposalId: string, upTo: string | undefined) {
    const participant = await this.access.participant(auth, proposalId);
    const readAt = new Date();
    const result = await this.messages.markRead(proposalId, auth.accountId, upTo, readAt, (lastId) => [
      {
        recipientId: participant.counterpartId,
        type: 'message.read',
        payload: { proposalId, readerId: auth.accountId, upToMessageId: lastId, readAt: readAt.toISOString() },
        dedupeKey: `message.read:${proposalId}:${auth.accountId}:${lastId}`,
      },
    ]);
    return { read: result.count, upToMessageId: result.lastId, readAt: result.count > 0 ? readAt.toISOString() : null };
  }

  async flag(auth: AuthContext, messageId: string, reason: string) {
    const message = await this.messages.get(messageId);
    await this.access.participant(auth, message.proposalId);
    if (message.senderId === auth.accountId) throw new RuleViolationError('you cannot flag your own message');
    const flag = await this.flags.record({
      subjectType: 'message',
      subjectId: message.id,
      proposalId: message.proposalId,
      reporterId: auth.accountId,
      reason,
      excerpt: message.body.slice(0, 2_000),
    });
    await this.messages.setFlagged(message.id);
    const { id, reason: recorded, createdAt } = presentFlag(flag);
    return { id, messageId: message.id, reason: recorded, createdAt };
  }

  /** Moves the proposal to *messaged*. A proposal whose workflow has ended has no stage left to move. */
  private async signalFirstClientMessage(workflowId: string, at: Date): Promise<void> {
    try {
      await this.temporal.workflow.getHandle(workflowId).signal(clientMessagedSignal, { at: at.toISOString() });
    } catch (error) {
      if (!(error instanceof WorkflowNotFoundError)) throw error;
    }
  }
}

import { Injectable } from '@nestjs/common';
import type { MessageThread } from '../../../../../libs/db/entities/message.entity.js';
import type { Proposal } from '../../../../../libs/db/entities/proposal.entity.js';
import { MessagesRepository } from '../../../../../libs/db/repositories/index.js';
import { ForbiddenError, WrongStateError } from '../../../../../libs/domain/errors.js';
import { threadWritableIn } from '../../../../../workflows/proposal.rules.js';
import type { AuthContext } from '../../common/auth.js';
import { ProposalsService, type Party } from '../proposals/proposals.service.js';

export interface ThreadParticipant {
  row: Proposal;
  party: Party;
  /** The other party's account. */
  counterpartId: string;
}

/**
 * Who may read and write a proposal's thread: only its freelancer and the job's client
 * (ops see flagged messages through the flags list, not the thread). What may be written
 * when follows the proposal's rules; the client opens the conversation.
 */
@Injectable()
export class ThreadAccess {
  constructor(
    private readonly proposals: ProposalsService,
    private readonly messages: MessagesRepository,
  ) {}

  async participant(auth: AuthContext, proposalId: string): Promise<ThreadParticipant> {
    const row = await this.proposals.readable(auth, proposalId);
    if (auth.accountId === row.freelancerId) return { row, party: 'freelancer', counterpartId: row.clientId };
    if (auth.accountId === row.clientId) return { row, party: 'client', counterpartId: row.freelancerId };
    throw new ForbiddenError("only the proposal's freelancer and the job's client may use its messages");
  }

  /**
   * The proposal's row and thread, once it is clear the participant may write now. The read
   * model is enough here, and spares the workflow a query per message: every action that
   * moves a proposal into or out of a writable stage, or makes an offer, is written to it
   * before the action answers.
   */
  async writable(participant: ThreadParticipant): Promise<{ row: Proposal; thread: MessageThread | null }> {
    const { row } = participant;
    const thread = await this.messages.thread(row.id);
    if (!threadWritableIn(row.stage)) {
      throw new WrongStateError(`cannot message: the proposal is ${row.stage.replace(/_/g, ' ')}`, { stage: row.stage });
    }
    // The freelancer replies once the client has written or made an offer.
    const opened = Boolean(thread?.clientOpenedAt || row.offerId || row.stage === 'messaged');
    if (participant.party === 'freelancer' && !opened) {
      throw new WrongStateError(
        'cannot message yet: the client opens the conversation; you can write once the client has messaged you or made an offer',
        { stage: row.stage },
      );
    }
    return { row, thread };
  }
}

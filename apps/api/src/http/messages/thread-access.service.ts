import { Injectable } from '@nestjs/common';
import type { MessageThread } from '../../../../../libs/db/entities/message.entity.js';
import type { Proposal } from '../../../../../libs/db/entities/proposal.entity.js';
import { MessagesRepository } from '../../../../../libs/db/repositories/index.js';
import { ForbiddenError, WrongStateError } from '../../../../../libs/domain/errors.js';
import type { ProposalView } from '../../../../../workflows/proposal.types.js';
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

  /** The live proposal and thread, once it is clear the participant may write now. */
  async writable(participant: ThreadParticipant): Promise<{ view: ProposalView; thread: MessageThread | null }> {
    const [view, thread] = await Promise.all([this.proposals.liveView(participant.row), this.messages.thread(participant.row.id)]);
    const stageAllows = view.allowedActions.client.includes('message') || view.allowedActions.freelancer.includes('message');
    if (!stageAllows) {
      throw new WrongStateError(`cannot message: the proposal is ${view.stage.replace(/_/g, ' ')}`, { stage: view.stage });
    }
    // The freelancer replies once the client has written (the thread knows before the workflow does) or made an offer.
    const opened = Boolean(view.clientMessagedAt || view.offer || thread?.clientOpenedAt);
    if (participant.party === 'freelancer' && !opened) {
      throw new WrongStateError(
        'cannot message yet: the client opens the conversation; you can write once the client has messaged you or made an offer',
        { stage: view.stage },
      );
    }
    return { view, thread };
  }
}

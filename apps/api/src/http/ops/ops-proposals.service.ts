import { Inject, Injectable } from '@nestjs/common';
import { Client, WorkflowNotFoundError } from '@temporalio/client';
import { InterviewsRepository, ProposalsRepository } from '../../../../../libs/db/repositories/index.js';
import { WrongStateError } from '../../../../../libs/domain/errors.js';
import * as msg from '../../../../../workflows/messages.js';
import { isTerminal } from '../../../../../workflows/proposal.rules.js';
import type { AuthContext } from '../../common/auth.js';
import { TEMPORAL_CLIENT } from '../../core/tokens.js';
import { presentProposal } from '../proposals/proposal.presenter.js';

/** What operations staff may do to a stuck hire, always through the workflow that owns it. */
@Injectable()
export class OpsProposalsService {
  constructor(
    @Inject(TEMPORAL_CLIENT) private readonly temporal: Client,
    private readonly proposals: ProposalsRepository,
    private readonly interviews: InterviewsRepository,
  ) {}

  async cancel(auth: AuthContext, proposalId: string, reason: string) {
    const refuseIfFinished = async () => {
      const row = await this.proposals.get(proposalId);
      if (isTerminal(row.stage)) throw new WrongStateError(`cannot cancel: the proposal is ${row.stage}`, { stage: row.stage });
      return row;
    };
    const row = await refuseIfFinished();
    try {
      const view = await this.temporal.workflow.getHandle(row.workflowId).executeUpdate(msg.opsCancelUpdate, { args: [{ reason }] });
      return presentProposal(view, auth);
    } catch (error) {
      // The workflow finished between the read and the update: answer from its final stage.
      if (error instanceof WorkflowNotFoundError) await refuseIfFinished();
      throw error;
    }
  }

  /** Runs the interview evaluation again, e.g. once the evaluator is reachable again. */
  async retryEvaluation(proposalId: string) {
    await this.proposals.get(proposalId);
    const interview = await this.interviews.latestForProposal(proposalId);
    return this.temporal.workflow.getHandle(interview.workflowId).executeUpdate(msg.retryEvaluationUpdate);
  }
}

import { Inject, Injectable } from '@nestjs/common';
import { Client, type WorkflowHandle } from '@temporalio/client';
import type { AppConfig } from '../../../../../libs/config/config.js';
import type { Proposal } from '../../../../../libs/db/entities/proposal.entity.js';
import { InterviewsRepository, ProposalsRepository } from '../../../../../libs/db/repositories/index.js';
import { detectEnglish } from '../../../../../libs/domain/english.js';
import { NotEnglishError, NotFoundError, WrongStateError } from '../../../../../libs/domain/errors.js';
import type { VideoProvider } from '../../../../../libs/ports/video.port.js';
import * as msg from '../../../../../workflows/messages.js';
import type { AuthContext } from '../../common/auth.js';
import { APP_CONFIG, TEMPORAL_CLIENT, VIDEO_PROVIDER } from '../../core/tokens.js';
import { presentProposal } from '../proposals/proposal.presenter.js';
import { ProposalsService } from '../proposals/proposals.service.js';
import { presentInterview, presentSession } from './interview.presenter.js';
import type { Answer } from './interviews.schemas.js';

/** How long `complete` waits for the proposal to see the completion; it normally takes milliseconds. */
const PROPOSAL_CATCH_UP_MS = 5_000;

/**
 * The instant interview of a proposal. Who may act is decided through ProposalsService;
 * what may happen when is decided by the proposal and interview workflows.
 */
@Injectable()
export class InterviewsService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(TEMPORAL_CLIENT) private readonly temporal: Client,
    @Inject(VIDEO_PROVIDER) private readonly video: VideoProvider,
    private readonly proposals: ProposalsService,
    private readonly proposalRows: ProposalsRepository,
    private readonly interviews: InterviewsRepository,
  ) {}

  /**
   * Starts the interview, or rejoins the one in progress (a reloaded page, a dropped
   * connection): the questions, where the freelancer stands, and a token for the video room.
   */
  async start(auth: AuthContext, proposalId: string, key?: string) {
    // The read model, not a query: the proposal writes its interview status before each of its updates answers.
    const row = await this.proposals.asParty(auth, proposalId, 'freelancer');
    if (!row.interviewRequired) {
      throw new WrongStateError('this job does not ask for an instant interview; submit the proposal directly', { stage: row.stage });
    }
    if (row.interviewStatus === 'completed') {
      throw new WrongStateError('the interview is completed; it cannot be retaken or edited', { stage: row.stage });
    }
    const interviewWorkflowId =
      row.interviewStatus === 'not_started'
        ? (await this.proposals.act(auth, proposalId, 'freelancer', msg.startInterviewUpdate, [], key)).result.interview.workflowId
        : await this.runningInterviewId(row);
    // Joining a completed interview is refused by the interview itself.
    const session = await this.handleOf(interviewWorkflowId).executeUpdate(msg.joinInterviewUpdate);
    const { video } = session;
    return {
      ...presentSession(session, proposalId),
      video:
        video.status === 'ready' && video.provider && video.room
          ? { provider: video.provider, room: video.room, token: await this.video.accessToken(auth.accountId, video.room, this.config.video.tokenTtlSeconds) }
          : null,
    };
  }

  /** One answer, in order. A non-English answer is refused before it reaches the interview, so it can be given again. */
  async answer(auth: AuthContext, proposalId: string, body: Answer) {
    const handle = await this.interviewOf(auth, proposalId, 'the interview is completed; answers cannot be added or edited');
    const language = detectEnglish(body.text);
    if (!language.english) throw new NotEnglishError(language.detected);
    return presentSession(await handle.executeUpdate(msg.answerUpdate, { args: [body] }), proposalId);
  }

  /**
   * Completes the interview. The interview tells its proposal by signal; the answer waits
   * (briefly) until the proposal has taken it in, so a submit right after is not refused.
   */
  async complete(auth: AuthContext, proposalId: string) {
    const handle = await this.interviewOf(auth, proposalId, 'the interview is already completed');
    const session = await handle.executeUpdate(msg.completeInterviewUpdate);
    await this.proposalSees(proposalId);
    return presentSession(session, proposalId);
  }

  async get(auth: AuthContext, proposalId: string) {
    await this.proposals.readable(auth, proposalId);
    return presentInterview(await this.interviews.latestForProposal(proposalId), auth);
  }

  /** A short-lived link to the recording, fetched from the provider for this caller. */
  async recordingUrl(auth: AuthContext, proposalId: string): Promise<{ url: string }> {
    await this.proposals.readable(auth, proposalId);
    const interview = await this.interviews.latestForProposal(proposalId);
    const completed = interview.video.recordings.filter((r) => r.status === 'completed');
    const recording = completed.find((r) => r.kind === 'video') ?? completed[0];
    const url = recording ? await this.video.mediaUrl(recording.sid) : null;
    if (!url) throw new NotFoundError('recording of the interview for proposal', proposalId);
    return { url };
  }

  /** Ops: one retake, before submission. The proposal workflow enforces both. */
  async grantRetake(proposalId: string) {
    const row = await this.proposalRows.get(proposalId);
    const view = await this.temporal.workflow.getHandle(row.workflowId).executeUpdate(msg.grantRetakeUpdate);
    return presentProposal(view, { accountId: 'ops', role: 'ops' });
  }

  /** Polls the read model, which the proposal writes as it takes the completion in: cheaper than querying the workflow. */
  private async proposalSees(proposalId: string): Promise<void> {
    const deadline = Date.now() + PROPOSAL_CATCH_UP_MS;
    while (Date.now() < deadline) {
      // Anything but in_progress: completed, or a retake ops granted meanwhile.
      if ((await this.proposalRows.get(proposalId)).interviewStatus !== 'in_progress') return;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  /**
   * The running interview's workflow, from the read models; a completed one is refused here, as
   * its workflow may have finished. Both rows are written before the update that changes them answers.
   */
  private async interviewOf(auth: AuthContext, proposalId: string, whenCompleted: string): Promise<WorkflowHandle> {
    const row: Proposal = await this.proposals.asParty(auth, proposalId, 'freelancer');
    if (row.interviewStatus === 'not_started') throw new WrongStateError('the interview has not been started', { stage: row.stage });
    if (row.interviewStatus === 'completed') throw new WrongStateError(whenCompleted, { stage: row.stage });
    const interview = await this.interviews.findLatestForProposal(proposalId);
    if (interview && interview.status !== 'created' && interview.status !== 'started') {
      throw new WrongStateError(whenCompleted, { stage: row.stage });
    }
    return this.handleOf(interview?.workflowId ?? (await this.runningInterviewId(row)));
  }

  /** The interview in progress: its row once it has run, else (only just started) the proposal's word. */
  private async runningInterviewId(row: Proposal): Promise<string | undefined> {
    const interview = await this.interviews.findLatestForProposal(row.id);
    return interview?.workflowId ?? (await this.proposals.liveView(row)).interview.workflowId;
  }

  private handleOf(workflowId: string | undefined): WorkflowHandle {
    if (!workflowId) throw new WrongStateError('the interview has not been started');
    return this.temporal.workflow.getHandle(workflowId);
  }
}


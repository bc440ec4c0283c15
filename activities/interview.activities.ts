import type { AccountsRepository } from '../libs/db/repositories/accounts.repository.js';
import type { InterviewsRepository } from '../libs/db/repositories/interviews.repository.js';
import type { JobsRepository } from '../libs/db/repositories/jobs.repository.js';
import { blindEvaluationInput } from '../libs/domain/blind-evaluation.js';
import { interviewRoomName } from '../libs/domain/video-rooms.js';
import type { Evaluation, InterviewEvaluator } from '../libs/ports/evaluator.port.js';
import type { VideoProvider, VideoRoom } from '../libs/ports/video.port.js';
import type { InterviewRecording, InterviewView } from '../workflows/interview.types.js';

/** What the workflow stores of an evaluation: the evaluator's result after the evidence rules. */
export type InterviewEvaluation = Evaluation;

export interface InterviewActivityDeps {
  video: VideoProvider;
  evaluator: InterviewEvaluator;
  interviews: InterviewsRepository;
  jobs: JobsRepository;
  accounts: AccountsRepository;
  /** Where the video provider posts room and recording events. */
  videoStatusCallbackUrl: string;
}

/** Side effects of an instant interview: its video room, its evaluation and its stored artefacts. */
export function interviewActivities(deps: InterviewActivityDeps) {
  return {
    /** Idempotent: the room is named after the workflow, so a retry finds the room the first attempt made. */
    async createInterviewRoom(input: { workflowId: string }): Promise<VideoRoom> {
      return deps.video.ensureRoom(interviewRoomName(input.workflowId), {
        record: true,
        statusCallback: deps.video.name === 'local' ? undefined : deps.videoStatusCallbackUrl,
      });
    },

    async completeInterviewRoom(input: { sid: string }): Promise<void> {
      await deps.video.completeRoom(input.sid);
    },

    async listInterviewRecordings(input: { roomSid: string }): Promise<InterviewRecording[]> {
      return deps.video.listRecordings(input.roomSid);
    },

    /**
     * Blind by construction: the evaluator receives the job's requirements and the answers with
     * personal details masked. The freelancer's name is read only to mask it.
     */
    async evaluateInterview(input: {
      jobId: string;
      freelancerId: string;
      questions: string[];
      answers: { questionIndex: number; text: string }[];
    }): Promise<InterviewEvaluation> {
      const [job, freelancer] = await Promise.all([deps.jobs.get(input.jobId), deps.accounts.get(input.freelancerId)]);
      const answers = input.answers.map((a) => ({ question: input.questions[a.questionIndex] ?? '', answer: a.text }));
      return deps.evaluator.evaluate(blindEvaluationInput(job, answers, freelancer.displayName));
    },

    async recordInterview(input: { view: InterviewView }): Promise<void> {
      await deps.interviews.record(input.view);
    },
  };
}

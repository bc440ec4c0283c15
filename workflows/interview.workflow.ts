import {
  ActivityFailure,
  ApplicationFailure,
  allHandlersFinished,
  condition,
  getExternalWorkflowHandle,
  proxyActivities,
  proxyLocalActivities,
  setHandler,
} from '@temporalio/workflow';
import type { HireflowActivities } from '../activities/index.js';
import type { InterviewInput, InterviewView } from './interview.types.js';
import { initialInterview, interviewPublisher } from './interview.visibility.js';
import * as msg from './messages.js';

const { createInterviewRoom } = proxyActivities<HireflowActivities>({
  summary: 'Create (or find) the video room for this interview',
  startToCloseTimeout: '20s',
  // A video outage must not hold the freelancer up: after this the interview goes on without video.
  scheduleToCloseTimeout: '1m',
  retry: { initialInterval: '1s', backoffCoefficient: 2, maximumInterval: '10s' },
});
const { completeInterviewRoom, listInterviewRecordings } = proxyActivities<HireflowActivities>({
  summary: "Close the interview's video room or collect its recordings",
  startToCloseTimeout: '30s',
  retry: { initialInterval: '1s', backoffCoefficient: 2, maximumInterval: '1m', maximumAttempts: 10 },
});
// Rate limits and outages are retried with backoff; a refusal (4xx) fails at once, and either
// way a failed evaluation waits for ops instead of failing the workflow.
const { evaluateInterview } = proxyActivities<HireflowActivities>({
  summary: 'Evaluate the answers against the job requirements',
  startToCloseTimeout: '3m',
  retry: { initialInterval: '1s', backoffCoefficient: 2, maximumInterval: '1m', maximumAttempts: 8 },
});
const { recordInterview } = proxyLocalActivities<HireflowActivities>({
  startToCloseTimeout: '15s',
  retry: { initialInterval: '500ms', backoffCoefficient: 2, maximumInterval: '30s' },
});

const iso = (ms = Date.now()) => new Date(ms).toISOString();
const DEFAULT_RECORDING_WAIT_MS = 30 * 60_000;
/** Between webhooks, recordings are re-listed this often in case an event was lost. */
const RECORDING_POLL_MS = 5 * 60_000;

const refuse = (message: string): never => {
  throw ApplicationFailure.create({ type: 'wrong_state', message });
};

const failureOf = (error: unknown) => {
  const cause = error instanceof ActivityFailure ? error.cause : error;
  const code = cause instanceof ApplicationFailure && cause.type ? cause.type : 'evaluation_failed';
  return { code, message: cause instanceof Error ? cause.message : String(cause) };
};

/**
 * An instant interview, a child of its proposal: created (room prepared) → started (questions
 * answered in order, each within the per-question limit, all within the session limit) →
 * completed (final; the proposal is told at once and may be submitted) → evaluating →
 * evaluated, or failed and waiting for ops to retry. Running out of time completes the
 * interview with what was answered. Every change is written to the `interviews` table.
 */
export async function interviewWorkflow(input: InterviewInput): Promise<InterviewView> {
  const v = initialInterview(input);
  const publish = interviewPublisher();
  const recordingWaitMs = input.limits.recordingWaitMs ?? DEFAULT_RECORDING_WAIT_MS;
  let questionOpenedAt = 0;
  let retryRequested = false;
  let videoEvents = 0;
  let recordedVersion = 0;

  const touch = () => {
    v.version += 1;
  };
  const persist = async () => {
    if (v.version <= recordedVersion) return;
    recordedVersion = v.version;
    publish(v);
    await recordInterview({ view: JSON.parse(JSON.stringify(v)) });
  };

  setHandler(msg.interviewStateQuery, () => v);

  setHandler(
    msg.joinInterviewUpdate,
    async () => {
      await condition(() => v.status !== 'created');
      return v;
    },
    { validator: () => (v.status === 'created' || v.status === 'started' ? undefined : refuse('the interview is completed; it cannot be retaken')) },
  );

  setHandler(
    msg.answerUpdate,
    async ({ questionIndex, text }) => {
      v.answers.push({ questionIndex, text, answeredAt: iso() });
      openQuestion(questionIndex + 1);
      touch();
      await persist();
      return v;
    },
    {
      validator: ({ questionIndex }) => {
        if (v.status === 'created') refuse('the interview is starting; join it first');
        if (v.status !== 'started') refuse('the interview is completed; answers cannot be added or edited');
        if (!Number.isInteger(questionIndex) || questionIndex < 0 || questionIndex >= v.questions.length) {
          throw ApplicationFailure.create({
            type: 'validation_failed',
            message: `questionIndex must be between 0 and ${v.questions.length - 1}`,
          });
        }
        const current = v.currentQuestion ?? v.questions.length;
        if (questionIndex !== current) {
          refuse(
            questionIndex < current
              ? `question ${questionIndex} was already answered or its time ran out; answers cannot be edited`
              : `answer question ${current} first`,
          );
        }
      },
    },
  );

  setHandler(
    msg.completeInterviewUpdate,
    async () => {
      finish('freelancer');
      await persist();
      return v;
    },
    {
      validator: () => {
        if (v.status === 'created') refuse('the interview has not started yet');
        if (v.status !== 'started') refuse('the interview is already completed');
      },
    },
  );

  setHandler(
    msg.retryEvaluationUpdate,
    async () => {
      retryRequested = true;
      await condition(() => v.status !== 'failed');
      return v;
    },
    { validator: () => (v.status === 'failed' ? undefined : refuse(`only a failed evaluation can be retried; the interview is ${v.status}`)) },
  );

  setHandler(msg.videoEventSignal, (event) => {
    if (event.roomSid && v.video.sid && event.roomSid !== v.video.sid) return;
    if (event.event === 'room-ended' && v.video.status === 'ready') {
      v.video.status = 'ended';
      touch();
    }
    videoEvents += 1;
  });

  function openQuestion(index: number) {
    questionOpenedAt = Date.now();
    if (index < v.questions.length) {
      v.currentQuestion = index;
      v.questionEndsAt = iso(Math.min(questionOpenedAt + input.limits.perQuestionMs, Date.parse(v.sessionEndsAt!)));
    } else {
      // Every question is answered: the freelancer may still review, then complete, until the session ends.
      v.currentQuestion = null;
      v.questionEndsAt = undefined;
    }
  }

  function finish(by: 'freelancer' | 'time_limit') {
    if (v.status !== 'started') return;
    v.status = 'completed';
    v.completedAt = iso();
    v.endedBy = by;
    v.currentQuestion = null;
    v.questionEndsAt = undefined;
    touch();
  }

  async function prepareRoom() {
    try {
      const room = await createInterviewRoom({ workflowId: v.workflowId });
      v.video = { ...v.video, status: 'ready', provider: room.provider, room: room.room, sid: room.sid };
    } catch (error) {
      v.video = { ...v.video, status: 'unavailable', problem: `no video room: ${failureOf(error).message}` };
    }
  }

  async function answerUntilDone() {
    const startedAt = Date.now();
    v.status = 'started';
    v.startedAt = iso(startedAt);
    v.sessionEndsAt = iso(startedAt + input.limits.sessionMs);
    openQuestion(0);
    touch();
    await persist();

    const sessionEnd = startedAt + input.limits.sessionMs;
    while (v.status === 'started') {
      const asked = v.currentQuestion;
      const questionDeadline = asked === null ? sessionEnd : questionOpenedAt + input.limits.perQuestionMs;
      const deadline = Math.min(questionDeadline, sessionEnd);
      const changed = await condition(() => v.currentQuestion !== asked || v.status !== 'started', Math.max(deadline - Date.now(), 1));
      if (changed) continue;
      if (Date.now() >= sessionEnd || asked === null) {
        finish('time_limit');
      } else {
        // This question's time ran out: it stays unanswered and the next one opens; after the last, the interview is over.
        openQuestion(asked + 1);
        touch();
        if (v.currentQuestion === null) finish('time_limit');
        await persist();
      }
    }
    await persist();
  }

  async function tellProposal() {
    try {
      await getExternalWorkflowHandle(input.proposalWorkflowId).signal(msg.interviewCompletedSignal, {
        completedAt: v.completedAt!,
        attempt: input.attempt,
      });
    } catch {
      // The proposal has already ended (withdrawn, closed): nothing is waiting for this interview.
    }
  }

  async function endRoom() {
    if (v.video.status !== 'ready' && v.video.status !== 'ended') return;
    try {
      await completeInterviewRoom({ sid: v.video.sid! });
    } catch (error) {
      v.video.problem = `the room could not be completed: ${failureOf(error).message}`;
    }
    v.video.status = 'ended';
    touch();
    await persist();
  }

  async function evaluateUntilDone() {
    for (;;) {
      v.status = 'evaluating';
      v.evaluationRuns += 1;
      v.failure = undefined;
      touch();
      await persist();
      try {
        const evaluation = await evaluateInterview({
          jobId: input.jobId,
          freelancerId: input.freelancerId,
          questions: v.questions,
          answers: v.answers.map(({ questionIndex, text }) => ({ questionIndex, text })),
        });
        v.evaluation = evaluation;
        v.evaluatedAt = iso();
        v.status = 'evaluated';
        touch();
        await persist();
        return;
      } catch (error) {
        v.status = 'failed';
        v.failure = { stage: 'evaluation', ...failureOf(error), at: iso() };
        touch();
        await persist();
        retryRequested = false;
        await condition(() => retryRequested);
      }
    }
  }

  /** Waits (bounded) for the provider to finish the recordings, woken by webhooks, re-listing now and then. */
  async function collectRecordings() {
    if (v.video.status !== 'ended' || v.video.provider !== 'twilio') return;
    v.video.recording = 'pending';
    touch();
    await persist();
    const deadline = Date.now() + recordingWaitMs;
    for (;;) {
      try {
        v.video.recordings = await listInterviewRecordings({ roomSid: v.video.sid! });
      } catch (error) {
        v.video.problem = `recordings could not be listed: ${failureOf(error).message}`;
      }
      const done = v.video.recordings.filter((r) => r.status === 'completed');
      const processing = v.video.recordings.some((r) => r.status === 'processing');
      if (done.length > 0 && !processing) v.video.recording = 'available';
      touch();
      await persist();
      if (v.video.recording === 'available' || Date.now() >= deadline) break;
      const seen = videoEvents;
      await condition(() => videoEvents !== seen, Math.max(Math.min(RECORDING_POLL_MS, deadline - Date.now()), 1));
    }
    if (v.video.recording !== 'available') {
      v.video.recording = v.video.recordings.some((r) => r.status === 'completed') ? 'available' : 'unavailable';
      touch();
      await persist();
    }
  }

  await persist();
  await prepareRoom();
  await answerUntilDone();
  await tellProposal();
  await endRoom();
  await Promise.all([evaluateUntilDone(), collectRecordings()]);
  await condition(allHandlersFinished);
  return v;
}

import {
  ApplicationFailure,
  allHandlersFinished,
  condition,
  getExternalWorkflowHandle,
  setHandler,
  upsertSearchAttributes,
  workflowInfo,
} from '@temporalio/workflow';
import type { InterviewInput, InterviewView } from './job.types.js';
import * as msg from './messages.js';
import { FreelancerIdKey, JobIdKey, KindKey, StageKey, WaitingOnKey } from './search-attributes.js';

const iso = (ms = Date.now()) => new Date(ms).toISOString();

/**
 * An instant interview, a child of its proposal: questions are answered in order, each within
 * the per-question limit, all within the session limit. Running out of time completes the
 * interview with what was answered. Completed is final; the parent is told once.
 */
export async function interviewWorkflow(input: InterviewInput): Promise<InterviewView> {
  const startedAt = Date.now();
  const v: InterviewView = {
    workflowId: workflowInfo().workflowId,
    proposalId: input.proposalId,
    jobId: input.jobId,
    attempt: input.attempt,
    status: 'started',
    questions: input.questions,
    answers: [],
    startedAt: iso(startedAt),
    sessionEndsAt: iso(startedAt + input.limits.sessionMs),
  };
  /** Index of the question being asked; questions whose time ran out are skipped. */
  let current = 0;
  let questionOpenedAt = startedAt;

  upsertSearchAttributes([
    { key: KindKey, value: 'interview' },
    { key: StageKey, value: 'started' },
    { key: WaitingOnKey, value: 'freelancer' },
    { key: JobIdKey, value: input.jobId },
    { key: FreelancerIdKey, value: input.freelancerId },
  ]);

  const refuse = (message: string) => {
    throw ApplicationFailure.create({ type: 'wrong_state', message });
  };

  setHandler(msg.interviewStateQuery, () => v);

  setHandler(
    msg.answerUpdate,
    ({ questionIndex, text }) => {
      v.answers.push({ questionIndex, text, answeredAt: iso() });
      current = questionIndex + 1;
      questionOpenedAt = Date.now();
      return v;
    },
    {
      validator: ({ questionIndex }) => {
        if (v.status !== 'started') refuse('the interview is completed; answers cannot be added or edited');
        if (questionIndex < 0 || questionIndex >= v.questions.length) {
          throw ApplicationFailure.create({
            type: 'validation_failed',
            message: `questionIndex must be between 0 and ${v.questions.length - 1}`,
          });
        }
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
    () => {
      finish('freelancer');
      return v;
    },
    { validator: () => (v.status === 'started' ? undefined : refuse('the interview is already completed')) },
  );

  function finish(by: 'freelancer' | 'time_limit') {
    if (v.status !== 'started') return;
    v.status = 'completed';
    v.completedAt = iso();
    v.endedBy = by;
  }

  const sessionEnd = startedAt + input.limits.sessionMs;
  while (v.status === 'started') {
    const asked = current;
    const questionDeadline = current < v.questions.length ? questionOpenedAt + input.limits.perQuestionMs : sessionEnd;
    const deadline = Math.min(questionDeadline, sessionEnd);
    const changed = await condition(() => current !== asked || v.status !== 'started', Math.max(deadline - Date.now(), 1));
    if (changed) continue;
    if (Date.now() >= sessionEnd) {
      finish('time_limit');
    } else {
      // This question's time ran out: skip it; after the last one the interview is over.
      current += 1;
      questionOpenedAt = Date.now();
      if (current >= v.questions.length) finish('time_limit');
    }
  }

  upsertSearchAttributes([
    { key: StageKey, value: 'completed' },
    { key: WaitingOnKey, value: 'none' },
  ]);
  await getExternalWorkflowHandle(input.proposalWorkflowId).signal(msg.interviewCompletedSignal, {
    completedAt: v.completedAt!,
  });
  await condition(allHandlersFinished);
  return v;
}

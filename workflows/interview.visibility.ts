import { setCurrentDetails, upsertSearchAttributes, workflowInfo } from '@temporalio/workflow';
import type { SearchAttributePair } from '@temporalio/common';
import type { InterviewInput, InterviewStatus, InterviewView } from './interview.types.js';
import { FreelancerIdKey, JobIdKey, KindKey, LastTransitionAtKey, StageKey, WaitingOnKey } from './search-attributes.js';

const WAITING_ON: Record<InterviewStatus, string> = {
  created: 'system',
  started: 'freelancer',
  completed: 'system',
  evaluating: 'system',
  evaluated: 'none',
  // A failed evaluation waits for ops to fix the cause and retry it.
  failed: 'system',
};

export function initialInterview(input: InterviewInput): InterviewView {
  const now = new Date().toISOString();
  return {
    workflowId: workflowInfo().workflowId,
    proposalId: input.proposalId,
    jobId: input.jobId,
    freelancerId: input.freelancerId,
    attempt: input.attempt,
    status: 'created',
    questions: input.questions,
    answers: [],
    currentQuestion: null,
    createdAt: now,
    video: { status: 'creating', recording: 'none', recordings: [] },
    evaluationRuns: 0,
    version: 1,
  };
}

/**
 * What the Temporal UI shows about an interview: typed search attributes, so
 * `HireflowKind = "interview" AND HireflowStage = "failed"` finds every evaluation waiting
 * for ops, and a one-line explanation of where it stands. Attributes are upserted only when
 * the status changes.
 */
export function interviewPublisher(): (v: InterviewView) => void {
  // Its proposal starts it with the attributes of a new interview; they are not upserted again.
  const started = workflowInfo().typedSearchAttributes;
  let published: InterviewStatus | undefined =
    started.get(StageKey) === 'created' && started.get(LastTransitionAtKey) !== undefined ? 'created' : undefined;
  return (v) => {
    if (v.status === published) {
      setCurrentDetails(describeInterview(v));
      return;
    }
    published = v.status;
    upsertSearchAttributes(interviewSearchAttributes(v));
    setCurrentDetails(describeInterview(v));
  };
}

/** The attributes of an interview in `status`; a new one's are given when its proposal starts it (not a billed upsert). */
export function interviewSearchAttributes(v: Pick<InterviewView, 'jobId' | 'freelancerId'> & { status: InterviewStatus }): SearchAttributePair[] {
  return [
    { key: KindKey, value: 'interview' },
    { key: StageKey, value: v.status },
    { key: WaitingOnKey, value: WAITING_ON[v.status] },
    { key: JobIdKey, value: v.jobId },
    { key: FreelancerIdKey, value: v.freelancerId },
    { key: LastTransitionAtKey, value: new Date() },
  ];
}

export function describeInterview(v: InterviewView): string {
  const answered = `${v.answers.length} of ${v.questions.length} answered`;
  switch (v.status) {
    case 'created':
      return 'Preparing the video room';
    case 'started':
      return v.currentQuestion === null
        ? `All questions answered; waiting for the freelancer to complete by ${v.sessionEndsAt}`
        : `Answering question ${v.currentQuestion + 1} of ${v.questions.length} (${answered}); session ends ${v.sessionEndsAt}`;
    case 'completed':
      return `Completed (${answered}, ended by ${v.endedBy}); evaluation starting`;
    case 'evaluating':
      return `Completed (${answered}); evaluation run ${v.evaluationRuns} in progress`;
    case 'evaluated':
      return `Evaluated: score ${v.evaluation?.score ?? '?'} of 5 by ${v.evaluation?.evaluator.provider ?? '?'}; recording ${v.video.recording}`;
    case 'failed':
      return `Evaluation failed (${v.failure?.code}): ${v.failure?.message}. Fix the cause, then retry the evaluation.`;
  }
}

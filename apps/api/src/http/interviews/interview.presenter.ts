import type { Interview } from '../../../../../libs/db/entities/interview.entity.js';
import type { InterviewView } from '../../../../../workflows/interview.types.js';
import type { AuthContext } from '../../common/auth.js';

/** The transcript pairs each answer with its question. */
const transcriptOf = (questions: string[], answers: Interview['transcript']) =>
  answers.map((a) => ({ questionIndex: a.questionIndex, question: questions[a.questionIndex], text: a.text, answeredAt: a.answeredAt }));

/** While answering: what the freelancer's screen needs. */
export function presentSession(v: InterviewView, proposalId: string) {
  return {
    proposalId,
    attempt: v.attempt,
    status: v.status,
    questions: v.questions,
    currentQuestion: v.currentQuestion,
    questionEndsAt: v.questionEndsAt ?? null,
    sessionEndsAt: v.sessionEndsAt ?? null,
    transcript: transcriptOf(v.questions, v.answers),
    completedAt: v.completedAt ?? null,
    endedBy: v.endedBy ?? null,
  };
}

/**
 * The stored interview, as the freelancer, the job's client or ops see it. Failure details
 * and the exact prompt are for ops; the parties see the status.
 */
export function presentInterview(row: Interview, auth: AuthContext) {
  const evaluated = row.status === 'evaluated';
  const recordingAvailable = row.video.recording === 'available';
  return {
    proposalId: row.proposalId,
    jobId: row.jobId,
    attempt: row.attempt,
    status: row.status,
    questions: row.questions,
    transcript: transcriptOf(row.questions, row.transcript),
    startedAt: row.startedAt,
    completedAt: row.completedAt,
    endedBy: row.endedBy,
    summary: evaluated ? row.summary : null,
    score: evaluated ? row.score : null,
    alignment: evaluated ? row.alignment : null,
    evaluator: evaluated ? { provider: row.evaluatorProvider, model: row.model, promptVersion: row.promptVersion } : null,
    evaluatedAt: row.evaluatedAt,
    video: { provider: row.video.provider ?? null, room: row.video.room ?? null, status: row.video.status },
    recording: {
      status: row.video.recording,
      url: recordingAvailable ? `/v1/proposals/${row.proposalId}/interview/recording` : null,
    },
    ...(auth.role === 'ops'
      ? {
          failure: row.failure,
          droppedQuotes: row.droppedQuotes,
          prompt: row.prompt,
          workflowId: row.workflowId,
          recordings: row.video.recordings,
          videoProblem: row.video.problem ?? null,
        }
      : {}),
  };
}

/** What a proposal shows about its interview: the badge, and once evaluated, score and summary. */
export function interviewBadge(row: Interview | null) {
  if (!row) return null;
  const included = row.completedAt !== null && row.completedAt !== undefined;
  return {
    included,
    status: row.status,
    score: row.status === 'evaluated' ? row.score : null,
    summary: row.status === 'evaluated' ? row.summary : null,
  };
}

import type { InterviewEvaluation } from '../activities/interview.activities.js';

/** Types shared by the interview workflow, its activities and the API. No runtime code. */

export interface InterviewLimits {
  perQuestionMs: number;
  sessionMs: number;
  /** How long after the room ends to wait for the provider to finish processing recordings. */
  recordingWaitMs?: number;
}

export interface InterviewInput {
  jobId: string;
  freelancerId: string;
  proposalId: string;
  proposalWorkflowId: string;
  questions: string[];
  attempt: number;
  limits: InterviewLimits;
}

/**
 * created: the room is being prepared · started: questions are being answered, in order ·
 * completed: final, the proposal may be submitted · evaluating → evaluated, or failed
 * (visible to ops, who can retry the evaluation).
 */
export type InterviewStatus = 'created' | 'started' | 'completed' | 'evaluating' | 'evaluated' | 'failed';

export interface InterviewAnswer {
  questionIndex: number;
  text: string;
  answeredAt: string;
}

export interface InterviewRecording {
  sid: string;
  kind: 'audio' | 'video' | 'data';
  status: 'processing' | 'completed' | 'failed' | 'deleted';
  durationSeconds: number | null;
  /** The provider's media location (needs provider credentials; clients get a short-lived link instead). */
  mediaUrl: string;
}

export interface InterviewVideo {
  /** creating → ready → ended; unavailable when no room could be made (the interview goes on without video). */
  status: 'creating' | 'ready' | 'unavailable' | 'ended';
  provider?: 'twilio' | 'local';
  room?: string;
  sid?: string;
  /** none: nothing was recorded (offline adapter, or no room) · pending: the provider is still processing. */
  recording: 'none' | 'pending' | 'available' | 'unavailable';
  recordings: InterviewRecording[];
  /** Why video or recording is missing, for ops. */
  problem?: string;
}

/** A room or recording event reported by the video provider's webhook. */
export interface VideoEvent {
  event: string;
  roomSid?: string;
  recordingSid?: string;
  at: string;
}

export interface InterviewFailure {
  stage: 'evaluation';
  code: string;
  message: string;
  at: string;
}

export interface InterviewView {
  workflowId: string;
  proposalId: string;
  jobId: string;
  freelancerId: string;
  attempt: number;
  status: InterviewStatus;
  questions: string[];
  answers: InterviewAnswer[];
  /** The question being asked while started; null before and after. */
  currentQuestion: number | null;
  questionEndsAt?: string;
  createdAt: string;
  startedAt?: string;
  sessionEndsAt?: string;
  completedAt?: string;
  endedBy?: 'freelancer' | 'time_limit';
  video: InterviewVideo;
  evaluation?: InterviewEvaluation;
  evaluatedAt?: string;
  /** How many evaluations were run: the first, plus one per ops retry. */
  evaluationRuns: number;
  failure?: InterviewFailure;
  /** Increases on every change; the stored row never moves to a lower version. */
  version: number;
}

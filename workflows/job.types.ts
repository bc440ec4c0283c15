import type { JobCloseReason } from './proposal.types.js';

export type JobStatus = 'open' | 'filled' | 'cancelled' | 'expired';

export interface JobTimers {
  expiresAfterMs: number;
  warningBeforeMs: number;
}

export interface JobInput {
  jobId: string;
  clientId: string;
  title: string;
  openings: number;
  timers: JobTimers;
  closeBatchSize: number;
  resume?: JobState;
}

export interface JobState {
  jobId: string;
  status: JobStatus;
  openings: number;
  hired: number;
  /** Proposal ids already counted as hires, so a repeated notice never counts twice. */
  hiredProposalIds: string[];
  warnedForActivityAt?: string;
  closedAt?: string;
  closedReason?: JobCloseReason;
  proposalsClosed: number;
}

export type JobView = JobState & { workflowId: string };

export interface InterviewInput {
  jobId: string;
  freelancerId: string;
  proposalId: string;
  proposalWorkflowId: string;
  questions: string[];
  attempt: number;
  limits: { perQuestionMs: number; sessionMs: number };
}

export type InterviewStatus = 'started' | 'completed';

export interface InterviewAnswer {
  questionIndex: number;
  text: string;
  answeredAt: string;
}

export interface InterviewView {
  workflowId: string;
  proposalId: string;
  jobId: string;
  attempt: number;
  status: InterviewStatus;
  questions: string[];
  answers: InterviewAnswer[];
  startedAt: string;
  completedAt?: string;
  endedBy?: 'freelancer' | 'time_limit';
  sessionEndsAt: string;
}

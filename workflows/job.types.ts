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

// Interview types live with the interview workflow; re-exported for existing importers.
export type { InterviewAnswer, InterviewInput, InterviewLimits, InterviewStatus, InterviewView } from './interview.types.js';

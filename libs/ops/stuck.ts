import type { Client, WorkflowExecutionInfo } from '@temporalio/client';
import type { AppConfig } from '../config/config.js';
import { temporalUiLink } from '../temporal/connection.js';
import { KindKey, LastTransitionAtKey, StageKey, WaitingOnKey } from '../../workflows/search-attributes.js';

export type StuckReason = 'waiting_too_long' | 'activity_failing' | 'evaluation_failed';

export interface StuckHire {
  workflowId: string;
  kind: string;
  stage: string;
  waitingOn: string;
  reason: StuckReason;
  explanation: string;
  since: string;
  summary?: string;
  link: string;
}

/**
 * The searches that define a stuck hire. Each is a plain visibility query, so operators can
 * paste the same string into the Temporal UI or `temporal workflow list --query`.
 */
export function stuckQueries(config: AppConfig, now: Date): Record<StuckReason, string> {
  const waitingSince = new Date(now.getTime() - config.stuck.waitingAfterMs).toISOString();
  return {
    waiting_too_long: `ExecutionStatus = "Running" AND HireflowWaitingOn IN ("client", "freelancer") AND HireflowLastTransitionAt < "${waitingSince}"`,
    // Workflows raise this flag once an activity has kept failing past its first retry budget.
    activity_failing: `ExecutionStatus = "Running" AND HireflowActivityFailing = true`,
    evaluation_failed: `ExecutionStatus = "Running" AND HireflowKind = "interview" AND HireflowStage = "failed"`,
  };
}

function explain(reason: StuckReason, stage: string, waitingOn: string, since: string): string {
  switch (reason) {
    case 'waiting_too_long':
      return `waiting on the ${waitingOn} in stage "${stage}" since ${since}`;
    case 'activity_failing':
      return `a side effect keeps failing and is being retried (stage "${stage}" since ${since})`;
    case 'evaluation_failed':
      return `the interview evaluation failed at ${since}; fix the cause, then retry the evaluation`;
  }
}

/** Lists stuck hires, at most `limit` per reason, oldest first within each reason. */
export async function findStuck(client: Client, config: AppConfig, options: { now?: Date; limit?: number } = {}): Promise<StuckHire[]> {
  const now = options.now ?? new Date();
  const limit = options.limit ?? 100;
  const found = new Map<string, StuckHire>();
  for (const [reason, query] of Object.entries(stuckQueries(config, now)) as [StuckReason, string][]) {
    let count = 0;
    for await (const execution of client.workflow.list({ query, pageSize: limit })) {
      if (count++ >= limit) break;
      if (found.has(execution.workflowId)) continue;
      found.set(execution.workflowId, toStuckHire(execution, reason, config));
    }
  }
  return [...found.values()].sort((a, b) => a.since.localeCompare(b.since));
}

function toStuckHire(execution: WorkflowExecutionInfo, reason: StuckReason, config: AppConfig): StuckHire {
  const attributes = execution.typedSearchAttributes;
  const stage = attributes.get(StageKey) ?? 'unknown';
  const waitingOn = attributes.get(WaitingOnKey) ?? 'unknown';
  const since = (attributes.get(LastTransitionAtKey) ?? execution.startTime).toISOString();
  return {
    workflowId: execution.workflowId,
    kind: attributes.get(KindKey) ?? execution.type,
    stage,
    waitingOn,
    reason,
    explanation: explain(reason, stage, waitingOn, since),
    since,
    link: temporalUiLink(config, execution.workflowId),
  };
}

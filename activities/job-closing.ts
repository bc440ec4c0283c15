import type { Client } from '@temporalio/client';
import type { SignalDefinition } from '@temporalio/common';
import type { JobCloseReason } from '../workflows/proposal.types.js';

export interface CloseBatchInput {
  jobId: string;
  reason: JobCloseReason;
  afterId: string | null;
  limit: number;
}

export interface CloseBatchResult {
  signalled: number;
  lastId: string | null;
  done: boolean;
}

/**
 * Tells one page of a closing job's open workflows that the job closed, and says where the
 * next page starts. The job workflow calls this until `done`, so its own history grows per
 * batch, never per proposal or invitation. A workflow that already ended is skipped: it has
 * nothing left to close.
 */
export async function signalJobClosedBatch(
  temporal: Client,
  input: CloseBatchInput,
  page: { id: string; workflowId: string; runId?: string | null }[],
  signal: SignalDefinition<[{ reason: JobCloseReason }]>,
): Promise<CloseBatchResult> {
  await Promise.all(
    page.map(async ({ workflowId, runId }) => {
      try {
        await temporal.workflow.getHandle(workflowId, runId ?? undefined).signal(signal, { reason: input.reason });
      } catch (error) {
        if ((error as Error).name !== 'WorkflowNotFoundError') throw error;
      }
    }),
  );
  return { signalled: page.length, lastId: page.at(-1)?.id ?? input.afterId, done: page.length < input.limit };
}

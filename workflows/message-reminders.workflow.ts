import { proxyActivities } from '@temporalio/workflow';
import type { HireflowActivities } from '../activities/index.js';

const { remindUnansweredMessages } = proxyActivities<HireflowActivities>({
  startToCloseTimeout: '1m',
  retry: { initialInterval: '1s', backoffCoefficient: 2, maximumInterval: '30s', maximumAttempts: 5 },
});

export interface MessageReminderSweepInput {
  /** A message unanswered for this long gets one reminder. */
  olderThanMs: number;
  batchSize: number;
  /** Batches per run; the next scheduled run picks up whatever is left. */
  maxBatches: number;
}

/**
 * One sweep for unanswered messages, started by a Temporal Schedule. Reminders are found in
 * PostgreSQL and written to the outbox, so a busy thread never adds a single event to its
 * proposal's history; this run's own history grows per batch, not per message.
 */
export async function messageReminderSweepWorkflow(input: MessageReminderSweepInput): Promise<{ reminded: number }> {
  let reminded = 0;
  for (let batch = 0; batch < input.maxBatches; batch += 1) {
    const result = await remindUnansweredMessages({ olderThanMs: input.olderThanMs, limit: input.batchSize });
    reminded += result.reminded;
    if (result.processed < input.batchSize) break;
  }
  return { reminded };
}

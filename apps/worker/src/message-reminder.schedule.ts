import { ScheduleAlreadyRunning, ScheduleOverlapPolicy, type Client, type ScheduleOptions } from '@temporalio/client';
import type { AppConfig } from '../../../libs/config/config.js';
import type { MessageReminderSweepInput } from '../../../workflows/message-reminders.workflow.js';

export const messageReminderScheduleId = (taskQueue: string) => `message-reminders/${taskQueue}`;

/**
 * Makes sure the unanswered-message sweep is scheduled, with the configured interval and
 * threshold. Every worker calls this at boot: the first creates the schedule, later ones
 * bring it up to date. Ops can pause it from the Temporal UI like any schedule.
 */
export async function ensureMessageReminderSchedule(client: Client, config: AppConfig): Promise<void> {
  const scheduleId = messageReminderScheduleId(config.temporal.taskQueue);
  const input: MessageReminderSweepInput = { olderThanMs: config.messages.reminderAfterMs, batchSize: 500, maxBatches: 20 };
  const options = {
    scheduleId,
    spec: { intervals: [{ every: config.messages.reminderSweepEveryMs }] },
    action: {
      type: 'startWorkflow',
      workflowType: 'messageReminderSweepWorkflow',
      workflowId: `${scheduleId}/sweep`,
      taskQueue: config.temporal.taskQueue,
      args: [input],
      workflowExecutionTimeout: '10m',
    },
    // A sweep that is still running makes the next tick skip; a missed tick is not worth replaying.
    policies: { overlap: ScheduleOverlapPolicy.SKIP, catchupWindow: '1m' },
    state: { note: 'Reminds the party who has not answered a message; see docs/realtime.md.' },
  } satisfies ScheduleOptions;
  try {
    await client.schedule.create(options);
  } catch (error) {
    if (!(error instanceof ScheduleAlreadyRunning)) throw error;
    await client.schedule.getHandle(scheduleId).update((previous) => ({ ...previous, spec: options.spec, action: options.action, policies: options.policies }));
  }
}

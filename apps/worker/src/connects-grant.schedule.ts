import { ScheduleAlreadyRunning, ScheduleNotFoundError, ScheduleOverlapPolicy, type Client, type ScheduleOptions } from '@temporalio/client';
import type { AppConfig } from '../../../libs/config/config.js';
import type { ConnectsGrantInput } from '../../../workflows/connects-grant.workflow.js';

export const connectsGrantScheduleId = (taskQueue: string) => `connects-grant/${taskQueue}`;

/** Freelancers granted per activity: large enough to be quick, small enough for one short transaction. */
const GRANT_BATCH_SIZE = 500;

/**
 * Makes sure the monthly Connects grant is scheduled for 00:00 UTC on the first of each month,
 * with the configured amount. Every worker calls this at boot: the first creates the schedule,
 * later ones bring it up to date; a grant of 0 removes it. A run missed while the cluster was
 * down still happens within a week; grants are keyed by month, so a repeated run is harmless.
 */
export async function ensureConnectsGrantSchedule(client: Client, config: AppConfig): Promise<void> {
  const scheduleId = connectsGrantScheduleId(config.temporal.taskQueue);
  if (config.connects.monthlyGrant <= 0) {
    await client.schedule
      .getHandle(scheduleId)
      .delete()
      .catch((error: unknown) => {
        if (!(error instanceof ScheduleNotFoundError)) throw error;
      });
    return;
  }
  const input: ConnectsGrantInput = { amount: config.connects.monthlyGrant, batchSize: GRANT_BATCH_SIZE };
  const options = {
    scheduleId,
    spec: { calendars: [{ dayOfMonth: 1, hour: 0, minute: 0, comment: 'first of the month, 00:00 UTC' }] },
    action: {
      type: 'startWorkflow',
      workflowType: 'connectsGrantWorkflow',
      workflowId: `${scheduleId}/run`,
      taskQueue: config.temporal.taskQueue,
      args: [input],
    },
    policies: { overlap: ScheduleOverlapPolicy.SKIP, catchupWindow: '7 days' },
    state: { note: `Grants CONNECTS_MONTHLY_GRANT (${input.amount}) to every freelancer; see docs/lifecycle.md.` },
  } satisfies ScheduleOptions;
  try {
    await client.schedule.create(options);
  } catch (error) {
    if (!(error instanceof ScheduleAlreadyRunning)) throw error;
    await client.schedule
      .getHandle(scheduleId)
      .update((previous) => ({ ...previous, spec: options.spec, action: options.action, policies: options.policies }));
  }
}

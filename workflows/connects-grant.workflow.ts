import { continueAsNew, proxyActivities, setCurrentDetails, workflowInfo } from '@temporalio/workflow';
import type { HireflowActivities } from '../activities/index.js';

const { grantMonthlyConnects } = proxyActivities<HireflowActivities>({
  startToCloseTimeout: '2m',
  retry: { initialInterval: '1s', backoffCoefficient: 2, maximumInterval: '1m' },
});

export interface ConnectsGrantInput {
  /** Connects each freelancer receives. */
  amount: number;
  /** Freelancers granted per activity. */
  batchSize: number;
  /** The month granted, `yyyy-mm`; by default the (UTC) month this run was started in. */
  month?: string;
  /** Carried across continue-as-new. */
  resume?: { afterId: string | null; granted: number };
}

/**
 * The monthly Connects grant, started by a Temporal Schedule on the first of each month. It
 * walks the freelancers in id order in bounded batches; every grant is a ledger row keyed by
 * month and account, so a rerun of the same month (a retry, a catch-up, ops triggering it)
 * grants nobody twice.
 */
export async function connectsGrantWorkflow(input: ConnectsGrantInput): Promise<{ month: string; granted: number }> {
  const month = input.month ?? workflowInfo().startTime.toISOString().slice(0, 7);
  let afterId = input.resume?.afterId ?? null;
  let granted = input.resume?.granted ?? 0;
  for (;;) {
    const batch = await grantMonthlyConnects({ month, amount: input.amount, afterId, limit: input.batchSize });
    granted += batch.granted;
    afterId = batch.lastId;
    setCurrentDetails(`Granting ${input.amount} Connects for ${month}: ${granted} freelancer(s) so far`);
    if (batch.done) break;
    if (workflowInfo().continueAsNewSuggested) {
      await continueAsNew<typeof connectsGrantWorkflow>({ ...input, month, resume: { afterId, granted } });
    }
  }
  setCurrentDetails(`Granted ${input.amount} Connects for ${month} to ${granted} freelancer(s)`);
  return { month, granted };
}

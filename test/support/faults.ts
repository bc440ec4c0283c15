import type { ActivityExecuteInput, ActivityInboundCallsInterceptor, Next } from '@temporalio/worker';
import type { Context } from '@temporalio/activity';
import { startWorker, type RunningWorker } from '../../apps/worker/src/worker.js';
import type { Stack } from './harness.js';

/** What a faulty worker does after the real work of an activity's first attempt has committed. */
export type AfterCommit =
  /** The attempt fails, as if the worker lost the result on its way back to Temporal. */
  | { kind: 'lose-result' }
  /** The attempt hangs until the worker is stopped, as if the process froze and was killed. */
  | { kind: 'freeze'; onCommitted: () => void };

class FaultAfterCommit implements ActivityInboundCallsInterceptor {
  constructor(
    private readonly ctx: Context,
    private readonly activityType: string,
    private readonly fault: AfterCommit,
  ) {}

  async execute(input: ActivityExecuteInput, next: Next<ActivityInboundCallsInterceptor, 'execute'>): Promise<unknown> {
    const result = await next(input);
    if (this.ctx.info.activityType !== this.activityType || this.ctx.info.attempt > 1) return result;
    if (this.fault.kind === 'lose-result') throw new Error(`${this.activityType} committed, then its result was lost`);
    this.fault.onCommitted();
    await this.ctx.cancelled;
    return result;
  }
}

/**
 * Replaces the stack's worker with one whose first attempt of `activityType` does the real work
 * and then fails in the given way; later attempts run normally. `stack.restartWorker()` brings
 * the normal worker back.
 */
export async function startFaultyWorker(stack: Stack, activityType: string, fault: AfterCommit): Promise<RunningWorker> {
  await stack.worker.shutdown();
  return startWorker(stack.config, {
    workflowBundle: { codePath: process.env.HIREFLOW_TEST_WORKFLOW_BUNDLE! },
    shutdownGraceTime: '100ms',
    interceptors: { activity: [(ctx) => ({ inbound: new FaultAfterCommit(ctx, activityType, fault) })] },
  });
}

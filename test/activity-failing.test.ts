import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { ActivityInterceptorsFactory } from '@temporalio/worker';
import { seedAccount } from './support/accounts.js';
import { apply, balance, createAccount, createFreelancer, createJob, submit } from './support/factories.js';
import { startStack, type Stack } from './support/harness.js';
import { eventually } from './support/http.js';

describe('a side effect that keeps failing makes the hire visibly stuck until it recovers', () => {
  let ledgerDown = true;
  const failCharges: ActivityInterceptorsFactory = (ctx) => ({
    inbound: {
      async execute(input, next) {
        if (ctx.info.activityType === 'chargeConnects' && ledgerDown) throw new Error('connection to the ledger refused');
        return next(input);
      },
    },
  });
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack({ ACTIVITY_ATTEMPTS_BEFORE_FLAG: '2' }, { worker: { interceptors: { activity: [failCharges] } } });
  });
  afterAll(() => stack?.close());

  it('raises HireflowActivityFailing with the reason, lists it for ops, and clears it once the charge goes through', async () => {
    const ops = await seedAccount(stack, 'ops');
    const client = await createAccount(stack, 'client');
    const freelancer = await createFreelancer(stack, 5);
    const job = await createJob(stack, client, { connectsCost: 2 });
    const proposalId = await apply(stack, freelancer, job.id);
    const workflowId = `proposal/${job.id}/${freelancer.id}`;
    const handle = stack.temporal.workflow.getHandle(workflowId);
    const failing = async () => {
      const found: string[] = [];
      for await (const wf of stack.temporal.workflow.list({ query: `HireflowActivityFailing = true AND WorkflowId = "${workflowId}"` })) {
        found.push(wf.workflowId);
      }
      return found;
    };

    const submitting = submit(stack, freelancer, proposalId);
    expect(await eventually(failing, (found) => found.length === 1, 30_000)).toEqual([workflowId]);
    const details = (await handle.query<{ currentDetails: string }>('__temporal_workflow_metadata')).currentDetails;
    expect(details).toContain('the Connects charge keeps failing');
    expect(details).toContain('connection to the ledger refused');
    const stuck = await stack.http.get('/v1/ops/stuck', ops.token);
    expect(stuck.body.items).toContainEqual(expect.objectContaining({ workflowId, reason: 'activity_failing' }));
    expect(await balance(stack, freelancer)).toBe(5);

    ledgerDown = false;
    const submitted = await submitting;
    expect(submitted.status).toBe(200);
    expect(submitted.body).toMatchObject({ stage: 'submitted', connectsCharged: 2 });
    expect(await balance(stack, freelancer)).toBe(3);
    expect(await eventually(failing, (found) => found.length === 0)).toEqual([]);
  }, 60_000);
});

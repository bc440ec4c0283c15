import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startStack, type Stack } from './support/harness.js';
import { seedAccount } from './support/accounts.js';
import { apply, createAccount, createFreelancer, createJob, submit } from './support/factories.js';
import { eventually } from './support/http.js';

describe('operations: stuck hires', () => {
  let stack: Stack;
  beforeAll(async () => {
    // Anything waiting on someone for more than a second counts as stuck here.
    stack = await startStack({ STUCK_WAITING_AFTER: '1s' });
  });
  afterAll(() => stack?.close());

  it('a proposal waiting on its client past the threshold is listed with the reason, since when and a UI link', async () => {
    const ops = await seedAccount(stack, 'ops');
    const client = await createAccount(stack, 'client');
    const freelancer = await createFreelancer(stack, 5);
    const job = await createJob(stack, client, { connectsCost: 1 });
    const proposalId = await apply(stack, freelancer, job.id);
    const submitted = await submit(stack, freelancer, proposalId);
    const workflowId = submitted.body.workflowId;

    const listed = await eventually(
      () => stack.http.get('/v1/ops/stuck', ops.token),
      (res) => res.body.items?.some((item: { workflowId: string }) => item.workflowId === workflowId),
    );
    const item = listed.body.items.find((i: { workflowId: string }) => i.workflowId === workflowId);
    expect(item).toMatchObject({ kind: 'proposal', stage: 'submitted', waitingOn: 'client', reason: 'waiting_too_long' });
    expect(item.explanation).toContain('waiting on the client');
    expect(item.link).toBe(`${stack.config.temporal.uiUrl}/namespaces/default/workflows/${encodeURIComponent(workflowId)}`);
    expect(Date.parse(item.since)).toBeLessThanOrEqual(Date.now());

    // The documented query finds it straight from Temporal, as an operator would in the UI.
    const found = [];
    for await (const wf of stack.temporal.workflow.list({ query: listed.body.queries.waiting_too_long })) found.push(wf.workflowId);
    expect(found).toContain(workflowId);
  });

  it('is for ops only', async () => {
    const client = await createAccount(stack, 'client');
    expect((await stack.http.get('/v1/ops/stuck', client.token)).status).toBe(403);
    expect((await stack.http.get('/v1/ops/stuck')).status).toBe(401);
  });
});

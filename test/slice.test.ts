import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startStack, type Stack } from './support/harness.js';
import { apply, balance, BID, createAccount, createFreelancer, createJob, submit } from './support/factories.js';
import { eventually } from './support/http.js';

describe('the first hire slice: REST → workflow → activity → PostgreSQL → back', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack();
  });
  afterAll(() => stack?.close());

  it('charges exactly the job cost on submit, and the workflow is listed by its search attributes', async () => {
    const client = await createAccount(stack, 'client');
    const freelancer = await createFreelancer(stack, 10);
    const job = await createJob(stack, client, { connectsCost: 4 });

    const applied = await stack.http.post(`/v1/jobs/${job.id}/proposals`, freelancer.token);
    expect(applied.status).toBe(201);
    expect(applied.body).toMatchObject({ stage: 'draft', waitingOn: 'freelancer', workflowId: `proposal/${job.id}/${freelancer.id}` });
    expect(await balance(stack, freelancer)).toBe(10);

    const submitted = await submit(stack, freelancer, applied.body.id);
    expect(submitted.status).toBe(200);
    expect(submitted.body).toMatchObject({ stage: 'submitted', waitingOn: 'client', connectsCharged: 4 });
    expect(await balance(stack, freelancer)).toBe(6);

    const read = await stack.http.get(`/v1/proposals/${applied.body.id}`, freelancer.token);
    expect(read.body).toMatchObject({ stage: 'submitted', workflowId: applied.body.workflowId });

    const listed = await eventually(
      async () => {
        const found = [];
        for await (const wf of stack.temporal.workflow.list({
          query: `HireflowStage = "submitted" AND HireflowFreelancerId = "${freelancer.id}"`,
        })) found.push(wf.workflowId);
        return found;
      },
      (found) => found.length === 1,
    );
    expect(listed).toEqual([applied.body.workflowId]);
  });

  it('refuses a second application with 409, and a missing job with 404, charging nothing', async () => {
    const client = await createAccount(stack, 'client');
    const freelancer = await createFreelancer(stack, 10);
    const job = await createJob(stack, client);
    await apply(stack, freelancer, job.id);

    const again = await stack.http.post(`/v1/jobs/${job.id}/proposals`, freelancer.token);
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('already_exists');

    const missing = await stack.http.post(`/v1/jobs/8d3c1f7e-3b7a-4f57-9b0a-5c6a2b9d1e11/proposals`, freelancer.token);
    expect(missing.status).toBe(404);
    expect(missing.body.error).toMatchObject({ code: 'not_found' });
    expect(await balance(stack, freelancer)).toBe(10);
  });

  it('submitting twice is a 409 naming the stage, and charges once', async () => {
    const client = await createAccount(stack, 'client');
    const freelancer = await createFreelancer(stack, 10);
    const job = await createJob(stack, client, { connectsCost: 3 });
    const proposalId = await apply(stack, freelancer, job.id);

    expect((await submit(stack, freelancer, proposalId)).status).toBe(200);
    const again = await submit(stack, freelancer, proposalId);
    expect(again.status).toBe(409);
    expect(again.body.error.message).toContain('submitted');
    expect(await balance(stack, freelancer)).toBe(7);
  });

  it('too few Connects is a 422; the proposal stays a draft and nothing is charged', async () => {
    const client = await createAccount(stack, 'client');
    const freelancer = await createFreelancer(stack, 2);
    const job = await createJob(stack, client, { connectsCost: 5 });
    const proposalId = await apply(stack, freelancer, job.id);

    const res = await submit(stack, freelancer, proposalId);
    expect(res.status).toBe(422);
    expect(res.body.error).toMatchObject({ code: 'insufficient_connects', details: { needed: 5, balance: 2 } });
    const read = await stack.http.get(`/v1/proposals/${proposalId}`, freelancer.token);
    expect(read.body.stage).toBe('draft');
    expect(await balance(stack, freelancer)).toBe(2);
  });

  it('bad input is a 400 naming the field', async () => {
    const freelancer = await createFreelancer(stack, 1);
    const client = await createAccount(stack, 'client');
    const job = await createJob(stack, client);
    const proposalId = await apply(stack, freelancer, job.id);
    const res = await submit(stack, freelancer, proposalId, { bid: { type: 'weekly', amount: -1 } });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('validation_failed');
    expect(res.body.error.message).toContain('bid.type');
    expect(res.body.error.message).toContain('bid.amount');
    void BID;
  });
});

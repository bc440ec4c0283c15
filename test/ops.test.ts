import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { defaultPayloadConverter } from '@temporalio/common';
import { startStack, type Stack } from './support/harness.js';
import { seedAccount } from './support/accounts.js';
import { apply, balance, createAccount, createFreelancer, createJob, submit } from './support/factories.js';
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

  it('ops cancel a proposal through its workflow: closed, refunded once, and audited; a second cancel is refused and audited', async () => {
    const ops = await seedAccount(stack, 'ops');
    const client = await createAccount(stack, 'client');
    const freelancer = await createFreelancer(stack, 10);
    const job = await createJob(stack, client, { connectsCost: 3 });
    const proposalId = await apply(stack, freelancer, job.id);
    await submit(stack, freelancer, proposalId);
    expect(await balance(stack, freelancer)).toBe(7);

    expect((await stack.http.post(`/v1/ops/proposals/${proposalId}/cancel`, client.token, { reason: 'x' })).status).toBe(403);
    const cancelled = await stack.http.post(`/v1/ops/proposals/${proposalId}/cancel`, ops.token, { reason: 'client account closed for fraud' });
    expect(cancelled.status).toBe(200);
    expect(cancelled.body).toMatchObject({ stage: 'closed', closedReason: 'ops', connectsRefunded: 3 });
    expect(await balance(stack, freelancer)).toBe(10);

    const again = await stack.http.post(`/v1/ops/proposals/${proposalId}/cancel`, ops.token, { reason: 'again' });
    expect(again.status).toBe(409);
    expect(again.body.error.message).toContain('closed');
    expect(await balance(stack, freelancer)).toBe(10);

    const audit = await stack.orm.em
      .fork()
      .execute(`select ops_account_id, action, outcome, status, reason from ops_audit where target_id = ? order by id`, [proposalId]);
    expect(audit).toEqual([
      { ops_account_id: ops.id, action: 'cancel', outcome: 'succeeded', status: 200, reason: 'client account closed for fraud' },
      { ops_account_id: ops.id, action: 'cancel', outcome: 'refused', status: 409, reason: 'again' },
    ]);
  });

  it('every proposal explains itself in the Temporal UI: a summary, and current details that follow the stage', async () => {
    const client = await createAccount(stack, 'client');
    const freelancer = await createFreelancer(stack, 5, 'Grace Hopper');
    const job = await createJob(stack, client, { connectsCost: 1, title: 'Compiler dashboard' });
    const proposalId = await apply(stack, freelancer, job.id);
    const { body } = await submit(stack, freelancer, proposalId);
    const handle = stack.temporal.workflow.getHandle(body.workflowId);
    // What the Temporal UI shows as the workflow's current details.
    const details = async () => (await handle.query<{ currentDetails: string }>('__temporal_workflow_metadata')).currentDetails;

    expect(await (await handle.describe()).staticSummary()).toBe('Proposal: Grace Hopper → Compiler dashboard');
    expect(await details()).toMatch(/^Waiting on client to review the proposal since \d{4}-\d{2}-\d{2}$/);

    const offer = await stack.http.post(`/v1/proposals/${proposalId}/offer`, client.token, { terms: { type: 'fixed', amount: 300, description: 'As proposed' } });
    expect(offer.status).toBe(201);
    expect(await details()).toBe(
      `Waiting on freelancer to answer the offer since ${offer.body.sentAt.slice(0, 10)}; offer expires ${offer.body.expiresAt.slice(0, 10)}`,
    );

    // The job's timers say what they wait for, in the event history the UI shows.
    const history = await stack.temporal.workflow.getHandle(`job/${job.id}`).fetchHistory();
    const timerSummaries = (history.events ?? [])
      .filter((event) => event.timerStartedEventAttributes && event.userMetadata?.summary)
      .map((event) => defaultPayloadConverter.fromPayload<string>(event.userMetadata!.summary!));
    expect(timerSummaries[0]).toMatch(/^Warn the client of expiry unless there is activity before \d{4}-/);

    // So do the proposal's: its timer and the Connects charge.
    const proposalEvents = (await handle.fetchHistory()).events ?? [];
    const summaryOf = (event: (typeof proposalEvents)[number]) => defaultPayloadConverter.fromPayload<string>(event.userMetadata!.summary!);
    const timers = proposalEvents.filter((e) => e.timerStartedEventAttributes && e.userMetadata?.summary).map(summaryOf);
    expect(timers.at(-1)).toMatch(/^Remind the party the proposal waits on at \d{4}-/);
    const charge = proposalEvents.find((e) => e.activityTaskScheduledEventAttributes?.activityType?.name === 'chargeConnects');
    expect(summaryOf(charge!)).toContain('Move Connects on the ledger');
  });
});

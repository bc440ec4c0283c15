import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startStack, type Stack } from './support/harness.js';
import { apply, balance, createAccount, createFreelancer, createJob } from './support/factories.js';
import { eventually } from './support/http.js';
import { takeInterview } from './support/interviews.js';
import { getProposal, hireInProgress, ledgerOf, outboxOf, stageOf } from './support/lifecycle.js';

/**
 * The proposal's timers with configured short lengths: abandonment of a proposal never
 * submitted, the content edit window, and the reminder to whoever the hire waits on.
 */
describe('proposal timers', () => {
  const ABANDON_AFTER_MS = 3_000;
  const EDIT_WINDOW_MS = 1_500;
  const REMINDER_AFTER_MS = 1_000;
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack({
      PROPOSAL_ABANDON_AFTER: `${ABANDON_AFTER_MS}ms`,
      PROPOSAL_EDIT_WINDOW: `${EDIT_WINDOW_MS}ms`,
      PROPOSAL_REMINDER_AFTER: `${REMINDER_AFTER_MS}ms`,
    });
  });
  afterAll(() => stack?.close());

  it('a freelancer who interviews and never submits is abandoned, and pays nothing', async () => {
    const client = await createAccount(stack, 'client');
    const job = await createJob(stack, client, { connectsCost: 5, interview: { questions: ['Tell us about a React dashboard you built.'] } });
    const freelancer = await createFreelancer(stack, 10);
    const proposalId = await apply(stack, freelancer, job.id);
    await takeInterview(stack, freelancer, proposalId, ['I built a React dashboard with live charts and filters for a logistics company.']);
    const ready = await stageOf(stack, freelancer, proposalId, 'ready');
    expect(ready.interviewIncluded).toBe(true);

    const abandoned = await stageOf(stack, freelancer, proposalId, 'abandoned', 15_000);
    expect(abandoned).toMatchObject({ waitingOn: 'none', connectsCharged: 0, connectsRefunded: 0 });
    // Abandonment counts from the moment it became ready, not from the application.
    expect(Date.parse(abandoned.lastTransitionAt) - Date.parse(ready.lastTransitionAt)).toBeGreaterThanOrEqual(ABANDON_AFTER_MS);
    expect(await balance(stack, freelancer)).toBe(10);
    expect((await ledgerOf(stack, freelancer.id)).map((e) => e.kind)).toEqual(['purchase']);
    expect(await outboxOf(stack, freelancer.id, 'proposal.abandoned')).toHaveLength(1);
    const submitted = await stack.http.post(`/v1/proposals/${proposalId}/submit`, freelancer.token, { bid: { type: 'fixed', amount: 300 } });
    expect(submitted.status).toBe(409);
    expect(submitted.body.error.message).toContain('abandoned');
  });

  it('a draft is reminded once, then abandoned', async () => {
    const client = await createAccount(stack, 'client');
    const job = await createJob(stack, client);
    const freelancer = await createFreelancer(stack, 10);
    const proposalId = await apply(stack, freelancer, job.id);

    const [reminder] = await eventually(() => outboxOf(stack, freelancer.id, 'proposal.reminder'), (rows) => rows.length > 0);
    expect(reminder!.payload).toMatchObject({ proposalId, stage: 'draft', waitingOn: 'freelancer' });
    await stageOf(stack, freelancer, proposalId, 'abandoned', 15_000);
    // Three reminder periods fit before abandonment; one reminder per wait was sent.
    expect(await outboxOf(stack, freelancer.id, 'proposal.reminder')).toHaveLength(1);
    expect(await balance(stack, freelancer)).toBe(10);
  });

  it('after submission the client is reminded, in the outbox, once per wait', async () => {
    const { client, freelancer, proposalId } = await hireInProgress(stack);
    const [reminder] = await eventually(() => outboxOf(stack, client.id, 'proposal.reminder'), (rows) => rows.length > 0);
    expect(reminder!.payload).toMatchObject({ proposalId, stage: 'submitted', waitingOn: 'client' });
    const submittedAt = Date.parse((await getProposal(stack, freelancer, proposalId)).submittedAt);
    expect(new Date(reminder!.created_at).getTime()).toBeGreaterThanOrEqual(submittedAt + REMINDER_AFTER_MS);

    // A view does not change who is waited on, so it starts no second reminder.
    await stack.http.post(`/v1/proposals/${proposalId}/view`, client.token);
    const offer = await stack.http.post(`/v1/proposals/${proposalId}/offer`, client.token, {
      terms: { type: 'fixed', amount: 400, description: 'As proposed' },
    });
    expect(offer.status).toBe(201);
    // Now the freelancer is waited on: their reminder comes, and the client still has exactly one.
    const [freelancerReminder] = await eventually(
      async () => (await outboxOf(stack, freelancer.id, 'proposal.reminder')).filter((r) => r.payload.stage === 'offer_pending'),
      (rows) => rows.length > 0,
    );
    expect(freelancerReminder!.payload).toMatchObject({ proposalId, waitingOn: 'freelancer' });
    expect(await outboxOf(stack, client.id, 'proposal.reminder')).toHaveLength(1);
  });

  it('notes are editable within the edit window after submitting, and refused once it has elapsed', async () => {
    const { freelancer, proposalId } = await hireInProgress(stack);
    const during = await stack.http.patch(`/v1/proposals/${proposalId}`, freelancer.token, { notes: 'Available from Monday' });
    expect(during.status).toBe(200);
    expect(Date.parse(during.body.editWindowEndsAt) - Date.parse(during.body.submittedAt)).toBe(EDIT_WINDOW_MS);

    const after = await eventually(
      () => stack.http.patch(`/v1/proposals/${proposalId}`, freelancer.token, { notes: 'Available from Tuesday' }),
      (res) => res.status !== 200,
    );
    expect(after.status).toBe(409);
    expect(after.body.error.message).toBe('cannot edit content: the proposal is submitted and its edit window has ended');
    expect(Date.now()).toBeGreaterThanOrEqual(Date.parse(during.body.editWindowEndsAt));
    // The bid is not bound by the window.
    expect((await stack.http.patch(`/v1/proposals/${proposalId}`, freelancer.token, { bid: { type: 'fixed', amount: 450 } })).status).toBe(200);
  });
});

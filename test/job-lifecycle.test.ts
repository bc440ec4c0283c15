import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createRepositories } from '../libs/db/repositories/index.js';
import { seedAccount } from './support/accounts.js';
import { startStack, type Stack } from './support/harness.js';
import { apply, balance, createAccount, createFreelancer, createJob, submit, type Actor } from './support/factories.js';
import { eventually } from './support/http.js';
import { getProposal, ledgerOf, makeOffer, outboxOf, sql, stageOf, submittedCandidate, type Candidate } from './support/lifecycle.js';

async function hire(stack: Stack, client: Actor, candidate: Candidate) {
  const offer = await makeOffer(stack, client, candidate.proposalId);
  const res = await stack.http.post(`/v1/offers/${offer.id}/accept`, candidate.freelancer.token);
  if (res.status !== 200) throw new Error(`accept failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

const jobStatus = async (stack: Stack, client: Actor, jobId: string) =>
  (await stack.http.get(`/v1/jobs/${jobId}`, client.token)).body.status;

describe('a job post: open → filled / cancelled', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack();
  });
  afterAll(() => stack?.close());

  it('cancelled with 3 submitted proposals: each is refunded exactly once, even when the cancel arrives twice', async () => {
    const client = await createAccount(stack, 'client');
    const job = await createJob(stack, client, { connectsCost: 4, title: 'Migrate our Vue app' });
    const candidates = [
      await submittedCandidate(stack, job.id),
      await submittedCandidate(stack, job.id),
      await submittedCandidate(stack, job.id),
    ];
    const drafter = await createFreelancer(stack, 10);
    const draft = await apply(stack, drafter, job.id);
    const leaver = await submittedCandidate(stack, job.id);
    await stack.http.post(`/v1/proposals/${leaver.proposalId}/withdraw`, leaver.freelancer.token, { reason: 'found other work' });
    for (const c of candidates) expect(await balance(stack, c.freelancer)).toBe(6);

    const [first, second] = await Promise.all([
      stack.http.post(`/v1/jobs/${job.id}/cancel`, client.token),
      stack.http.post(`/v1/jobs/${job.id}/cancel`, client.token),
    ]);
    expect([first.status, second.status].sort()).toEqual([200, 409]);
    const refused = first.status === 409 ? first : second;
    expect(refused.body.error.message).toContain('cancelled');

    for (const c of candidates) {
      const closed = await stageOf(stack, c.freelancer, c.proposalId, 'closed');
      expect(closed).toMatchObject({ closedReason: 'cancelled', connectsCharged: 4, connectsRefunded: 4 });
    }
    await stack.temporal.workflow.getHandle(job.workflowId).result();
    const late = await stack.http.post(`/v1/jobs/${job.id}/cancel`, client.token);
    expect(late.status).toBe(409);
    expect(late.body.error.message).toContain('the job is cancelled');

    for (const c of candidates) {
      expect(await balance(stack, c.freelancer)).toBe(10);
      const refunds = (await ledgerOf(stack, c.freelancer.id)).filter((e) => e.kind === 'refund');
      expect(refunds).toEqual([expect.objectContaining({ amount: 4, proposal_id: c.proposalId, job_id: job.id })]);
      const [notice] = await outboxOf(stack, c.freelancer.id, 'proposal.closed');
      expect(notice!.payload).toMatchObject({ reason: 'cancelled', refunded: 4 });
    }
    // A draft closes without charge or refund; a withdrawal is never refunded, even when the job is cancelled later.
    expect(await stageOf(stack, drafter, draft, 'closed')).toMatchObject({ connectsCharged: 0, connectsRefunded: 0 });
    expect((await ledgerOf(stack, drafter.id)).map((e) => e.kind)).toEqual(['purchase']);
    expect((await getProposal(stack, leaver.freelancer, leaver.proposalId)).stage).toBe('withdrawn');
    expect(await balance(stack, leaver.freelancer)).toBe(6);
    expect(await jobStatus(stack, client, job.id)).toBe('cancelled');
  });

  it('a cancelled job takes no new applications and no submissions', async () => {
    const client = await createAccount(stack, 'client');
    const job = await createJob(stack, client);
    const freelancer = await createFreelancer(stack, 10);
    const draft = await apply(stack, freelancer, job.id);
    expect((await stack.http.post(`/v1/jobs/${job.id}/cancel`, client.token)).status).toBe(200);

    const late = await createFreelancer(stack, 10);
    const applied = await stack.http.post(`/v1/jobs/${job.id}/proposals`, late.token);
    expect(applied.status).toBe(409);
    expect(applied.body.error.code).toBe('job_not_open');
    await stageOf(stack, freelancer, draft, 'closed');
    const submitted = await submit(stack, freelancer, draft);
    expect(submitted.status).toBe(409);
    expect(submitted.body.error.message).toContain('closed');
    expect(await balance(stack, freelancer)).toBe(10);
  });

  it('filled: the other open proposals close, and nobody is refunded', async () => {
    const client = await createAccount(stack, 'client');
    const job = await createJob(stack, client, { connectsCost: 3 });
    const [winner, b, c] = [
      await submittedCandidate(stack, job.id),
      await submittedCandidate(stack, job.id),
      await submittedCandidate(stack, job.id),
    ];
    const accepted = await hire(stack, client, winner!);
    expect(accepted.proposal).toMatchObject({ stage: 'hired', contractId: accepted.contractId });

    for (const other of [b!, c!]) {
      const closed = await stageOf(stack, other.freelancer, other.proposalId, 'closed');
      expect(closed).toMatchObject({ closedReason: 'filled', connectsRefunded: 0 });
      expect(await balance(stack, other.freelancer)).toBe(7);
      expect((await ledgerOf(stack, other.freelancer.id)).map((e) => e.kind)).toEqual(['purchase', 'charge']);
    }
    await eventually(() => jobStatus(stack, client, job.id), (status) => status === 'filled');
    expect((await stack.http.get(`/v1/jobs/${job.id}`, client.token)).body).toMatchObject({ hiredCount: 1, closedAt: expect.any(String) });
    expect(await getProposal(stack, winner!.freelancer, winner!.proposalId)).toMatchObject({ stage: 'hired', connectsRefunded: 0 });

    const cancel = await stack.http.post(`/v1/jobs/${job.id}/cancel`, client.token);
    expect(cancel.status).toBe(409);
    expect(cancel.body.error.message).toContain('filled');
  });

  it('fills only when every opening is taken, and cannot be cancelled once a contract started', async () => {
    const client = await createAccount(stack, 'client');
    const job = await createJob(stack, client, { openings: 2 });
    const [first, second, third] = [
      await submittedCandidate(stack, job.id),
      await submittedCandidate(stack, job.id),
      await submittedCandidate(stack, job.id),
    ];
    await hire(stack, client, first!);
    await eventually(
      async () => (await stack.http.get(`/v1/jobs/${job.id}`, client.token)).body.hiredCount,
      (count) => count === 1,
    );
    expect(await jobStatus(stack, client, job.id)).toBe('open');
    expect((await getProposal(stack, client, second!.proposalId)).stage).toBe('submitted');

    const cancel = await stack.http.post(`/v1/jobs/${job.id}/cancel`, client.token);
    expect(cancel.status).toBe(409);
    expect(cancel.body.error.message).toContain('contract');
    // The database holds the same line when the workflow has not yet heard of the hire.
    expect(await createRepositories(stack.orm).jobs.recordStatus(job.id, 'cancelled', 0, new Date())).toBe('open');
    expect(await jobStatus(stack, client, job.id)).toBe('open');

    await hire(stack, client, second!);
    await eventually(() => jobStatus(stack, client, job.id), (status) => status === 'filled');
    expect(await stageOf(stack, client, third!.proposalId, 'closed')).toMatchObject({ closedReason: 'filled' });
    const contracts = await sql(stack, 'select proposal_id from contracts where job_id = ? order by started_at', [job.id]);
    expect(contracts.map((row) => row.proposal_id)).toEqual([first!.proposalId, second!.proposalId]);
  });

  it('ops removing a post refunds like a client cancellation', async () => {
    const client = await createAccount(stack, 'client');
    const ops = await seedAccount(stack, 'ops');
    const job = await createJob(stack, client, { connectsCost: 2 });
    const candidate = await submittedCandidate(stack, job.id);
    const res = await stack.http.post(`/v1/jobs/${job.id}/cancel`, ops.token);
    expect(res.status).toBe(200);
    expect(res.body.status).toBe('cancelled');
    expect(await stageOf(stack, candidate.freelancer, candidate.proposalId, 'closed')).toMatchObject({ closedReason: 'cancelled', connectsRefunded: 2 });
    expect(await balance(stack, candidate.freelancer)).toBe(10);
  });

  it('only the job\'s client (or ops) may cancel it', async () => {
    const client = await createAccount(stack, 'client');
    const other = await createAccount(stack, 'client');
    const freelancer = await createFreelancer(stack);
    const job = await createJob(stack, client);
    expect((await stack.http.post(`/v1/jobs/${job.id}/cancel`, other.token)).status).toBe(403);
    expect((await stack.http.post(`/v1/jobs/${job.id}/cancel`, freelancer.token)).status).toBe(403);
    expect(await jobStatus(stack, client, job.id)).toBe('open');
  });
});

describe('a job post: open → expired after inactivity', () => {
  const EXPIRES_AFTER_MS = 5_000;
  const WARNING_BEFORE_MS = 2_000;
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack({ JOB_EXPIRES_AFTER: `${EXPIRES_AFTER_MS}ms`, JOB_EXPIRY_WARNING_BEFORE: `${WARNING_BEFORE_MS}ms` });
  });
  afterAll(() => stack?.close());

  it('warns the client, expires, and closes its proposals without refund', async () => {
    const client = await createAccount(stack, 'client');
    const job = await createJob(stack, client, { connectsCost: 2 });
    const candidate = await submittedCandidate(stack, job.id);
    const [row] = await sql<{ last_activity_at: Date }>(stack, 'select last_activity_at from jobs where id = ?', [job.id]);
    const lastActivity = new Date(row!.last_activity_at);

    const [warning] = await eventually(() => outboxOf(stack, client.id, 'job.expiry_warning'), (rows) => rows.length === 1);
    expect(warning!.payload).toMatchObject({ jobId: job.id });
    expect(Date.parse(warning!.payload.expiresAt)).toBeGreaterThanOrEqual(lastActivity.getTime() + EXPIRES_AFTER_MS);

    const closed = await stageOf(stack, candidate.freelancer, candidate.proposalId, 'closed', 30_000);
    expect(closed).toMatchObject({ closedReason: 'expired', connectsCharged: 2, connectsRefunded: 0 });
    const expired = (await stack.http.get(`/v1/jobs/${job.id}`, client.token)).body;
    expect(expired.status).toBe('expired');
    // Expiry counts from the last activity on the job, not from when it was posted.
    expect(Date.parse(expired.closedAt)).toBeGreaterThanOrEqual(lastActivity.getTime() + EXPIRES_AFTER_MS);
    expect(await balance(stack, candidate.freelancer)).toBe(8);
    expect((await ledgerOf(stack, candidate.freelancer.id)).map((e) => e.kind)).toEqual(['purchase', 'charge']);
    expect(await outboxOf(stack, client.id, 'job.expiry_warning')).toHaveLength(1);
  }, 40_000);
});

import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import proto from '@temporalio/proto';
import { ActivitiesFactory } from '../apps/worker/src/activities.factory.js';
import { connectsGrantScheduleId } from '../apps/worker/src/connects-grant.schedule.js';
import { chargeKey } from '../libs/db/repositories/connects-ledger.repository.js';
import { startStack, type Stack } from './support/harness.js';
import { apply, balance, BID, createAccount, createFreelancer, createJob, submit } from './support/factories.js';
import { startFaultyWorker } from './support/faults.js';
import { eventually } from './support/http.js';
import { getProposal, hireInProgress, ledgerOf, sql, stageOf, submittedCandidate } from './support/lifecycle.js';

const { EventType } = proto.temporal.api.enums.v1;

describe('Connects', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack();
  });
  afterAll(() => stack?.close());

  describe('charging', () => {
    it('starting an application charges nothing; submitting charges the job cost once', async () => {
      const client = await createAccount(stack, 'client');
      const job = await createJob(stack, client, { connectsCost: 6 });
      const freelancer = await createFreelancer(stack, 10);
      const proposalId = await apply(stack, freelancer, job.id);
      await stack.http.patch(`/v1/proposals/${proposalId}`, freelancer.token, { notes: 'Draft notes' });
      expect(await balance(stack, freelancer)).toBe(10);
      expect((await submit(stack, freelancer, proposalId)).body.connectsCharged).toBe(6);
      expect(await balance(stack, freelancer)).toBe(4);
    });

    it('a job that costs 0 Connects submits without a ledger row', async () => {
      const client = await createAccount(stack, 'client');
      const job = await createJob(stack, client, { connectsCost: 0 });
      const candidate = await submittedCandidate(stack, job.id, 1);
      expect((await getProposal(stack, candidate.freelancer, candidate.proposalId)).connectsCharged).toBe(0);
      expect((await ledgerOf(stack, candidate.freelancer.id)).map((e) => e.kind)).toEqual(['purchase']);
    });

    it('20 concurrent submissions whose balance covers 7: exactly 7 succeed and the balance ends at 0', async () => {
      const client = await createAccount(stack, 'client');
      const freelancer = await createFreelancer(stack, 7);
      const proposals: string[] = [];
      for (let i = 0; i < 20; i += 1) {
        const job = await createJob(stack, client, { connectsCost: 1, title: `Landing page variant ${i}` });
        proposals.push(await apply(stack, freelancer, job.id));
      }

      const results = await Promise.all(proposals.map((id) => submit(stack, freelancer, id)));

      const statuses = results.map((r) => r.status);
      expect(statuses.filter((s) => s === 200)).toHaveLength(7);
      expect(statuses.filter((s) => s === 422)).toHaveLength(13);
      for (const refused of results.filter((r) => r.status === 422)) {
        expect(refused.body.error).toMatchObject({ code: 'insufficient_connects', details: { needed: 1, balance: 0 } });
      }
      expect(await balance(stack, freelancer)).toBe(0);
      const ledger = await ledgerOf(stack, freelancer.id);
      expect(ledger.filter((e) => e.kind === 'charge')).toHaveLength(7);
      expect(ledger.every((e) => e.balance_after >= 0)).toBe(true);
      const stages = await Promise.all(proposals.map(async (id) => (await getProposal(stack, freelancer, id)).stage));
      expect(stages.filter((s) => s === 'submitted')).toHaveLength(7);
      expect(stages.filter((s) => s === 'draft')).toHaveLength(13);
    }, 60_000);

    it('the database itself refuses a negative balance', async () => {
      const freelancer = await createFreelancer(stack, 3);
      await expect(sql(stack, 'update accounts set connects_balance = connects_balance - 4 where id = ?', [freelancer.id])).rejects.toThrow(
        /accounts_connects_balance_not_negative/,
      );
      expect(await balance(stack, freelancer)).toBe(3);
    });
  });

  describe('the ledger', () => {
    it('is append-only: the database refuses UPDATE and DELETE of its rows', async () => {
      const freelancer = await createFreelancer(stack, 5);
      await expect(sql(stack, 'update ledger_entries set amount = 500 where account_id = ?', [freelancer.id])).rejects.toThrow(/append-only/);
      await expect(sql(stack, 'delete from ledger_entries where account_id = ?', [freelancer.id])).rejects.toThrow(/append-only/);
      expect(await ledgerOf(stack, freelancer.id)).toEqual([expect.objectContaining({ kind: 'purchase', amount: 5, balance_after: 5 })]);
    });

    it('GET /v1/connects shows the balance and every entry with its reason, newest first', async () => {
      const { client, job, freelancer, proposalId } = await hireInProgress(stack, { connectsCost: 3, title: 'Fix our checkout bug' });
      expect((await stack.http.post(`/v1/jobs/${job.id}/cancel`, client.token)).status).toBe(200);
      await stageOf(stack, freelancer, proposalId, 'closed');

      const statement = (await stack.http.get('/v1/connects', freelancer.token)).body;
      expect(statement.balance).toBe(10);
      expect(statement.entries).toEqual([
        expect.objectContaining({ kind: 'refund', amount: 3, balanceAfter: 10, jobId: job.id, proposalId }),
        expect.objectContaining({ kind: 'charge', amount: -3, balanceAfter: 7, jobId: job.id, proposalId }),
        expect.objectContaining({ kind: 'purchase', amount: 10, balanceAfter: 10, jobId: null, proposalId: null }),
      ]);
      const [refund, charge, purchase] = statement.entries;
      expect(refund.reason).toBe(`refund for cancelled job "Fix our checkout bug" (proposal ${proposalId})`);
      expect(charge.reason).toBe(`charge for proposal ${proposalId} to "Fix our checkout bug"`);
      expect(purchase.reason).toBe('purchase of 10 Connects');
      expect((await stack.http.get('/v1/connects', client.token)).status).toBe(403);
    });

    it('a purchase adds Connects, and a purchase repeated with its Idempotency-Key counts once', async () => {
      const freelancer = await createFreelancer(stack);
      const key = randomUUID();
      const first = await stack.http.post('/v1/connects/purchases', freelancer.token, { quantity: 40 }, { 'idempotency-key': key });
      const again = await stack.http.post('/v1/connects/purchases', freelancer.token, { quantity: 40 }, { 'idempotency-key': key });
      expect(first.status).toBe(201);
      expect(first.body.balance).toBe(40);
      expect(again.body.balance).toBe(40);
      expect(await balance(stack, freelancer)).toBe(40);
      const zero = await stack.http.post('/v1/connects/purchases', freelancer.token, { quantity: 0 });
      expect(zero.status).toBe(400);
      expect(zero.body.error.message).toContain('quantity');
    });
  });

  describe('retries never charge or refund twice', () => {
    it('calling the charge and refund activities twice with the same input moves Connects once each', async () => {
      const client = await createAccount(stack, 'client');
      const job = await createJob(stack, client, { connectsCost: 5, title: 'Write API docs' });
      const freelancer = await createFreelancer(stack, 12);
      const proposalId = await apply(stack, freelancer, job.id);
      const activities = stack.worker.context.get(ActivitiesFactory).create();
      const input = {
        proposalWorkflowId: `proposal/${job.id}/${freelancer.id}`,
        proposalId,
        jobId: job.id,
        jobTitle: 'Write API docs',
        freelancerId: freelancer.id,
      };

      const first = await activities.chargeConnects({ ...input, amount: 5 });
      const second = await activities.chargeConnects({ ...input, amount: 5 });
      expect(second).toEqual(first);
      expect(await balance(stack, freelancer)).toBe(7);

      expect(await activities.refundConnects(input)).toEqual({ refunded: 5 });
      expect(await activities.refundConnects(input)).toEqual({ refunded: 5 });
      expect(await balance(stack, freelancer)).toBe(12);
      expect((await ledgerOf(stack, freelancer.id)).map((e) => e.kind)).toEqual(['purchase', 'charge', 'refund']);
    });

    it('a charge whose first attempt loses its result is retried by Temporal and charges once', async () => {
      const client = await createAccount(stack, 'client');
      const job = await createJob(stack, client, { connectsCost: 4 });
      const freelancer = await createFreelancer(stack, 10);
      const proposalId = await apply(stack, freelancer, job.id);
      const faulty = await startFaultyWorker(stack, 'chargeConnects', { kind: 'lose-result' });
      try {
        const res = await submit(stack, freelancer, proposalId);
        expect(res.status).toBe(200);
        expect(res.body).toMatchObject({ stage: 'submitted', connectsCharged: 4 });
      } finally {
        await faulty.shutdown();
        await stack.restartWorker();
      }
      const history = await stack.temporal.workflow.getHandle(`proposal/${job.id}/${freelancer.id}`).fetchHistory();
      const started = history.events!.find((e) => e.eventType === EventType.EVENT_TYPE_ACTIVITY_TASK_STARTED);
      expect(started!.activityTaskStartedEventAttributes!.attempt).toBe(2);
      expect(await balance(stack, freelancer)).toBe(6);
      expect((await ledgerOf(stack, freelancer.id)).filter((e) => e.kind === 'charge')).toEqual([
        expect.objectContaining({ amount: -4, idempotency_key: chargeKey(`proposal/${job.id}/${freelancer.id}`) }),
      ]);
    }, 30_000);

    it('a worker killed after the charge committed: the restarted worker finishes the submission with one charge', async () => {
      const client = await createAccount(stack, 'client');
      const job = await createJob(stack, client, { connectsCost: 3 });
      const freelancer = await createFreelancer(stack, 10);
      const proposalId = await apply(stack, freelancer, job.id);
      let committed!: () => void;
      const charged = new Promise<void>((resolve) => (committed = resolve));
      const faulty = await startFaultyWorker(stack, 'chargeConnects', { kind: 'freeze', onCommitted: () => committed() });

      const submitting = submit(stack, freelancer, proposalId);
      await charged;
      expect(await balance(stack, freelancer)).toBe(7);
      await faulty.shutdown();
      await stack.restartWorker();

      const res = await submitting;
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ stage: 'submitted', connectsCharged: 3 });
      expect(await balance(stack, freelancer)).toBe(7);
      expect((await ledgerOf(stack, freelancer.id)).filter((e) => e.kind === 'charge')).toHaveLength(1);
    }, 45_000);
  });

  describe('the monthly grant', () => {
    const freelancerCount = async () =>
      Number((await sql<{ count: string }>(stack, "select count(*) from accounts where role = 'freelancer'"))[0]!.count);

    it('grants every freelancer once per month, in bounded batches, as ledger rows', async () => {
      const before = await createFreelancer(stack, 2);
      const others = [await createFreelancer(stack), await createFreelancer(stack), await createFreelancer(stack)];
      const client = await createAccount(stack, 'client');
      const freelancers = await freelancerCount();
      const run = (id: string) =>
        stack.temporal.workflow.execute('connectsGrantWorkflow', {
          taskQueue: stack.config.temporal.taskQueue,
          workflowId: id,
          args: [{ amount: 10, batchSize: 2, month: '2027-01' }],
        });

      const first = await run(`connects-grant-test/${randomUUID()}`);
      expect(first).toEqual({ month: '2027-01', granted: freelancers });
      expect(await balance(stack, before)).toBe(12);
      for (const f of others) expect(await balance(stack, f)).toBe(10);
      const [grant] = (await ledgerOf(stack, before.id)).filter((e) => e.kind === 'grant');
      expect(grant).toMatchObject({ amount: 10, reason: 'monthly grant of 10 Connects for 2027-01', idempotency_key: `grant:2027-01:${before.id}` });
      expect(await ledgerOf(stack, client.id)).toEqual([]);

      const againId = `connects-grant-test/${randomUUID()}`;
      expect(await run(againId)).toEqual({ month: '2027-01', granted: 0 });
      expect(await balance(stack, before)).toBe(12);
      const history = await stack.temporal.workflow.getHandle(againId).fetchHistory();
      const batches = history.events!.filter((e) => e.eventType === EventType.EVENT_TYPE_ACTIVITY_TASK_SCHEDULED).length;
      expect(batches).toBe(Math.floor(freelancers / 2) + 1);
    });

    it('the worker schedules it for the first of each month with CONNECTS_MONTHLY_GRANT; a triggered run grants this month', async () => {
      const freelancer = await createFreelancer(stack);
      const schedule = stack.temporal.schedule.getHandle(connectsGrantScheduleId(stack.config.temporal.taskQueue));
      const description = await schedule.describe();
      expect(description.action).toMatchObject({ type: 'startWorkflow', workflowType: 'connectsGrantWorkflow' });
      expect((description.action as { args: unknown[] }).args).toEqual([{ amount: stack.config.connects.monthlyGrant, batchSize: 500 }]);
      expect(description.spec.calendars).toEqual([
        expect.objectContaining({ dayOfMonth: [{ start: 1, end: 1, step: 1 }], hour: [{ start: 0, end: 0, step: 1 }] }),
      ]);

      await schedule.trigger();
      const month = new Date().toISOString().slice(0, 7);
      const granted = await eventually(
        async () => (await ledgerOf(stack, freelancer.id)).filter((e) => e.kind === 'grant'),
        (rows) => rows.length === 1,
      );
      expect(granted[0]).toMatchObject({ amount: stack.config.connects.monthlyGrant, idempotency_key: `grant:${month}:${freelancer.id}` });
    });
  });

  it('bad input never reaches the ledger', async () => {
    const freelancer = await createFreelancer(stack, 5);
    const client = await createAccount(stack, 'client');
    const job = await createJob(stack, client);
    const proposalId = await apply(stack, freelancer, job.id);
    const res = await submit(stack, freelancer, proposalId, { bid: { ...BID, amount: 'lots' } });
    expect(res.status).toBe(400);
    expect(await balance(stack, freelancer)).toBe(5);
  });
});

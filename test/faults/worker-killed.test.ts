import { QUIET_LOGS } from './support/quiet-runtime.js';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startStack, type Stack } from '../support/harness.js';
import { apply, createAccount, createFreelancer, createJob, type Actor } from '../support/factories.js';
import { eventually } from '../support/http.js';
import { getProposal, makeOffer, sql } from '../support/lifecycle.js';
import { BALANCE_UPDATE, blockedStatements, lockAccount, postUntilAnswered } from './support/hires.js';
import { checkInvariants } from './support/invariants.js';
import { buildApps, stackEnv, startAppProcess, type AppProcess } from './support/processes.js';
import { ScenarioTally } from './support/tally.js';

const COST = 3;
const JOBS = 7;
const FREELANCERS = 7;
/** Even freelancers can pay for every job, odd ones for three of the seven. */
const connectsOf = (index: number) => (index % 2 === 0 ? COST * JOBS : 10);

/** Every submission the balances allow: the held freelancer's, and each freelancer's affordable share. */
const expectedCharges = () => 1 + Array.from({ length: FREELANCERS }, (_, f) => Math.min(JOBS, Math.floor(connectsOf(f) / COST))).reduce((a, b) => a + b, 0);

const chargeCount = async (stack: Stack) =>
  (await sql<{ n: number }>(stack, `select count(*)::int as n from ledger_entries where kind = 'charge'`))[0]!.n;

/**
 * Scenario 1: the worker is a process of its own (the production entry point, built with
 * `npm run build`) and is SIGKILLed twice — mid-way through a batch of 50 concurrent
 * submissions while a charge is inside its transaction, and while a cancelled job's refunds
 * run — and a new worker takes over each time. An activity on a killed worker is retried once
 * its 30 s start-to-close timeout passes, so each kill costs about that long.
 */
describe('scenario 1: the worker is killed mid-batch, mid-charge and mid-refund', () => {
  const tally = new ScenarioTally(1, 'worker SIGKILLed mid-batch, mid-charge, mid-refund');
  let stack: Stack;
  let worker: AppProcess | undefined;
  let client: Actor;
  const jobs: { id: string }[] = [];
  const freelancers: Actor[] = [];
  /** Applies to job 0 only: its one charge (and later its refund) is held mid-transaction when a worker dies. */
  let held: Actor;
  let heldProposal: string;
  /** Proposal id → [freelancer index, job index]. */
  const proposals = new Map<string, [number, number]>();
  const submitted = new Set<string>();

  const killWorker = async () => {
    await worker!.kill('SIGKILL');
    tally.fault();
  };
  const newWorker = async () => {
    worker = await startAppProcess('worker', stackEnv(stack, QUIET_LOGS));
  };

  beforeAll(async () => {
    await buildApps();
    stack = await startStack(QUIET_LOGS);
    // This scenario's workers run as processes of their own; the stack's in-process one steps aside.
    await stack.worker.shutdown();
    await newWorker();
    client = await createAccount(stack, 'client');
    for (let j = 0; j < JOBS; j += 1) jobs.push(await createJob(stack, client, { connectsCost: COST, title: `Job ${j}` }));
    for (let f = 0; f < FREELANCERS; f += 1) freelancers.push(await createFreelancer(stack, connectsOf(f)));
    held = await createFreelancer(stack, COST);
  }, 180_000);

  afterAll(async () => {
    tally.write();
    await worker?.kill('SIGTERM');
    await stack?.close();
  });

  it('50 concurrent submissions survive a SIGKILL with a charge mid-transaction: each charged once, none overspent', async () => {
    for (const [f, freelancer] of freelancers.entries()) {
      const ids = await Promise.all(jobs.map((job) => apply(stack, freelancer, job.id)));
      ids.forEach((id, j) => proposals.set(id, [f, j]));
    }
    heldProposal = await apply(stack, held, jobs[0]!.id);
    tally.hire(proposals.size + 1);
    expect(proposals.size + 1).toBe(50);

    // The held freelancer's balance is locked: its charge will be waiting inside its transaction when the worker dies.
    const lock = await lockAccount(stack, held.id);
    const submitBody = { bid: { type: 'fixed', amount: 400 } };
    const heldCall = postUntilAnswered(stack.http, `/v1/proposals/${heldProposal}/submit`, held.token, submitBody);
    const calls = [...proposals].map(([id, [f]]) =>
      postUntilAnswered(stack.http, `/v1/proposals/${id}/submit`, freelancers[f]!.token, submitBody).then((call) => ({ id, call })),
    );
    try {
      await eventually(
        async () => ({ charged: await chargeCount(stack), blocked: await blockedStatements(stack, BALANCE_UPDATE) }),
        ({ charged, blocked }) => charged >= 15 && blocked >= 1,
        60_000,
      );
      await killWorker();
    } finally {
      await lock.release();
    }
    const chargedAtKill = await chargeCount(stack);
    expect(chargedAtKill).toBeLessThan(expectedCharges());
    await newWorker();

    const heldAnswer = await heldCall;
    expect(heldAnswer.final.status).toBe(200);
    submitted.add(heldProposal);
    const answers = await Promise.all(calls);
    for (const { id, call } of answers) {
      expect([200, 422]).toContain(call.final.status);
      if (call.final.status === 422) expect(call.final.body.error.code).toBe('insufficient_connects');
      if (call.final.status === 200) submitted.add(id);
    }
    // Concurrent submissions never overspend, and a killed charge is neither lost nor repeated.
    for (const [f, freelancer] of freelancers.entries()) {
      const wins = answers.filter(({ id, call }) => proposals.get(id)![0] === f && call.final.status === 200).length;
      expect(wins).toBe(Math.min(JOBS, Math.floor(connectsOf(f) / COST)));
      const statement = await stack.http.get('/v1/connects', freelancer.token);
      expect(statement.body.balance).toBe(connectsOf(f) - wins * COST);
    }
    expect(await chargeCount(stack)).toBe(submitted.size);
    expect(submitted.size).toBe(expectedCharges());
    for (const id of proposals.keys()) {
      const [f] = proposals.get(id)!;
      expect((await getProposal(stack, freelancers[f]!, id)).stage).toBe(submitted.has(id) ? 'submitted' : 'draft');
    }
    expect((await getProposal(stack, held, heldProposal)).stage).toBe('submitted');
    expect((await stack.http.get('/v1/connects', held.token)).body.balance).toBe(0);
  }, 240_000);

  it('a job cancelled while the worker is killed mid-refund refunds each charged proposal once; a hire on another job fills it', async () => {
    const cancelled = jobs[0]!;
    const chargedOnCancelled = [heldProposal, ...[...proposals].filter(([id, [, j]]) => j === 0 && submitted.has(id)).map(([id]) => id)];
    // The held freelancer's refund will wait inside its transaction when the worker dies.
    const lock = await lockAccount(stack, held.id);
    try {
      expect((await stack.http.post(`/v1/jobs/${cancelled.id}/cancel`, client.token)).status).toBe(200);
      await eventually(() => blockedStatements(stack, BALANCE_UPDATE), (blocked) => blocked >= 1, 60_000);
      await killWorker();
    } finally {
      await lock.release();
    }
    await newWorker();

    await eventually(
      () => sql<{ stage: string; n: number }>(stack, 'select stage, count(*)::int as n from proposals where job_id = ? group by stage', [cancelled.id]),
      (rows) => rows.length === 1 && rows[0]!.stage === 'closed',
      90_000,
    );
    const refunds = await sql<{ proposal_id: string; amount: number }>(stack, `select proposal_id, amount from ledger_entries where kind = 'refund'`);
    expect(refunds.map((r) => r.proposal_id).sort()).toEqual([...chargedOnCancelled].sort());
    expect(refunds.every((r) => r.amount === COST)).toBe(true);

    // A hire on job 1: the job fills and its other proposals close, without refunds.
    const [hiredId, [f]] = [...proposals].find(([id, [, j]]) => j === 1 && submitted.has(id))!;
    const offer = await makeOffer(stack, client, hiredId);
    expect((await stack.http.post(`/v1/offers/${offer.id}/accept`, freelancers[f]!.token)).status).toBe(200);
    await eventually(
      () => sql<{ stage: string }>(stack, `select stage from proposals where job_id = ? and stage <> 'hired'`, [jobs[1]!.id]),
      (rows) => rows.every((r) => r.stage === 'closed'),
      60_000,
    );
    expect((await stack.http.get(`/v1/jobs/${jobs[1]!.id}`, client.token)).body).toMatchObject({ status: 'filled', hiredCount: 1 });
  }, 240_000);

  it('every invariant holds afterwards', async () => {
    tally.violations = await checkInvariants(stack);
    expect(tally.violations).toEqual([]);
  }, 120_000);
});

import { QUIET_LOGS } from './support/quiet-runtime.js';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { ActivityInterceptorsFactory } from '@temporalio/worker';
import { startDevServer, type DevServer } from '../../libs/temporal/dev-server.js';
import { startStack, type Stack } from '../support/harness.js';
import { apply, BID, createAccount, createFreelancer, createJob, type Actor } from '../support/factories.js';
import { eventually, type HttpResponse } from '../support/http.js';
import { ledgerOf, makeOffer, outboxOf, sql, submittedCandidate, type Candidate } from '../support/lifecycle.js';
import { freePort } from '../../libs/net/free-port.js';
import { postUntilAnswered } from './support/hires.js';
import { checkInvariants } from './support/invariants.js';
import { ScenarioTally } from './support/tally.js';

/** Long enough for every timer below to fall due while the server is away; said so on purpose. */
const DOWN_MS = 20_000;
/** Offer expiry and the reminder to whoever a hire waits on fall due in the middle of the outage. */
const OFFER_EXPIRES = '20s';
const REMINDER = '25s';
/** What the API may take to give up on an unreachable Temporal (the client's own retries) and answer 503. */
const ANSWER_WITHIN_MS = 30_000;

/** Holds chargeConnects for the proposals in `held` until released: updates in flight across the restart. */
function heldCharges() {
  const held = new Set<string>();
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  let started = 0;
  const factory: ActivityInterceptorsFactory = (ctx) => ({
    inbound: {
      async execute(input, next) {
        const proposalId = (input.args[0] as { proposalId?: string } | undefined)?.proposalId;
        if (ctx.info.activityType === 'chargeConnects' && proposalId && held.has(proposalId)) {
          started += 1;
          await released;
        }
        return next(input);
      },
    },
  });
  return { held, factory, release: () => release(), started: () => started };
}

/**
 * Scenario 2: the Temporal dev server (this test's own, with a database file) is stopped for
 * 20 s and started again while hires wait on timers (reminders, offer expiry) and on updates
 * (submissions whose charge is in flight, submissions sent while it is down). Afterwards every
 * hire completes, each timer fired exactly once, and each charge happened once.
 */
describe('scenario 2: the Temporal server restarts while hires wait on timers and updates', () => {
  const tally = new ScenarioTally(2, 'Temporal server restarted (persisted)');
  const dbFile = join(mkdtempSync(join(tmpdir(), 'hireflow-faults-temporal-')), 'temporal.db');
  const gate = heldCharges();
  let port: number;
  let server: DevServer | undefined;
  let stack: Stack;

  const startServer = async () => {
    server = await startDevServer({ cliPath: process.env.TEMPORAL_CLI_PATH, port, uiPort: port + 1, dbFile, headless: true });
  };

  beforeAll(async () => {
    port = await freePort();
    await startServer();
    stack = await startStack(
      { ...QUIET_LOGS, TEMPORAL_ADDRESS: server!.address, OFFER_EXPIRES_AFTER: OFFER_EXPIRES, PROPOSAL_REMINDER_AFTER: REMINDER },
      { worker: { interceptors: { activity: [gate.factory] } } },
    );
  }, 120_000);
  afterAll(async () => {
    tally.write();
    gate.release();
    await stack?.close();
    await server?.stop();
    rmSync(dirname(dbFile), { recursive: true, force: true });
  });

  it('every hire completes after the restart; each timer fired once; each charge happened once', async () => {
    const client = await createAccount(stack, 'client');
    const job = await createJob(stack, client, { connectsCost: 2, openings: 1 });
    const spare = await createJob(stack, client, { connectsCost: 2, title: 'Drafts left waiting' });

    const drafts: { freelancer: Actor; proposalId: string }[] = [];
    for (let i = 0; i < 4; i += 1) {
      const freelancer = await createFreelancer(stack, 4);
      drafts.push({ freelancer, proposalId: await apply(stack, freelancer, spare.id) });
    }
    const offered: (Candidate & { offerId: string })[] = [];
    for (let i = 0; i < 4; i += 1) {
      const candidate = await submittedCandidate(stack, job.id, 4);
      offered.push({ ...candidate, offerId: (await makeOffer(stack, client, candidate.proposalId)).id });
    }
    const inFlight: { freelancer: Actor; proposalId: string }[] = [];
    for (let i = 0; i < 3; i += 1) {
      const freelancer = await createFreelancer(stack, 4);
      const proposalId = await apply(stack, freelancer, job.id);
      gate.held.add(proposalId);
      inFlight.push({ freelancer, proposalId });
    }
    const whileDown: { freelancer: Actor; proposalId: string }[] = [];
    for (let i = 0; i < 3; i += 1) {
      const freelancer = await createFreelancer(stack, 4);
      whileDown.push({ freelancer, proposalId: await apply(stack, freelancer, job.id) });
    }
    tally.hire(drafts.length + offered.length + inFlight.length + whileDown.length);

    // Submissions whose charge is running when the server goes away.
    const inFlightCalls = inFlight.map((h) => postUntilAnswered(stack.http, `/v1/proposals/${h.proposalId}/submit`, h.freelancer.token, { bid: BID }));
    await eventually(async () => gate.started(), (n) => n === inFlight.length);

    await server!.stop();
    server = undefined;
    const downAt = Date.now();
    tally.fault();
    let firstAnswers: HttpResponse[] = [];
    let whileDownCalls: ReturnType<typeof postUntilAnswered>[] = [];
    try {
      gate.release();
      // What a client sees while Temporal is away: a 503 within the client's retry budget, never a 500 or a hang.
      const started = Date.now();
      firstAnswers = await Promise.all(
        whileDown.map((h) => stack.http.post(`/v1/proposals/${h.proposalId}/submit`, h.freelancer.token, { bid: BID }, { 'idempotency-key': `down-${h.proposalId}` })),
      );
      expect(Date.now() - started).toBeLessThan(ANSWER_WITHIN_MS);
      const reads = await Promise.all(offered.map((c) => stack.http.get(`/v1/proposals/${c.proposalId}`, c.freelancer.token)));
      const ready = await stack.http.get('/health/ready');
      expect({ ready: ready.body.temporal, writes: firstAnswers.map((r) => [r.status, r.body?.error?.code]), reads: reads.map((r) => r.status) }).toEqual({
        ready: 'down',
        writes: whileDown.map(() => [503, 'unavailable']),
        reads: offered.map(() => 503),
      });
      // The same requests, repeated with the same keys until they are answered.
      whileDownCalls = whileDown.map((h) =>
        postUntilAnswered(stack.http, `/v1/proposals/${h.proposalId}/submit`, h.freelancer.token, { bid: BID }, { key: `down-${h.proposalId}`, pauseMs: 1_000 }),
      );
      await new Promise((resolve) => setTimeout(resolve, Math.max(0, DOWN_MS - (Date.now() - downAt))));
    } finally {
      await startServer();
    }

    for (const call of [...(await Promise.all(inFlightCalls)), ...(await Promise.all(whileDownCalls))]) {
      const seen = call.attempts.map((a) => `${a.status} ${a.body?.error?.message ?? ''}`.trim());
      expect({ seen, body: call.final.body }).toEqual({ seen: [...seen.slice(0, -1), '200'], body: expect.objectContaining({ stage: 'submitted', connectsCharged: 2 }) });
    }
    for (const h of [...inFlight, ...whileDown]) {
      expect((await ledgerOf(stack, h.freelancer.id)).filter((row) => row.kind === 'charge')).toHaveLength(1);
    }

    // Timers that fell due while the server was away fired after it came back, once each.
    for (const d of drafts) {
      const reminders = await eventually(() => outboxOf(stack, d.freelancer.id, 'proposal.reminder'), (rows) => rows.length >= 1, 60_000);
      expect(reminders.map((r) => r.payload)).toEqual([expect.objectContaining({ proposalId: d.proposalId, stage: 'draft', waitingOn: 'freelancer' })]);
      expect(await ledgerOf(stack, d.freelancer.id)).toEqual([expect.objectContaining({ kind: 'purchase' })]);
    }
    for (const c of offered) {
      await eventually(() => sql<{ status: string }>(stack, 'select status from offers where id = ?', [c.offerId]), ([row]) => row?.status === 'expired', 60_000);
      const expiries = await outboxOf(stack, c.freelancer.id, 'offer.expired');
      expect(expiries.map((e) => e.payload.offerId)).toEqual([c.offerId]);
    }
    expect((await outboxOf(stack, client.id, 'offer.expired')).map((e) => e.payload.offerId).sort()).toEqual(offered.map((c) => c.offerId).sort());
    // One reminder per wait, whoever was waited on.
    const perWait = await sql<{ wait: string; n: number }>(
      stack,
      `select payload->>'proposalId' || ' ' || (payload->>'waitingSince') as wait, count(*)::int as n from events where type = 'proposal.reminder' group by 1`,
    );
    expect(perWait.length).toBeGreaterThanOrEqual(drafts.length);
    expect(perWait.filter((w) => w.n !== 1)).toEqual([]);

    // And the hire completes: an offer accepted fills the job and closes every other proposal.
    const winner = offered[0]!;
    const offer = await makeOffer(stack, client, winner.proposalId);
    const accepted = await stack.http.post(`/v1/offers/${offer.id}/accept`, winner.freelancer.token);
    expect(accepted.status).toBe(200);
    await eventually(
      () => sql<{ stage: string; n: number }>(stack, 'select stage, count(*)::int as n from proposals where job_id = ? group by stage order by stage', [job.id]),
      (rows) => JSON.stringify(rows) === JSON.stringify([{ stage: 'closed', n: 9 }, { stage: 'hired', n: 1 }]),
      60_000,
    );
  }, 240_000);

  it('every invariant holds afterwards', async () => {
    tally.violations = await checkInvariants(stack, { settleMs: 60_000 });
    expect(tally.violations).toEqual([]);
  }, 120_000);
});

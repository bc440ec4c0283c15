import { QUIET_LOGS } from './support/quiet-runtime.js';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { MikroORM } from '@mikro-orm/postgresql';
import { migrate } from '../../libs/db/orm.js';
import { startEmbeddedPostgres, type EmbeddedDatabase } from '../../scripts/embedded-postgres.js';
import { cancelJobUpdate, submitUpdate } from '../../workflows/messages.js';
import { startStack, type Stack } from '../support/harness.js';
import { apply, BID, createAccount, createFreelancer, createJob, type Actor } from '../support/factories.js';
import { eventually, type HttpResponse } from '../support/http.js';
import { makeOffer, sql, submittedCandidate, type Candidate } from '../support/lifecycle.js';
import { freePort } from '../../libs/net/free-port.js';
import { freezePostgres } from './support/freeze.js';
import { postUntilAnswered } from './support/hires.js';
import { checkInvariants } from './support/invariants.js';
import { ScenarioTally } from './support/tally.js';

/** The fault lasts this long on purpose: long enough for activities to exhaust quick retries and for offers to expire meanwhile. */
const OUTAGE_MS = 25_000;
/** No request may take longer than this to answer while PostgreSQL is away. */
const ANSWER_WITHIN_MS = 10_000;
/** A frozen server hangs every query; long enough for each bounded wait below to run out. */
const FREEZE_MS = 15_000;
/** The waits this deployment allows itself, and the longest a request may hang on a frozen server. */
const CONNECT_TIMEOUT_MS = 3_000;
const STATEMENT_TIMEOUT_MS = 4_000;
const HANG_BOUND_MS = CONNECT_TIMEOUT_MS + STATEMENT_TIMEOUT_MS + 5_000 + 2_000;

/** Connections a pool has handed out and not had back; an idle process has none. */
async function checkedOut(orm: MikroORM): Promise<number> {
  const pool = (await orm.driver.getConnection().getNativeClient()) as unknown as { totalCount: number; idleCount: number };
  return pool.totalCount - pool.idleCount;
}

/**
 * Scenario 3: PostgreSQL (an embedded one of this test's own, never the shared server) stops
 * for 25 s while hires are in flight: submissions and a cancellation sent to their workflows,
 * offers whose expiry falls inside the outage. The API answers 503 in the error shape, quickly,
 * to reads and writes that need the database; activities retry and succeed once it is back;
 * read models converge to the workflows. Then it hangs instead (frozen with SIGSTOP, so
 * connections are accepted and never answered) for 15 s: the bounded waits of the database
 * pool turn every request into a 503 within them, and repeated submissions go through after.
 */
describe('scenario 3: PostgreSQL is unavailable for 25 s, then hangs for 15 s', () => {
  const tally = new ScenarioTally(3, 'PostgreSQL down 25 s, then frozen 15 s');
  const parent = mkdtempSync(join(tmpdir(), 'hireflow-faults-pg-'));
  // PostgreSQL runs as its own system user when the tests run as root; it must reach the folder.
  chmodSync(parent, 0o755);
  const dir = join(parent, 'postgres');
  let port: number;
  let database: EmbeddedDatabase | undefined;
  let stack: Stack;

  beforeAll(async () => {
    port = await freePort();
    database = await startEmbeddedPostgres(dir, port);
    await migrate({ url: database.url });
    // Offers made just before the outage expire in the middle of it.
    stack = await startStack({
      ...QUIET_LOGS,
      DATABASE_URL: database.url,
      OFFER_EXPIRES_AFTER: '10s',
      DATABASE_CONNECT_TIMEOUT: `${CONNECT_TIMEOUT_MS}ms`,
      DATABASE_STATEMENT_TIMEOUT: `${STATEMENT_TIMEOUT_MS}ms`,
    });
  }, 120_000);
  afterAll(async () => {
    tally.write();
    await stack?.close();
    await database?.stop();
    rmSync(parent, { recursive: true, force: true });
  });

  it('answers 503 quickly while it is down; in-flight hires finish once it is back, each charged and refunded once', async () => {
    const client = await createAccount(stack, 'client');
    const drafting = await createJob(stack, client, { connectsCost: 2, title: 'Submitted during the outage' });
    const offering = await createJob(stack, client, { connectsCost: 1, title: 'Offers expire during the outage', openings: 3 });
    const cancelling = await createJob(stack, client, { connectsCost: 3, title: 'Cancelled during the outage' });
    const drafts: { freelancer: Actor; proposalId: string; workflowId: string }[] = [];
    for (let i = 0; i < 5; i += 1) {
      const freelancer = await createFreelancer(stack, 5);
      const proposalId = await apply(stack, freelancer, drafting.id);
      drafts.push({ freelancer, proposalId, workflowId: `proposal/${drafting.id}/${freelancer.id}` });
    }
    const offered: Candidate[] = [];
    for (let i = 0; i < 3; i += 1) offered.push(await submittedCandidate(stack, offering.id, 5));
    const toRefund: Candidate[] = [];
    for (let i = 0; i < 4; i += 1) toRefund.push(await submittedCandidate(stack, cancelling.id, 5));
    tally.hire(drafts.length + offered.length + toRefund.length);
    for (const candidate of offered) await makeOffer(stack, client, candidate.proposalId);

    const someFreelancer = drafts[0]!.freelancer;
    const probes: [string, () => Promise<HttpResponse>][] = [
      ['GET /v1/connects', () => stack.http.get('/v1/connects', someFreelancer.token)],
      ['GET /v1/proposals/:id', () => stack.http.get(`/v1/proposals/${offered[0]!.proposalId}`, offered[0]!.freelancer.token)],
      ['GET /v1/jobs/:id', () => stack.http.get(`/v1/jobs/${drafting.id}`, client.token)],
      ['GET /v1/jobs/:id/proposals', () => stack.http.get(`/v1/jobs/${offering.id}/proposals`, client.token)],
      ['POST /v1/connects/purchases', () => stack.http.post('/v1/connects/purchases', someFreelancer.token, { quantity: 5 })],
      ['POST /v1/jobs', () => stack.http.post('/v1/jobs', client.token, { title: 'Posted during the outage', description: 'Should wait.', skills: ['react'], connectsCost: 1 })],
      ['POST /v1/jobs/:id/proposals', () => stack.http.post(`/v1/jobs/${offering.id}/proposals`, someFreelancer.token)],
      ['POST /v1/proposals/:id/submit', () => stack.http.post(`/v1/proposals/${drafts[1]!.proposalId}/submit`, drafts[1]!.freelancer.token, { bid: BID })],
      ['POST with an Idempotency-Key', () => stack.http.post('/v1/connects/purchases', someFreelancer.token, { quantity: 5 }, { 'idempotency-key': randomUUID() })],
    ];
    const probeAll = async () => {
      const answers: Record<string, { status: number; code?: string; retryAfter: string | null; ms: number }> = {};
      for (const [name, probe] of probes) {
        const started = Date.now();
        const res = await probe();
        answers[name] = { status: res.status, code: res.body?.error?.code, retryAfter: res.headers.get('retry-after'), ms: Date.now() - started };
      }
      return answers;
    };

    await database!.stop();
    database = undefined;
    const downAt = Date.now();
    tally.fault();
    const restart = async () => {
      database ??= await startEmbeddedPostgres(dir, port);
    };
    // Hires already past the API's own reads: their workflows get the updates now and wait for the ledger.
    const submits = drafts.map((d) =>
      stack.temporal.workflow.getHandle(d.workflowId).executeUpdate(submitUpdate, { args: [{ bid: BID }], updateId: `outage-submit-${d.proposalId}` }),
    );
    const cancel = stack.temporal.workflow.getHandle(`job/${cancelling.id}`).executeUpdate(cancelJobUpdate, { args: [{ by: 'client' }] });
    try {
      for (let round = 0; round < 2; round += 1) {
        const answers = await probeAll();
        for (const [name, answer] of Object.entries(answers)) {
          expect({ name, ...answer, ms: answer.ms <= ANSWER_WITHIN_MS }).toEqual({ name, status: 503, code: 'unavailable', retryAfter: '5', ms: true });
        }
        const ready = await stack.http.get('/health/ready');
        expect(ready.status).toBe(503);
        expect(ready.body).toMatchObject({ postgres: 'down' });
      }
      expect(Date.now() - downAt).toBeLessThan(OUTAGE_MS);
      await new Promise((resolve) => setTimeout(resolve, OUTAGE_MS - (Date.now() - downAt)));
    } finally {
      await restart();
    }
    await eventually(() => stack.http.get('/health/ready'), (res) => res.status === 200, 30_000);

    const submitted = await Promise.all(submits);
    expect(submitted.map((view) => [view.stage, view.connectsCharged])).toEqual(drafts.map(() => ['submitted', 2]));
    const cancelled = await cancel;
    expect(cancelled.status).toBe('cancelled');
    await eventually(
      () => sql<{ stage: string; connects_refunded: number }>(stack, 'select stage, connects_refunded from proposals where job_id = ?', [cancelling.id]),
      (rows) => rows.length === 4 && rows.every((r) => r.stage === 'closed' && r.connects_refunded === 3),
      60_000,
    );
    await eventually(
      () => sql<{ status: string }>(stack, 'select o.status from offers o join proposals p on p.id = o.proposal_id where p.job_id = ?', [offering.id]),
      (rows) => rows.length === 3 && rows.every((r) => r.status === 'expired'),
      60_000,
    );
    // The API is itself again.
    expect((await stack.http.get('/v1/connects', drafts[0]!.freelancer.token)).body.balance).toBe(3);
    expect((await stack.http.get(`/v1/proposals/${drafts[2]!.proposalId}`, drafts[2]!.freelancer.token)).body.stage).toBe('submitted');
  }, 240_000);

  it('answers 503 within its bounds while PostgreSQL hangs (frozen, not refusing); repeated submissions then go through once', async () => {
    const client = await createAccount(stack, 'client');
    const job = await createJob(stack, client, { connectsCost: 2, title: 'Submitted while the database hangs' });
    const hires = await Promise.all(
      [0, 1, 2].map(async () => {
        const freelancer = await createFreelancer(stack, 2);
        return { freelancer, proposalId: await apply(stack, freelancer, job.id) };
      }),
    );
    tally.hire(hires.length);
    const submitPath = (proposalId: string) => `/v1/proposals/${proposalId}/submit`;
    const timed = async (name: string, call: () => Promise<HttpResponse>) => {
      const started = Date.now();
      const res = await call();
      return { name, status: res.status, code: res.body?.error?.code, withinBound: Date.now() - started <= HANG_BOUND_MS };
    };

    const frozen = freezePostgres(dir);
    const frozenAt = Date.now();
    tally.fault();
    let answers: Awaited<ReturnType<typeof timed>>[];
    try {
      answers = await Promise.all([
        timed('GET /v1/connects', () => stack.http.get('/v1/connects', hires[0]!.freelancer.token)),
        timed('GET /v1/jobs/:id', () => stack.http.get(`/v1/jobs/${job.id}`, client.token)),
        timed('GET /v1/jobs/:id/proposals', () => stack.http.get(`/v1/jobs/${job.id}/proposals`, client.token)),
        timed('POST /v1/connects/purchases', () => stack.http.post('/v1/connects/purchases', hires[1]!.freelancer.token, { quantity: 5 })),
        ...hires.map((h) =>
          timed('POST /v1/proposals/:id/submit', () => stack.http.post(submitPath(h.proposalId), h.freelancer.token, { bid: BID }, { 'idempotency-key': `frozen-${h.proposalId}` })),
        ),
      ]);
      await new Promise((resolve) => setTimeout(resolve, Math.max(0, FREEZE_MS - (Date.now() - frozenAt))));
    } finally {
      frozen.thaw();
    }
    for (const answer of answers) expect(answer).toEqual({ name: answer.name, status: 503, code: 'unavailable', withinBound: true });

    for (const h of hires) {
      const call = await postUntilAnswered(stack.http, submitPath(h.proposalId), h.freelancer.token, { bid: BID }, { key: `frozen-${h.proposalId}`, deadlineMs: 60_000 });
      expect({ status: call.final.status, stage: call.final.body?.stage }).toEqual({ status: 200, stage: 'submitted' });
      expect((await stack.http.get('/v1/connects', h.freelancer.token)).body.balance).toBe(0);
    }
    // Statements that hung include transaction starts; none of their connections stays lost to the pools.
    expect(await eventually(() => checkedOut(stack.api.get(MikroORM)), (n) => n === 0)).toBe(0);
    expect(await eventually(() => checkedOut(stack.worker.context.get(MikroORM)), (n) => n === 0)).toBe(0);
  }, 120_000);

  it('every invariant holds afterwards', async () => {
    tally.violations = await checkInvariants(stack, { settleMs: 60_000 });
    expect(tally.violations).toEqual([]);
  }, 120_000);
});

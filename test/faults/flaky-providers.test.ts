import { QUIET_LOGS } from './support/quiet-runtime.js';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { seedAccount } from '../support/accounts.js';
import { apply, BID, createAccount, createFreelancer, type Actor } from '../support/factories.js';
import { startFakeOpenAi, type FakeOpenAi } from '../support/fake-openai.js';
import { startFakeTwilio, type FakeTwilio } from '../support/fake-twilio.js';
import { startStack, type Stack } from '../support/harness.js';
import { eventually } from '../support/http.js';
import { ANSWERS, createInterviewJob, getInterview, takeInterview } from '../support/interviews.js';
import { ledgerOf } from '../support/lifecycle.js';
import { startChaosProxy, type ChaosProxy, type ChaosRates } from './support/chaos-proxy.js';
import { postUntilAnswered } from './support/hires.js';
import { checkInvariants } from './support/invariants.js';
import { ScenarioTally } from './support/tally.js';

/** Of every request: 30% a 5xx, 10% a 429 with Retry-After, 5% a 10 s stall, 5% a body cut in half. */
const CHAOS: ChaosRates = { serverError: 0.3, rateLimit: 0.1, stall: 0.05, malformed: 0.05 };
const INTERVIEWS = 10;
/** Said in one interview only: every evaluation request carrying it fails, until ops fix the cause. */
const DOOMED = 'I once rewrote a Fortran billing engine in Rust.';
/** Said in another: the model answers it with JSON cut off mid-document. */
const GARBLED = 'I maintained a COBOL payroll system for a decade.';

/**
 * Scenario 5: Twilio Video and the OpenAI-compatible evaluator (the real SDKs against fakes)
 * sit behind a network that fails, rate-limits, stalls and garbles. Every interview completes
 * and its proposal is submitted and charged once; each evaluation either succeeds or, once
 * its retries are exhausted (or the answer cannot be used), waits for ops as a stuck hire
 * with the reason, and succeeds when ops retry it after the cause is fixed.
 */
describe('scenario 5: Twilio and OpenAI misbehave', () => {
  const tally = new ScenarioTally(5, 'Twilio/OpenAI: 5xx, 429, stalls, bad JSON');
  let twilio: FakeTwilio;
  let openai: FakeOpenAi;
  let twilioProxy: ChaosProxy;
  let openaiProxy: ChaosProxy;
  let stack: Stack;

  beforeAll(async () => {
    twilio = await startFakeTwilio();
    openai = await startFakeOpenAi();
    twilioProxy = await startChaosProxy(twilio.url, { seed: 11 });
    openaiProxy = await startChaosProxy(openai.url, { seed: 17 });
    stack = await startStack({
      ...QUIET_LOGS,
      ...twilio.stackEnv(twilioProxy.url),
      PUBLIC_BASE_URL: 'https://hireflow.example.test',
      OPENAI_API_KEY: 'sk-test',
      OPENAI_BASE_URL: `${openaiProxy.url}/v1`,
      OPENAI_MODEL: 'gpt-test',
      // A stalled evaluation is given up on well before the stall ends, and retried.
      OPENAI_TIMEOUT: '4s',
      INTERVIEW_RECORDING_WAIT: '30s',
    });
  }, 120_000);
  afterAll(async () => {
    tally.faults = twilioProxy.faults() + openaiProxy.faults();
    tally.write();
    await stack?.close();
    await Promise.all([twilioProxy?.close(), openaiProxy?.close(), twilio?.close(), openai?.close()]);
  });

  /** Applies, takes the interview (video, when a room could be made, gets a finished recording) and submits. */
  async function hire(jobId: string, freelancer: Actor, answers: string[]) {
    const proposalId = await apply(stack, freelancer, jobId);
    const session = await takeInterview(stack, freelancer, proposalId, answers);
    const room = session.video ? twilio.rooms.find((r) => r.uniqueName === session.video.room) : undefined;
    if (room) twilio.addRecording(room.sid).status = 'completed';
    const submitted = await postUntilAnswered(stack.http, `/v1/proposals/${proposalId}/submit`, freelancer.token, { bid: BID });
    expect({ status: submitted.final.status, stage: submitted.final.body?.stage }).toEqual({ status: 200, stage: 'submitted' });
    return proposalId;
  }

  const settled = (actor: { token: string }, proposalId: string, timeoutMs: number) =>
    eventually(
      () => getInterview(stack, actor, proposalId),
      (res) => ['evaluated', 'failed'].includes(res.body?.status) && res.body?.recording?.status !== 'pending',
      timeoutMs,
    );

  it('every interview completes and is submitted once; evaluations succeed, or wait for ops with the reason and succeed on retry', async () => {
    const ops = await seedAccount(stack, 'ops');
    const client = await createAccount(stack, 'client');
    const job = await createInterviewJob(stack, client, { connectsCost: 2 });
    const freelancers = await Promise.all(Array.from({ length: INTERVIEWS + 2 }, () => createFreelancer(stack, 4)));
    tally.hire(freelancers.length);

    // One evaluation fails until its retries run out; another gets an answer it cannot use.
    openaiProxy.rules.push({ bodyContains: DOOMED, reply: { status: 503, body: JSON.stringify({ error: { message: 'the model is overloaded', type: 'server_error' } }) } });
    openaiProxy.rules.push({
      bodyContains: GARBLED,
      reply: {
        status: 200,
        body: JSON.stringify({
          id: 'chatcmpl-garbled',
          object: 'chat.completion',
          created: 0,
          model: 'gpt-test',
          choices: [{ index: 0, message: { role: 'assistant', content: '{"summary": "Strong COBOL backgr', refusal: null }, finish_reason: 'length', logprobs: null }],
        }),
      },
    });
    twilioProxy.rates = CHAOS;
    openaiProxy.rates = CHAOS;

    const doomed = hire(job.id, freelancers[0]!, [DOOMED, ...ANSWERS.slice(1)]);
    const garbled = hire(job.id, freelancers[1]!, [GARBLED, ...ANSWERS.slice(1)]);
    const others: string[] = [];
    // Two at a time: the point is the network, not this machine's two cores.
    for (let i = 2; i < freelancers.length; i += 2) {
      others.push(...(await Promise.all(freelancers.slice(i, i + 2).map((f) => hire(job.id, f, ANSWERS)))));
    }
    const [doomedId, garbledId] = await Promise.all([doomed, garbled]);

    // Nothing is charged twice and nothing is lost: each submission cost its 2 Connects once.
    for (const freelancer of freelancers) {
      expect((await ledgerOf(stack, freelancer.id)).map((row) => [row.kind, row.amount])).toEqual([['purchase', 4], ['charge', -2]]);
    }

    // Each of the others is evaluated, or failed for good and shown to ops.
    for (const proposalId of others) {
      const { body } = await settled(ops, proposalId, 180_000);
      if (body.status === 'failed') expect(body.failure).toMatchObject({ stage: 'evaluation', message: expect.any(String) });
      else expect(body.score).not.toBeNull();
    }
    // The garbled answer fails at once; the doomed one after its last retry (about two minutes of backoff).
    const garbledView = (await settled(ops, garbledId, 60_000)).body;
    expect(garbledView).toMatchObject({ status: 'failed', failure: { stage: 'evaluation', code: 'upstream_rejected' } });
    expect(garbledView.failure.message).toContain('does not match the evaluation schema');
    const doomedView = (await settled(ops, doomedId, 240_000)).body;
    expect(doomedView).toMatchObject({ status: 'failed', failure: { stage: 'evaluation' } });
    expect(doomedView.failure.message).toContain('503');
    expect(openaiProxy.counts.rule).toBeGreaterThanOrEqual(9);

    const stuck = await eventually(
      () => stack.http.get('/v1/ops/stuck', ops.token),
      (res) => [doomedView, garbledView].every((v) => res.body.items?.some((item: { workflowId: string }) => item.workflowId === v.workflowId)),
    );
    for (const view of [doomedView, garbledView]) {
      expect(stuck.body.items.find((item: { workflowId: string }) => item.workflowId === view.workflowId)).toMatchObject({
        reason: 'evaluation_failed',
        kind: 'interview',
        explanation: expect.stringContaining('evaluation failed'),
      });
    }

    // Ops fix the cause and retry: the evaluations go through, through the same misbehaving network.
    openaiProxy.rules.splice(0);
    const failedOthers: string[] = [];
    for (const proposalId of others) if ((await getInterview(stack, ops, proposalId)).body.status === 'failed') failedOthers.push(proposalId);
    for (const proposalId of [doomedId, garbledId, ...failedOthers]) {
      const retried = await postUntilAnswered(stack.http, `/v1/ops/proposals/${proposalId}/retry-evaluation`, ops.token, undefined);
      expect(retried.final.status).toBe(200);
    }
    for (const proposalId of [doomedId, garbledId, ...failedOthers]) {
      const { body } = await settled(ops, proposalId, 180_000);
      // Under 50% faults a retried evaluation can fail again; then it is back in the stuck list, never lost.
      if (body.status === 'failed') expect(body.failure).toMatchObject({ stage: 'evaluation' });
      else expect(body.score).not.toBeNull();
    }
    expect(twilioProxy.faults()).toBeGreaterThan(0);
    expect(openaiProxy.counts.serverError + openaiProxy.counts.rateLimit + openaiProxy.counts.stall + openaiProxy.counts.malformed).toBeGreaterThan(0);
  }, 600_000);

  it('every invariant holds afterwards', async () => {
    tally.violations = await checkInvariants(stack, { settleMs: 60_000 });
    expect(tally.violations).toEqual([]);
  }, 120_000);
});

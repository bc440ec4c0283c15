import { QUIET_LOGS } from './support/quiet-runtime.js';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import twilio from 'twilio';
import { jobClosedSignal } from '../../workflows/messages.js';
import { seedAccount } from '../support/accounts.js';
import { apply, BID, createAccount, createFreelancer, createJob, submit, type Actor } from '../support/factories.js';
import { startFakeTwilio, type FakeTwilio } from '../support/fake-twilio.js';
import { startStack, type Stack } from '../support/harness.js';
import { eventually, type HttpResponse } from '../support/http.js';
import { createInterviewJob, getInterview, startInterview, takeInterview } from '../support/interviews.js';
import { getProposal, makeOffer, sql, submittedCandidate } from '../support/lifecycle.js';
import { checkInvariants } from './support/invariants.js';
import { ScenarioTally } from './support/tally.js';

const PUBLIC_BASE_URL = 'https://hireflow.example.test';
const WEBHOOK_URL = `${PUBLIC_BASE_URL}/v1/webhooks/twilio/video`;
const RACES = 3;

/** A fixed shuffle per interview: the same disorder on every run. */
function shuffled<T>(items: T[], seed: number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i -= 1) {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    const j = seed % (i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/** Exactly one of two answers is a success and the other a 409 naming the state; answers which one won. */
function oneWon(a: HttpResponse, b: HttpResponse): 'first' | 'second' {
  expect([a.status, b.status].sort()).toEqual([200, 409].sort());
  const loser = a.status === 409 ? a : b;
  expect(loser.body.error.code).toMatch(/^(wrong_state|job_not_open)$/);
  return a.status === 200 ? 'first' : 'second';
}

/**
 * Scenario 6: what arrives twice or in the wrong order. Twilio's room and recording webhooks
 * are each sent twice, shuffled, some before the interview has even ended and some after its
 * workflow has finished; Updates and Signals that exclude each other are sent at the same
 * instant (accepting an offer while it is withdrawn, withdrawing a proposal while an offer is
 * made, cancelling the job while an offer is accepted, the job's close notice delivered again,
 * the same submission twice). Exactly one outcome wins each race and every view of it agrees.
 */
describe('scenario 6: duplicate and reordered deliveries', () => {
  const tally = new ScenarioTally(6, 'duplicate/reordered webhooks, racing actions');
  let fake: FakeTwilio;
  let stack: Stack;
  let client: Actor;

  beforeAll(async () => {
    fake = await startFakeTwilio();
    stack = await startStack({
      ...QUIET_LOGS,
      ...fake.stackEnv(),
      PUBLIC_BASE_URL,
      INTERVIEW_RECORDING_WAIT: '2m',
    });
    client = await createAccount(stack, 'client');
  }, 120_000);
  afterAll(async () => {
    tally.write();
    await stack?.close();
    await fake?.close();
  });

  const webhook = (params: Record<string, string>) => {
    tally.fault();
    return stack.http.request('POST', '/v1/webhooks/twilio/video', {
      body: new URLSearchParams(params).toString(),
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': twilio.getExpectedTwilioSignature(fake.authToken, WEBHOOK_URL, params) },
    });
  };

  it('room and recording webhooks sent twice and out of order: one recording, available once, every view agreeing', async () => {
    const ops = await seedAccount(stack, 'ops');
    const job = await createInterviewJob(stack, client, { connectsCost: 1 });
    const interviews = await Promise.all(
      [0, 1, 2, 3].map(async (seed) => {
        const freelancer = await createFreelancer(stack, 1);
        const proposalId = await apply(stack, freelancer, job.id);
        const session = await startInterview(stack, freelancer, proposalId);
        const room = fake.rooms.find((r) => r.uniqueName === session.video.room)!;
        const recording = fake.addRecording(room.sid, 'video');
        const event = (name: string) => ({
          AccountSid: fake.accountSid,
          StatusCallbackEvent: name,
          RoomName: room.uniqueName,
          RoomSid: room.sid,
          ...(name.startsWith('recording') ? { RecordingSid: recording.sid } : {}),
          Timestamp: new Date().toISOString(),
        });
        // Every event twice, in an order of their own; half of them before the interview has ended.
        const events = shuffled(['room-ended', 'room-ended', 'recording-started', 'recording-started', 'recording-completed', 'recording-completed'], seed + 1);
        const early = await Promise.all(events.slice(0, 3).map((name) => webhook(event(name))));
        await takeInterview(stack, freelancer, proposalId);
        const late = await Promise.all(events.slice(3).map((name) => webhook(event(name))));
        // Twilio finishes the recording and says so, twice at once.
        recording.status = 'completed';
        const finished = await Promise.all([webhook(event('recording-completed')), webhook(event('recording-completed'))]);
        expect([...early, ...late, ...finished].map((r) => r.status)).toEqual(Array(8).fill(204));
        return { freelancer, proposalId, room, recording, event };
      }),
    );
    tally.hire(interviews.length);

    for (const { freelancer, proposalId, room, recording, event } of interviews) {
      const { body } = await eventually(
        () => getInterview(stack, ops, proposalId),
        (res) => res.body.status === 'evaluated' && res.body.recording?.status === 'available',
        60_000,
      );
      expect(body.recordings).toEqual([expect.objectContaining({ sid: recording.sid, status: 'completed' })]);
      expect(room.status).toBe('completed');
      expect(fake.rooms.filter((r) => r.uniqueName === room.uniqueName)).toHaveLength(1);
      // The interview's workflow has finished: one more late copy changes nothing.
      const workflowId = `interview/${job.id}/${freelancer.id}`;
      await eventually(async () => (await stack.temporal.workflow.getHandle(workflowId).describe()).status.name, (status) => status === 'COMPLETED');
      expect((await webhook(event('recording-completed'))).status).toBe(204);
      expect((await getInterview(stack, ops, proposalId)).body).toMatchObject({ status: 'evaluated', recording: { status: 'available' } });
      expect((await submit(stack, freelancer, proposalId)).status).toBe(200);
    }
  }, 180_000);

  it('accept vs. withdraw of the same offer at the same instant: exactly one wins', async () => {
    const job = await createJob(stack, client, { connectsCost: 2, openings: RACES });
    for (let i = 0; i < RACES; i += 1) {
      const { freelancer, proposalId } = await submittedCandidate(stack, job.id, 2);
      tally.hire();
      const offer = await makeOffer(stack, client, proposalId);
      const [accepted, withdrawn] = await Promise.all([
        stack.http.post(`/v1/offers/${offer.id}/accept`, freelancer.token),
        stack.http.post(`/v1/offers/${offer.id}/withdraw`, client.token),
      ]);
      tally.fault();
      const proposal = await getProposal(stack, freelancer, proposalId);
      const contracts = await sql(stack, 'select id from contracts where proposal_id = ?', [proposalId]);
      if (oneWon(accepted, withdrawn) === 'first') {
        expect({ stage: proposal.stage, offer: proposal.offer.status, contracts: contracts.length }).toEqual({ stage: 'hired', offer: 'accepted', contracts: 1 });
      } else {
        expect({ stage: proposal.stage, offer: proposal.offer.status, contracts: contracts.length }).toEqual({ stage: 'messaged', offer: 'withdrawn', contracts: 0 });
      }
    }
  });

  it('withdrawing a proposal vs. an offer arriving at the same instant: exactly one wins', async () => {
    const job = await createJob(stack, client, { connectsCost: 2, openings: RACES });
    for (let i = 0; i < RACES; i += 1) {
      const { freelancer, proposalId } = await submittedCandidate(stack, job.id, 2);
      tally.hire();
      const [withdrawn, offered] = await Promise.all([
        stack.http.post(`/v1/proposals/${proposalId}/withdraw`, freelancer.token, { reason: 'Found other work' }),
        stack.http.post(`/v1/proposals/${proposalId}/offer`, client.token, { terms: { type: 'fixed', amount: 500, description: 'Build it' } }),
      ]);
      tally.fault();
      // An offer is answered 201; what matters is that only one of the two happened.
      const offeredOk = offered.status === 201;
      expect([withdrawn.status === 200, offeredOk].filter(Boolean)).toHaveLength(1);
      expect((offeredOk ? withdrawn : offered).status).toBe(409);
      const proposal = await getProposal(stack, freelancer, proposalId);
      expect(proposal.stage).toBe(offeredOk ? 'offer_pending' : 'withdrawn');
    }
  });

  it('cancelling the job vs. accepting its offer at the same instant: a contract and no refund, or a refund and no contract', async () => {
    for (let i = 0; i < RACES; i += 1) {
      const job = await createJob(stack, client, { connectsCost: 3 });
      const winner = await submittedCandidate(stack, job.id, 3);
      const bystander = await submittedCandidate(stack, job.id, 3);
      tally.hire(2);
      const offer = await makeOffer(stack, client, winner.proposalId);
      const [cancelled, accepted] = await Promise.all([
        stack.http.post(`/v1/jobs/${job.id}/cancel`, client.token),
        stack.http.post(`/v1/offers/${offer.id}/accept`, winner.freelancer.token),
      ]);
      tally.fault();
      const cancelWon = oneWon(cancelled, accepted) === 'first';
      const closed = await eventually(
        () => sql<{ id: string; stage: string; connects_refunded: number }>(stack, 'select id, stage, connects_refunded from proposals where job_id = ? order by id', [job.id]),
        (rows) => rows.every((r) => ['hired', 'closed'].includes(r.stage)),
      );
      const byId = new Map(closed.map((r) => [r.id, r]));
      const [jobRow] = await sql<{ status: string; hired_count: number }>(stack, 'select status, hired_count from jobs where id = ?', [job.id]);
      if (cancelWon) {
        expect(jobRow).toEqual({ status: 'cancelled', hired_count: 0 });
        expect(byId.get(winner.proposalId)).toMatchObject({ stage: 'closed', connects_refunded: 3 });
        expect(byId.get(bystander.proposalId)).toMatchObject({ stage: 'closed', connects_refunded: 3 });
      } else {
        expect(jobRow).toEqual({ status: 'filled', hired_count: 1 });
        expect(byId.get(winner.proposalId)).toMatchObject({ stage: 'hired', connects_refunded: 0 });
        expect(byId.get(bystander.proposalId)).toMatchObject({ stage: 'closed', connects_refunded: 0 });
      }
    }
  });

  it("the job's close notice delivered again, and the same submission sent twice at once, count once", async () => {
    const job = await createJob(stack, client, { connectsCost: 2 });
    const candidates = await Promise.all([0, 1, 2].map(() => submittedCandidate(stack, job.id, 2)));
    const twice = await createFreelancer(stack, 4);
    const proposalId = await apply(stack, twice, job.id);
    tally.hire(candidates.length + 1);
    const [a, b] = await Promise.all([submit(stack, twice, proposalId, { bid: BID }), submit(stack, twice, proposalId, { bid: BID })]);
    tally.fault();
    oneWon(a, b);
    expect((await stack.http.get('/v1/connects', twice.token)).body.balance).toBe(2);

    expect((await stack.http.post(`/v1/jobs/${job.id}/cancel`, client.token)).status).toBe(200);
    // The close notice again, as a retried batch would send it, while the first one is being handled.
    await Promise.all(
      candidates.map(async (c) => {
        tally.fault();
        await stack.temporal.workflow.getHandle(c.workflowId).signal(jobClosedSignal, { reason: 'cancelled' }).catch((error: Error) => {
          if (error.name !== 'WorkflowNotFoundError') throw error;
        });
      }),
    );
    await eventually(
      () => sql<{ stage: string; connects_refunded: number }>(stack, 'select stage, connects_refunded from proposals where job_id = ?', [job.id]),
      (rows) => rows.length === 4 && rows.every((r) => r.stage === 'closed' && r.connects_refunded === 2),
    );
    const refunds = await sql<{ n: number }>(stack, `select count(*)::int as n from ledger_entries where kind = 'refund' and job_id = ?`, [job.id]);
    expect(refunds[0]!.n).toBe(4);
  });

  it('every invariant holds afterwards', async () => {
    tally.violations = await checkInvariants(stack);
    expect(tally.violations).toEqual([]);
  }, 120_000);
});

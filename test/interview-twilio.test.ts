import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { WorkflowUpdateFailedError } from '@temporalio/client';
import { jwtVerify } from 'jose';
import twilio from 'twilio';
import { retryEvaluationUpdate } from '../workflows/messages.js';
import { seedAccount } from './support/accounts.js';
import { apply, createAccount, createFreelancer, type Actor } from './support/factories.js';
import { startFakeTwilio, type FakeTwilio } from './support/fake-twilio.js';
import { startStack, type Stack } from './support/harness.js';
import { eventually } from './support/http.js';
import { createInterviewJob, getInterview, interviewPath, startInterview, takeInterview } from './support/interviews.js';

const PUBLIC_BASE_URL = 'https://hireflow.example.test';
const WEBHOOK_URL = `${PUBLIC_BASE_URL}/v1/webhooks/twilio/video`;

/** The real `twilio` SDK against a fake Twilio on 127.0.0.1. */
describe('instant interviews on Twilio Video', () => {
  let fake: FakeTwilio;
  let stack: Stack;

  beforeAll(async () => {
    fake = await startFakeTwilio();
    stack = await startStack({
      ...fake.stackEnv(),
      PUBLIC_BASE_URL,
    });
  });
  afterAll(async () => {
    await stack?.close();
    await fake?.close();
  });

  const sendWebhook = (params: Record<string, string>, signature?: string) =>
    stack.http.request('POST', '/v1/webhooks/twilio/video', {
      body: new URLSearchParams(params).toString(),
      headers: { 'content-type': 'application/x-www-form-urlencoded', ...(signature ? { 'x-twilio-signature': signature } : {}) },
    });
  const sign = (params: Record<string, string>, url = WEBHOOK_URL, token = fake.authToken) =>
    twilio.getExpectedTwilioSignature(token, url, params);
  const signalsReceived = async (workflowId: string) => {
    const history = await stack.temporal.workflow.getHandle(workflowId).fetchHistory();
    return (history.events ?? []).filter((e) => e.workflowExecutionSignaledEventAttributes).length;
  };

  async function interviewing(): Promise<{ freelancer: Actor; proposalId: string; jobId: string }> {
    const client = await createAccount(stack, 'client');
    const freelancer = await createFreelancer(stack, 10);
    const job = await createInterviewJob(stack, client);
    return { freelancer, proposalId: await apply(stack, freelancer, job.id), jobId: job.id };
  }

  it('creates one recorded room with a status callback even when the first attempt is retried; the token grants only that room', async () => {
    const { freelancer, proposalId, jobId } = await interviewing();
    const roomName = `interview_${jobId}_${freelancer.id}`;
    // Twilio creates the room but the answer is lost: the activity fails and is retried.
    fake.nextCreate = 'after-create';

    const session = await startInterview(stack, freelancer, proposalId);
    expect(session.video).toMatchObject({ provider: 'twilio', room: roomName });
    const created = fake.rooms.filter((r) => r.uniqueName === roomName);
    expect(created).toHaveLength(1);
    expect(fake.count('POST', /^\/v1\/Rooms$/)).toBe(1);
    expect(fake.count('GET', new RegExp(`^/v1/Rooms/${roomName}$`))).toBe(2);
    expect(created[0]!.params).toMatchObject({
      UniqueName: roomName,
      Type: 'group',
      RecordParticipantsOnConnect: 'true',
      StatusCallback: WEBHOOK_URL,
      StatusCallbackMethod: 'POST',
    });

    const { payload } = await jwtVerify(session.video.token, new TextEncoder().encode(fake.apiKeySecret));
    expect(payload).toMatchObject({ iss: fake.apiKeySid, sub: fake.accountSid });
    expect(payload.grants).toEqual({ identity: freelancer.id, video: { room: roomName } });
    expect(payload.exp! - payload.iat!).toBe(stack.config.video.tokenTtlSeconds);

    // Rejoining mints a new token for the same room; no room is created.
    const rejoined = await startInterview(stack, freelancer, proposalId);
    expect(rejoined.video.room).toBe(roomName);
    expect(fake.rooms.filter((r) => r.uniqueName === roomName)).toHaveLength(1);
  });

  it('a room Twilio refuses (400) is not retried: the interview goes on without video', async () => {
    const { freelancer, proposalId } = await interviewing();
    const before = fake.count('POST', /^\/v1\/Rooms$/);
    fake.nextCreate = 'reject';

    const session = await startInterview(stack, freelancer, proposalId);
    expect(session).toMatchObject({ status: 'started', currentQuestion: 0, video: null });
    expect(fake.count('POST', /^\/v1\/Rooms$/)).toBe(before + 1);
    const stored = await getInterview(stack, freelancer, proposalId);
    expect(stored.body).toMatchObject({ status: 'started', video: { status: 'unavailable' }, recording: { status: 'none' } });
  });

  it('the room is completed with the interview; a signed webhook advances it, an unsigned or wrongly signed one is a 403 and changes nothing', async () => {
    const { freelancer, proposalId } = await interviewing();
    await startInterview(stack, freelancer, proposalId);
    const room = fake.rooms.at(-1)!;
    const recording = fake.addRecording(room.sid, 'video');
    await takeInterview(stack, freelancer, proposalId);

    await eventually(async () => room.status, (status) => status === 'completed');
    const pending = await eventually(
      () => getInterview(stack, freelancer, proposalId),
      (res) => res.body.recording?.status === 'pending' && res.body.status === 'evaluated',
    );
    expect(pending.body.recording.url).toBeNull();
    const workflowId = `interview/${pending.body.jobId}/${freelancer.id}`;
    const listsBefore = fake.count('GET', new RegExp(`^/v1/Rooms/${room.sid}/Recordings$`));
    expect(listsBefore).toBeGreaterThanOrEqual(1);
    expect(await signalsReceived(workflowId)).toBe(0);
    // Still waiting for the recording, the interview refuses to re-run an evaluation that succeeded.
    const retry = await stack.temporal.workflow.getHandle(workflowId).executeUpdate(retryEvaluationUpdate).catch((error: unknown) => error);
    expect(retry).toBeInstanceOf(WorkflowUpdateFailedError);
    expect((retry as WorkflowUpdateFailedError).cause?.message).toContain('only a failed evaluation can be retried; the interview is evaluated');

    recording.status = 'completed';
    const event = {
      AccountSid: fake.accountSid,
      StatusCallbackEvent: 'recording-completed',
      RoomName: room.uniqueName,
      RoomSid: room.sid,
      RecordingSid: recording.sid,
      Timestamp: new Date().toISOString(),
    };
    const refusals = [
      await sendWebhook(event),
      await sendWebhook(event, 'bm90LWEtc2lnbmF0dXJl'),
      await sendWebhook(event, sign(event, 'https://elsewhere.example.test/v1/webhooks/twilio/video')),
      await sendWebhook(event, sign(event, WEBHOOK_URL, randomBytes(16).toString('hex'))),
      await sendWebhook({ ...event, RecordingSid: 'RTforged' }, sign(event)),
    ];
    expect(refusals.map((r) => r.status)).toEqual([403, 403, 403, 403, 403]);
    expect(refusals[0]!.body.error.code).toBe('forbidden');
    expect(await signalsReceived(workflowId)).toBe(0);
    expect((await getInterview(stack, freelancer, proposalId)).body.recording.status).toBe('pending');

    const accepted = await sendWebhook(event, sign(event));
    expect(accepted.status).toBe(204);
    expect(await signalsReceived(workflowId)).toBe(1);
    const available = await eventually(
      () => getInterview(stack, freelancer, proposalId),
      (res) => res.body.recording.status === 'available',
    );
    expect(available.body.recording.url).toBe(interviewPath(proposalId, 'recording'));
    const opsView = await getInterview(stack, await seedAccount(stack, 'ops'), proposalId);
    expect(opsView.body.recordings).toEqual([
      { sid: recording.sid, kind: 'video', status: 'completed', durationSeconds: 42, mediaUrl: `https://video.twilio.com/v1/Recordings/${recording.sid}/Media` },
    ]);

    const media = await fetch(`${stack.http.baseUrl}${available.body.recording.url}`, {
      headers: { authorization: `Bearer ${freelancer.token}` },
      redirect: 'manual',
    });
    expect(media.status).toBe(302);
    expect(media.headers.get('location')).toBe(`${fake.url}/media/${recording.sid}.mkv`);
  });

  it('a signed event for a room that is not an interview is accepted and ignored', async () => {
    const event = { StatusCallbackEvent: 'room-ended', RoomName: 'call_something_else', RoomSid: 'RM0000' };
    const res = await sendWebhook(event, sign(event));
    expect(res.status).toBe(204);
  });
});

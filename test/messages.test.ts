import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { decodeJwt } from 'jose';
import { seedAccount } from './support/accounts.js';
import { apply, createAccount, createFreelancer, createJob, type Actor } from './support/factories.js';
import { startStack, type Stack } from './support/harness.js';
import { eventually } from './support/http.js';
import { hireInProgress, outboxOf, sql, stageOf } from './support/lifecycle.js';

const SLOW = 60_000;

describe('message threads', () => {
  let stack: Stack;
  let ops: Awaited<ReturnType<typeof seedAccount<'ops'>>>;

  beforeAll(async () => {
    stack = await startStack({ MESSAGE_REMINDER_AFTER: '1s', MESSAGE_REMINDER_SWEEP_EVERY: '1s' });
    ops = await seedAccount(stack, 'ops');
  }, SLOW);
  afterAll(() => stack?.close());

  const post = (actor: { token: string }, proposalId: string, body: unknown) =>
    stack.http.post(`/v1/proposals/${proposalId}/messages`, actor.token, body);
  const thread = (actor: { token: string }, proposalId: string, query = '') =>
    stack.http.get(`/v1/proposals/${proposalId}/messages${query}`, actor.token);

  async function posted(actor: Actor, proposalId: string, body: string): Promise<string> {
    const res = await post(actor, proposalId, { body });
    if (res.status !== 201) throw new Error(`message refused: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body.id;
  }

  /** The workflow's history length once it has nothing left to do. */
  async function settledHistoryLength(workflowId: string): Promise<number> {
    const handle = stack.temporal.workflow.getHandle(workflowId);
    const described = await eventually(
      () => handle.describe(),
      (d) => !d.raw.pendingWorkflowTask && (d.raw.pendingActivities ?? []).length === 0,
    );
    return described.historyLength;
  }

  it('the client opens the conversation: the freelancer cannot write first; the first client message moves the stage', async () => {
    const { client, freelancer, proposalId } = await hireInProgress(stack);

    const early = await post(freelancer, proposalId, { body: 'Hi! Any questions about my proposal?' });
    expect(early.status).toBe(409);
    expect(early.body.error).toMatchObject({ code: 'wrong_state' });
    expect(early.body.error.message).toContain('the client opens the conversation');

    const first = await post(client, proposalId, { body: 'Hello, can we talk about the timeline?' });
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({
      proposalId,
      senderId: client.id,
      recipientId: freelancer.id,
      body: 'Hello, can we talk about the timeline?',
      readAt: null,
    });
    await stageOf(stack, freelancer, proposalId, 'messaged');

    const reply = await post(freelancer, proposalId, { body: 'Sure, two weeks works for me.' });
    expect(reply.status).toBe(201);

    const seen = await thread(client, proposalId);
    expect(seen.status).toBe(200);
    expect(seen.body.items.map((m: { id: string }) => m.id)).toEqual([reply.body.id, first.body.id]);
    expect(seen.body).toMatchObject({ nextCursor: null, unreadCount: 1 });

    const [created] = await outboxOf(stack, freelancer.id, 'message.created');
    expect(created!.payload).toMatchObject({ proposalId, messageId: first.body.id, senderId: client.id, body: 'Hello, can we talk about the timeline?' });
    expect(await outboxOf(stack, client.id, 'message.created')).toHaveLength(1);
  }, SLOW);

  it("only the proposal's freelancer and the job's client may read or write its thread", async () => {
    const { client, freelancer, proposalId } = await hireInProgress(stack);
    await posted(client, proposalId, 'Welcome aboard?');
    const stranger = await createFreelancer(stack);
    const otherClient = await createAccount(stack, 'client');

    for (const outsider of [stranger, otherClient]) {
      expect((await thread(outsider, proposalId)).status).toBe(403);
      const write = await post(outsider, proposalId, { body: 'hello' });
      expect(write.status).toBe(403);
      expect(write.body.error.code).toBe('forbidden');
    }
    expect((await thread(ops, proposalId)).status).toBe(403);

    // A draft belongs to its freelancer alone: the client cannot even see it, and nobody can write yet.
    const job = await createJob(stack, client);
    const draft = await apply(stack, freelancer, job.id);
    expect((await thread(client, draft)).status).toBe(404);
    const tooEarly = await post(freelancer, draft, { body: 'hello' });
    expect(tooEarly.status).toBe(409);
    expect(tooEarly.body.error.message).toBe('cannot message: the proposal is draft');
  }, SLOW);

  it('bad input is a 400 naming the field, an unknown proposal a 404', async () => {
    const { client, proposalId } = await hireInProgress(stack);
    const empty = await post(client, proposalId, {});
    expect(empty.status).toBe(400);
    expect(empty.body.error.message).toContain('body');
    expect((await post(client, proposalId, { body: '   ' })).status).toBe(400);
    expect((await post(client, proposalId, { body: 'x'.repeat(10_001) })).status).toBe(400);

    const badCursor = await thread(client, proposalId, '?after=not-a-uuid');
    expect(badCursor.status).toBe(400);
    expect(badCursor.body.error.message).toContain('after');
    const foreignCursor = await thread(client, proposalId, '?after=8d3c1f7e-3b7a-4f57-9b0a-5c6a2b9d1e11');
    expect(foreignCursor.status).toBe(400);
    expect(foreignCursor.body.error.message).toContain('after');

    expect((await post(client, '8d3c1f7e-3b7a-4f57-9b0a-5c6a2b9d1e11', { body: 'hi' })).status).toBe(404);
  }, SLOW);

  it('read receipts: the recipient marks messages read up to one, the sender sees when', async () => {
    const { client, freelancer, proposalId } = await hireInProgress(stack);
    const ids = [];
    for (const body of ['one', 'two', 'three']) ids.push(await posted(client, proposalId, body));
    expect((await thread(freelancer, proposalId)).body.unreadCount).toBe(3);

    const read = await stack.http.post(`/v1/proposals/${proposalId}/messages/read`, freelancer.token, { upTo: ids[1] });
    expect(read.status).toBe(200);
    expect(read.body).toMatchObject({ read: 2, upToMessageId: ids[1] });
    expect((await thread(freelancer, proposalId)).body.unreadCount).toBe(1);

    const asSender = (await thread(client, proposalId)).body.items as { id: string; readAt: string | null }[];
    expect(asSender.map((m) => [m.id, m.readAt !== null])).toEqual([[ids[2], false], [ids[1], true], [ids[0], true]]);
    const [receipt] = await outboxOf(stack, client.id, 'message.read');
    expect(receipt!.payload).toMatchObject({ proposalId, readerId: freelancer.id, upToMessageId: ids[1] });

    // The client's own messages are not the client's to mark read.
    expect((await stack.http.post(`/v1/proposals/${proposalId}/messages/read`, client.token)).body.read).toBe(0);
    const rest = await stack.http.post(`/v1/proposals/${proposalId}/messages/read`, freelancer.token);
    expect(rest.body).toMatchObject({ read: 1, upToMessageId: ids[2] });
    expect((await stack.http.post(`/v1/proposals/${proposalId}/messages/read`, freelancer.token)).body).toEqual({ read: 0, upToMessageId: null, readAt: null });
  }, SLOW);

  it("a participant flags the other party's message once; ops see the flag", async () => {
    const { client, freelancer, proposalId } = await hireInProgress(stack);
    const messageId = await posted(client, proposalId, 'Send me your portfolio please');
    const stranger = await createFreelancer(stack);

    const flag = await stack.http.post(`/v1/messages/${messageId}/flag`, freelancer.token, { reason: 'asks for work outside the job' });
    expect(flag.status).toBe(201);
    expect(flag.body).toMatchObject({ messageId, reason: 'asks for work outside the job' });
    expect((await stack.http.post(`/v1/messages/${messageId}/flag`, freelancer.token, { reason: 'again' })).status).toBe(409);
    expect((await stack.http.post(`/v1/messages/${messageId}/flag`, client.token, { reason: 'mine' })).status).toBe(422);
    expect((await stack.http.post(`/v1/messages/${messageId}/flag`, stranger.token, { reason: 'nosy' })).status).toBe(403);
    expect((await stack.http.post(`/v1/messages/${messageId}/flag`, freelancer.token, {})).status).toBe(400);

    const flags = await stack.http.get('/v1/ops/flags', ops.token);
    expect(flags.status).toBe(200);
    expect(flags.body.items).toContainEqual(
      expect.objectContaining({
        id: flag.body.id,
        subjectType: 'message',
        subjectId: messageId,
        proposalId,
        reporterId: freelancer.id,
        automatic: false,
        excerpt: 'Send me your portfolio please',
      }),
    );
    expect((await stack.http.get('/v1/ops/flags', freelancer.token)).status).toBe(403);
  }, SLOW);

  it('a call gives each caller a short-lived token to the same room and tells the other party', async () => {
    const { client, freelancer, proposalId } = await hireInProgress(stack);
    expect((await stack.http.post(`/v1/proposals/${proposalId}/calls`, freelancer.token)).status).toBe(409);
    await posted(client, proposalId, 'Can we have a quick call?');

    const byClient = await stack.http.post(`/v1/proposals/${proposalId}/calls`, client.token);
    expect(byClient.status).toBe(201);
    expect(byClient.body).toMatchObject({ provider: 'local', room: `call-${proposalId}` });
    const byFreelancer = await stack.http.post(`/v1/proposals/${proposalId}/calls`, freelancer.token);
    expect(byFreelancer.body.room).toBe(byClient.body.room);

    const clientToken = decodeJwt(byClient.body.token) as { sub: string; exp: number; grants: { video: { room: string } } };
    expect(clientToken.sub).toBe(client.id);
    expect(clientToken.grants.video.room).toBe(`call-${proposalId}`);
    expect(clientToken.exp * 1000 - Date.now()).toBeLessThanOrEqual(stack.config.video.tokenTtlSeconds * 1000);
    expect(decodeJwt(byFreelancer.body.token).sub).toBe(freelancer.id);

    const [toFreelancer] = await outboxOf(stack, freelancer.id, 'call.started');
    expect(toFreelancer!.payload).toMatchObject({ proposalId, callerId: client.id, room: `call-${proposalId}` });
    const [toClient] = await outboxOf(stack, client.id, 'call.started');
    expect(toClient!.payload).toMatchObject({ callerId: freelancer.id });

    const stranger = await createFreelancer(stack);
    expect((await stack.http.post(`/v1/proposals/${proposalId}/calls`, stranger.token)).status).toBe(403);
  }, SLOW);

  it('a 10,000-message thread leaves the proposal history unchanged and pages newest first', async () => {
    const { client, freelancer, proposalId, workflowId } = await hireInProgress(stack);
    await posted(client, proposalId, 'First message: this one moves the proposal to messaged');
    await stageOf(stack, freelancer, proposalId, 'messaged');
    const before = await settledHistoryLength(workflowId);

    // Most of the thread goes straight into PostgreSQL; the rest through the API, from both sides.
    await sql(
      stack,
      `insert into messages (id, proposal_id, sender_id, recipient_id, body, created_at)
       select gen_random_uuid(), ?, case when g % 2 = 0 then ?::uuid else ?::uuid end, case when g % 2 = 0 then ?::uuid else ?::uuid end,
              'bulk message ' || g, now() + g * interval '1 millisecond'
       from generate_series(1, 9979) g`,
      [proposalId, client.id, freelancer.id, freelancer.id, client.id],
    );
    for (let i = 0; i < 10; i += 1) {
      await posted(client, proposalId, `client follow-up ${i}`);
      await posted(freelancer, proposalId, `freelancer answer ${i}`);
    }

    expect(await settledHistoryLength(workflowId)).toBe(before);
    expect((await stack.http.get(`/v1/proposals/${proposalId}`, client.token)).body.stage).toBe('messaged');

    const expected = (await sql<{ id: string }>(stack, 'select id from messages where proposal_id = ? order by seq desc', [proposalId])).map((r) => r.id);
    expect(expected).toHaveLength(10_000);
    const pages: string[][] = [];
    let cursor: string | null = null;
    do {
      const res = await thread(client, proposalId, `?limit=200${cursor ? `&after=${cursor}` : ''}`);
      expect(res.status).toBe(200);
      pages.push(res.body.items.map((m: { id: string }) => m.id));
      cursor = res.body.nextCursor;
    } while (cursor);
    expect(pages.flat()).toEqual(expected);
    expect(pages[0]!.slice(0, 2)).toEqual([expected[0], expected[1]]);
    const newest = (await thread(client, proposalId, '?limit=1')).body.items[0];
    expect(newest).toMatchObject({ body: 'freelancer answer 9', senderId: freelancer.id });
  }, 120_000);

  it('an unanswered message is reminded once, through the outbox, never through the proposal history', async () => {
    const { client, freelancer, proposalId, workflowId } = await hireInProgress(stack);
    const first = await posted(client, proposalId, 'Are you available next week?');
    await stageOf(stack, freelancer, proposalId, 'messaged');
    const before = await settledHistoryLength(workflowId);

    const reminded = await eventually(
      () => outboxOf(stack, freelancer.id, 'message.unanswered'),
      (rows) => rows.length >= 1,
    );
    expect(reminded[0]!.payload).toMatchObject({ proposalId, messageId: first, senderId: client.id });

    // A second message waits again and is reminded on its own; the first is never reminded twice.
    const second = await posted(client, proposalId, 'Just checking in.');
    const after = await eventually(
      () => outboxOf(stack, freelancer.id, 'message.unanswered'),
      (rows) => rows.length >= 2,
    );
    expect(after.map((r) => r.payload.messageId)).toEqual([first, second]);

    // Once the freelancer answers, it is the client's turn to be reminded.
    const answer = await posted(freelancer, proposalId, 'Yes, Monday works.');
    const toClient = await eventually(() => outboxOf(stack, client.id, 'message.unanswered'), (rows) => rows.length >= 1);
    expect(toClient.map((r) => r.payload.messageId)).toEqual([answer]);
    expect(await outboxOf(stack, freelancer.id, 'message.unanswered')).toHaveLength(2);

    expect(await settledHistoryLength(workflowId)).toBe(before);
  }, SLOW);
});

import { randomUUID } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { makeOfferUpdate } from '../workflows/messages.js';
import { apply, createFreelancer, createJob, OFFER_TERMS } from './support/factories.js';
import { startStack, type Stack } from './support/harness.js';
import { eventually } from './support/http.js';
import { hireInProgress, sql } from './support/lifecycle.js';
import { listen, refused, type Envelope, type Listener } from './support/sockets.js';

const SLOW = 60_000;

describe('real-time events over socket.io', () => {
  let stack: Stack;
  const open: Listener[] = [];
  const connect = async (token: string, options?: { lastEventId?: string }) => {
    const listener = await listen(stack, token, options);
    open.push(listener);
    return listener;
  };

  beforeAll(async () => {
    // A poll slower than any test: delivery must come from LISTEN/NOTIFY or from a reconnect.
    stack = await startStack({ REALTIME_POLL_INTERVAL: '10m' });
  }, SLOW);
  afterEach(() => open.splice(0).forEach((listener) => listener.close()));
  afterAll(() => stack?.close());

  const post = (token: string, proposalId: string, body: string) =>
    stack.http.post(`/v1/proposals/${proposalId}/messages`, token, { body });
  const ids = (events: Envelope[]) => events.map((e) => e.id);
  const isMessaged = (e: Envelope) => e.type === 'proposal.updated' && e.payload.stage === 'messaged';
  /** The client's first message, once the freelancer's socket has both its notices: nothing else is in flight after it. */
  async function openThread(client: { token: string }, proposalId: string, freelancerSocket: Listener, body: string) {
    expect((await post(client.token, proposalId, body)).status).toBe(201);
    await freelancerSocket.waitFor((e) => e.type === 'message.created');
    await freelancerSocket.waitFor(isMessaged);
  }
  const outboxIds = async (recipientId: string, afterId: string) =>
    (await sql<{ id: string }>(stack, 'select id from events where recipient_id = ? and id > ? order by id', [recipientId, afterId])).map((r) => String(r.id));

  it('refuses a socket without a valid token', async () => {
    const none = await refused(stack, {});
    expect(none.message).toBe('a valid bearer token is required');
    expect(none.data).toEqual({ code: 'unauthorized' });
    const forged = await refused(stack, { token: 'not.a.jwt' });
    expect(forged.message).toBe('the bearer token is invalid or expired');
  });

  it("client and freelancer see each other's messages and the stage change live; nobody else gets them", async () => {
    const { client, freelancer, proposalId } = await hireInProgress(stack);
    const bystander = await createFreelancer(stack);
    const [clientSocket, freelancerSocket, bystanderSocket] = await Promise.all([
      connect(client.token),
      connect(freelancer.token),
      connect(bystander.token),
    ]);

    expect((await post(client.token, proposalId, 'Hi! When could you start?')).status).toBe(201);
    const [toFreelancer] = await freelancerSocket.waitFor((e) => e.type === 'message.created');
    expect(toFreelancer!.payload).toMatchObject({ proposalId, senderId: client.id, body: 'Hi! When could you start?' });
    await freelancerSocket.waitFor(isMessaged);
    await clientSocket.waitFor(isMessaged);

    expect((await post(freelancer.token, proposalId, 'Monday, if that suits you.')).status).toBe(201);
    const [toClient] = await clientSocket.waitFor((e) => e.type === 'message.created');
    expect(toClient!.payload).toMatchObject({ senderId: freelancer.id, body: 'Monday, if that suits you.' });
    expect(clientSocket.events.filter((e) => e.type === 'message.created')).toHaveLength(1);

    expect((await stack.http.post(`/v1/proposals/${proposalId}/calls`, client.token)).status).toBe(201);
    const [call] = await freelancerSocket.waitFor((e) => e.type === 'call.started');
    expect(call!.payload).toMatchObject({ proposalId, callerId: client.id, room: `call-${proposalId}` });

    // The bystander's own event arrives after everything above was written, and nothing else does.
    const job = await createJob(stack, client);
    await apply(stack, bystander, job.id);
    await bystanderSocket.waitFor((e) => e.type === 'proposal.updated');
    expect(bystanderSocket.events.every((e) => e.payload.proposalId !== proposalId)).toBe(true);
    expect(clientSocket.events.some((e) => e.type === 'call.started')).toBe(false);

    // Every event carries its outbox id, and each socket sees them in order.
    for (const listener of [clientSocket, freelancerSocket]) {
      const received = ids(listener.events).map(Number);
      expect(received).toEqual([...received].sort((a, b) => a - b));
      expect(new Set(received).size).toBe(received.length);
    }
  }, SLOW);

  it('a reconnecting client receives what it missed since its last event id, each event once', async () => {
    const { client, freelancer, proposalId } = await hireInProgress(stack);
    const first = await connect(freelancer.token);
    await openThread(client, proposalId, first, 'First');
    const last = first.lastEventId()!;
    first.close();

    for (const body of ['Second', 'Third', 'Fourth']) expect((await post(client.token, proposalId, body)).status).toBe(201);
    const missed = await outboxIds(freelancer.id, last);
    expect(missed.length).toBeGreaterThanOrEqual(3);

    // Resuming in the handshake...
    const back = await connect(freelancer.token, { lastEventId: last });
    await back.waitFor((e) => missed.includes(e.id), missed.length);
    expect(ids(back.events)).toEqual(missed);
    expect(back.events.filter((e) => e.type === 'message.created').map((e) => e.payload.body)).toEqual(['Second', 'Third', 'Fourth']);

    // ...or with a `resume` message on a socket that connected without one.
    const fresh = await connect(freelancer.token);
    expect(fresh.events).toEqual([]);
    const ack = await fresh.socket.emitWithAck('resume', { lastEventId: last });
    expect(ack).toEqual({ ok: true, lastEventId: missed.at(-1) });
    expect(ids(fresh.events)).toEqual(missed);

    const bad = await fresh.socket.emitWithAck('resume', { lastEventId: 'yesterday' });
    expect(bad).toMatchObject({ ok: false });
    await eventually(async () => fresh.errors, (errors) => errors.length === 1);
    expect(fresh.errors[0]).toMatchObject({ code: 'validation_failed' });
    expect(fresh.errors[0]!.message).toContain('lastEventId');
  }, SLOW);

  it('an API restart between event creation and delivery still delivers each event once', async () => {
    const { client, freelancer, proposalId, workflowId } = await hireInProgress(stack);
    const socket = await connect(freelancer.token);
    await openThread(client, proposalId, socket, 'Before the restart');
    const beforeRestart = socket.lastEventId()!;

    await stack.restartApi(async () => {
      await eventually(async () => socket.socket.connected, (connected) => !connected);
      // With the API down, the worker still writes the outbox: the client makes an offer.
      await stack.temporal.workflow
        .getHandle(workflowId)
        .executeUpdate(makeOfferUpdate, { args: [{ offerId: randomUUID(), terms: OFFER_TERMS }] });
      await eventually(() => outboxIds(freelancer.id, beforeRestart), (rows) => rows.length >= 2);
    });

    const written = await outboxIds(freelancer.id, beforeRestart);
    const delivered = await socket.waitFor((e) => written.includes(e.id), written.length);
    expect(delivered.map((e) => e.type).sort()).toEqual(['offer.received', 'proposal.updated']);
    expect(delivered.find((e) => e.type === 'proposal.updated')!.payload.stage).toBe('offer_pending');

    // Live delivery continues on the new API, and nothing was delivered twice.
    expect((await post(client.token, proposalId, 'After the restart')).status).toBe(201);
    await socket.waitFor((e) => e.type === 'message.created' && e.payload.body === 'After the restart');
    expect(new Set(ids(socket.events)).size).toBe(socket.events.length);
  }, SLOW);
});

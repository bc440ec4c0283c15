import { QUIET_LOGS } from './support/quiet-runtime.js';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { ActivityInterceptorsFactory } from '@temporalio/worker';
import { startStack, type Stack } from '../support/harness.js';
import { apply, BID, createAccount, createFreelancer, createJob, type Actor } from '../support/factories.js';
import { eventually, HttpClient, type HttpResponse } from '../support/http.js';
import { sql } from '../support/lifecycle.js';
import { freePort } from '../../libs/net/free-port.js';
import { listen, type Listener } from '../support/sockets.js';
import { postUntilAnswered, type RetryingCall } from './support/hires.js';
import { checkInvariants } from './support/invariants.js';
import { buildApps, stackEnv, startAppProcess, type AppProcess } from './support/processes.js';
import { ScenarioTally } from './support/tally.js';

const COST = 2;
const PER_RESTART = 6;

/** Holds every chargeConnects until released, so submissions are Updates in flight when the API goes. */
function heldCharges() {
  let started = 0;
  let release!: () => void;
  let released = new Promise<void>((resolve) => (release = resolve));
  const factory: ActivityInterceptorsFactory = (ctx) => ({
    inbound: {
      async execute(input, next) {
        if (ctx.info.activityType === 'chargeConnects') {
          started += 1;
          await released;
        }
        return next(input);
      },
    },
  });
  return {
    factory,
    started: () => started,
    release: () => release(),
    /** Holds the charges that start from now on. */
    hold: () => {
      started = 0;
      released = new Promise<void>((resolve) => (release = resolve));
    },
  };
}

/**
 * Scenario 4: the API runs as its own process (the production entry point) with socket.io
 * clients connected and submissions in flight (their charges held in the worker), and is
 * restarted twice: gracefully (SIGTERM) and by a crash (SIGKILL). Clients reconnect on their
 * own, naming the last event they received, and see every event of theirs exactly once; each
 * submission is repeated with its Idempotency-Key until answered and charges once.
 */
describe('scenario 4: the API restarts under connected clients and in-flight updates', () => {
  const tally = new ScenarioTally(4, 'API restarted (SIGTERM, SIGKILL) under sockets');
  const gate = heldCharges();
  let stack: Stack;
  let api: AppProcess | undefined;
  let port: number;
  let http: HttpClient;
  const sockets: Listener[] = [];

  const startApi = async () => {
    api = await startAppProcess('api', stackEnv(stack, { ...QUIET_LOGS, HOST: '127.0.0.1', PORT: String(port), REALTIME_POLL_INTERVAL: '10m' }));
  };
  /** The socket helpers take a stack; these clients talk to the API process instead. */
  const connect = async (actor: Actor) => {
    const listener = await listen({ ...stack, http } as Stack, actor.token);
    sockets.push(listener);
    return listener;
  };

  beforeAll(async () => {
    await buildApps();
    stack = await startStack(QUIET_LOGS, { worker: { interceptors: { activity: [gate.factory] } } });
    port = await freePort();
    http = new HttpClient(`http://127.0.0.1:${port}`);
    await startApi();
  }, 180_000);
  afterAll(async () => {
    tally.write();
    sockets.forEach((socket) => socket.close());
    gate.release();
    await api?.kill('SIGTERM');
    await stack?.close();
  });

  async function inFlightSubmissions(job: { id: string }, freelancers: Actor[]) {
    const proposals = await Promise.all(freelancers.map((f) => apply(stack, f, job.id)));
    tally.hire(proposals.length);
    gate.hold();
    const calls = proposals.map((id, i) =>
      postUntilAnswered(http, `/v1/proposals/${id}/submit`, freelancers[i]!.token, { bid: BID }, { key: `submit-${id}`, deadlineMs: 90_000 }),
    );
    await eventually(async () => gate.started(), (n) => n === proposals.length, 30_000);
    return { proposals, calls };
  }

  async function expectChargedOnce(proposals: string[], calls: Promise<RetryingCall>[]) {
    for (const call of await Promise.all(calls)) {
      expect({ status: call.final.status, stage: call.final.body?.stage, error: call.final.body?.error }).toEqual({ status: 200, stage: 'submitted', error: undefined });
    }
    const charges = await sql<{ proposal_id: string; n: number }>(
      stack,
      `select proposal_id, count(*)::int as n from ledger_entries where kind = 'charge' and proposal_id = any(?::uuid[]) group by proposal_id`,
      [`{${proposals.join(',')}}`],
    );
    expect(charges.map((c) => c.n)).toEqual(proposals.map(() => 1));
  }

  it('clients reconnect and receive every event once; retried submissions charge once', async () => {
    const client = await createAccount(stack, 'client');
    const job = await createJob(stack, client, { connectsCost: COST, openings: 2 * PER_RESTART });
    const first = await Promise.all(Array.from({ length: PER_RESTART }, () => createFreelancer(stack, COST)));
    const second = await Promise.all(Array.from({ length: PER_RESTART }, () => createFreelancer(stack, COST)));
    const everyone = [client, ...first, ...second];
    // Connected before anything happens to them: every event they will ever have must arrive.
    const listeners = new Map<string, Listener>();
    for (const actor of everyone) listeners.set(actor.id, await connect(actor));

    // A graceful restart: the API finishes what is in flight before it exits.
    const graceful = await inFlightSubmissions(job, first);
    const stopping = api!.kill('SIGTERM');
    tally.fault();
    // Shutting down, it refuses new work (503 on a kept-alive connection, or no connection at all); the submissions are still in flight.
    const refused = await eventually(
      () => http.get('/v1/connects', client.token).catch((): HttpResponse => ({ status: 0, body: undefined, headers: new Headers() })),
      (res) => res.status === 503 || res.status === 0,
      30_000,
    );
    if (refused.status === 503) expect([refused.body.error.code, refused.headers.get('connection')]).toEqual(['unavailable', 'close']);
    expect(gate.started()).toBe(PER_RESTART);
    gate.release();
    await stopping;
    await startApi();
    await expectChargedOnce(graceful.proposals, graceful.calls);

    // A crash: the answers in flight are lost; clients repeat with the same keys until answered.
    const crashed = await inFlightSubmissions(job, second);
    await api!.kill('SIGKILL');
    tally.fault();
    await eventually(async () => [...listeners.values()].every((l) => !l.socket.connected), (gone) => gone, 30_000);
    await startApi();
    gate.release();
    await expectChargedOnce(crashed.proposals, crashed.calls);
    const repeated = await Promise.all(crashed.calls);
    expect(repeated.every((call) => call.attempts.length > 1)).toBe(true);

    // Every event each client has in the outbox reaches its socket, once, in order.
    for (const actor of everyone) {
      const listener = listeners.get(actor.id)!;
      const outbox = async () => (await sql<{ id: string }>(stack, 'select id from events where recipient_id = ? order by id', [actor.id])).map((r) => String(r.id));
      const expected = await outbox();
      expect(expected.length).toBeGreaterThan(0);
      await listener.waitFor((e) => e.id === expected.at(-1), 1, 30_000);
      expect(listener.socket.connected).toBe(true);
      expect(listener.events.map((e) => e.id)).toEqual(expected);
    }
  }, 300_000);

  it('every invariant holds afterwards', async () => {
    tally.violations = await checkInvariants(stack);
    expect(tally.violations).toEqual([]);
  }, 120_000);
});

import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { ActivityInterceptorsFactory } from '@temporalio/worker';
import { startStack, type Stack } from './support/harness.js';
import { apply, balance, createAccount, createFreelancer, createJob, submit } from './support/factories.js';

/** Holds every chargeConnects activity until the test lets it go, so a shutdown can land mid-charge. */
function gatedCharges() {
  let started!: () => void;
  let release!: () => void;
  const state = {
    started: new Promise<void>((resolve) => (started = resolve)),
    released: new Promise<void>((resolve) => (release = resolve)),
    release: () => release(),
    factory: ((ctx) => ({
      inbound: {
        async execute(input, next) {
          if (ctx.info.activityType === 'chargeConnects') {
            started();
            await state.released;
          }
          return next(input);
        },
      },
    })) as ActivityInterceptorsFactory,
  };
  return state;
}

const charges = async (stack: Stack, proposalId: string) =>
  (await stack.orm.em.fork().execute(`select count(*)::int as n from ledger_entries where kind = 'charge' and proposal_id = ?`, [proposalId]))[0].n;

describe('graceful shutdown', () => {
  let stack: Stack;
  let gate = gatedCharges();
  beforeAll(async () => {
    stack = await startStack({}, { worker: { interceptors: { activity: [(ctx) => gate.factory(ctx)] }, shutdownGraceTime: '15s' } });
  });
  afterAll(() => stack?.close());

  it('a stopping worker lets the running charge finish: charged once, and the hire completes on the next worker', async () => {
    const client = await createAccount(stack, 'client');
    const freelancer = await createFreelancer(stack, 10);
    const job = await createJob(stack, client, { connectsCost: 3 });
    const proposalId = await apply(stack, freelancer, job.id);

    const submitting = submit(stack, freelancer, proposalId);
    await gate.started;
    // What SIGTERM does: the SDK's runtime asks the worker to shut down.
    const stopping = stack.worker.shutdown();
    expect(['STOPPING', 'DRAINING']).toContain(stack.worker.worker.getState());
    expect(await charges(stack, proposalId)).toBe(0);

    gate.release();
    await stopping;
    expect(stack.worker.worker.getState()).toBe('STOPPED');
    expect(await charges(stack, proposalId)).toBe(1);

    await stack.restartWorker();
    const submitted = await submitting;
    expect(submitted.status).toBe(200);
    expect(submitted.body.stage).toBe('submitted');
    expect(await charges(stack, proposalId)).toBe(1);
    expect(await balance(stack, freelancer)).toBe(7);
  });

  it('a closing API finishes the request in flight before it stops listening', async () => {
    gate = gatedCharges();
    const client = await createAccount(stack, 'client');
    const freelancer = await createFreelancer(stack, 10);
    const job = await createJob(stack, client, { connectsCost: 2 });
    const proposalId = await apply(stack, freelancer, job.id);

    const submitting = submit(stack, freelancer, proposalId);
    await gate.started;
    // What SIGTERM does: Nest's shutdown hooks close the application.
    const closing = stack.api.close();
    gate.release();
    const [submitted] = await Promise.all([submitting, closing]);
    expect(submitted.status).toBe(200);
    expect(submitted.body.stage).toBe('submitted');
    await expect(fetch(`${stack.http.baseUrl}/health/live`)).rejects.toThrow();
  });
});

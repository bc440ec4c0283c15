import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startStack, type Stack } from './support/harness.js';
import { seedAccount } from './support/accounts.js';
import { apply, balance, BID, createAccount, createFreelancer, createJob } from './support/factories.js';

describe('idempotency, authentication and rate limits', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack();
  });
  afterAll(() => stack?.close());

  it('the same submit sent 5 times at once with one key charges once and answers five times alike', async () => {
    const client = await createAccount(stack, 'client');
    const freelancer = await createFreelancer(stack, 10);
    const job = await createJob(stack, client, { connectsCost: 4 });
    const proposalId = await apply(stack, freelancer, job.id);

    const responses = await Promise.all(
      Array.from({ length: 5 }, () =>
        stack.http.post(`/v1/proposals/${proposalId}/submit`, freelancer.token, { bid: BID }, { 'idempotency-key': 'submit-once' }),
      ),
    );
    expect(responses.map((r) => r.status)).toEqual([200, 200, 200, 200, 200]);
    const bodies = responses.map((r) => JSON.stringify(r.body));
    expect(new Set(bodies).size).toBe(1);
    expect(responses[0]!.body.stage).toBe('submitted');
    expect(await balance(stack, freelancer)).toBe(6);
    const charges = await stack.orm.em.fork().execute(`select count(*)::int as n from ledger_entries where kind = 'charge' and proposal_id = ?`, [proposalId]);
    expect(charges[0].n).toBe(1);
  });

  it('a repeated purchase with the same key is answered from the first, not bought again', async () => {
    const freelancer = await createFreelancer(stack);
    const first = await stack.http.post('/v1/connects/purchases', freelancer.token, { quantity: 5 }, { 'idempotency-key': 'buy-5' });
    const again = await stack.http.post('/v1/connects/purchases', freelancer.token, { quantity: 5 }, { 'idempotency-key': 'buy-5' });
    expect(first.status).toBe(201);
    expect(again.status).toBe(201);
    expect(again.body).toEqual(first.body);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(await balance(stack, freelancer)).toBe(5);
  });

  it('the same key with a different body is a 422 and changes nothing', async () => {
    const freelancer = await createFreelancer(stack);
    await stack.http.post('/v1/connects/purchases', freelancer.token, { quantity: 5 }, { 'idempotency-key': 'k1' });
    const other = await stack.http.post('/v1/connects/purchases', freelancer.token, { quantity: 50 }, { 'idempotency-key': 'k1' });
    expect(other.status).toBe(422);
    expect(other.body.error.message).toContain('Idempotency-Key');
    expect(await balance(stack, freelancer)).toBe(5);
  });

  it('keys are per caller: another account may use the same key', async () => {
    const a = await createFreelancer(stack);
    const b = await createFreelancer(stack);
    await stack.http.post('/v1/connects/purchases', a.token, { quantity: 2 }, { 'idempotency-key': 'shared' });
    const res = await stack.http.post('/v1/connects/purchases', b.token, { quantity: 3 }, { 'idempotency-key': 'shared' });
    expect(res.status).toBe(201);
    expect(await balance(stack, b)).toBe(3);
  });

  it('an unusable Idempotency-Key is a 400 naming the header', async () => {
    const freelancer = await createFreelancer(stack);
    const res = await stack.http.post('/v1/connects/purchases', freelancer.token, { quantity: 1 }, { 'idempotency-key': 'x'.repeat(201) });
    expect(res.status).toBe(400);
    expect(res.body.error.details).toEqual({ field: 'Idempotency-Key' });
  });

  it('refuses missing, malformed and forged tokens with 401, and the wrong role with 403', async () => {
    const missing = await stack.http.get('/v1/connects');
    expect(missing.status).toBe(401);
    expect(missing.body.error.code).toBe('unauthorized');
    expect((await stack.http.get('/v1/connects', 'not-a-jwt')).status).toBe(401);
    const freelancer = await createFreelancer(stack);
    const [header, payload] = freelancer.token.split('.');
    expect((await stack.http.get('/v1/connects', `${header}.${payload}.AAAA`)).status).toBe(401);
    const client = await createAccount(stack, 'client');
    const wrongRole = await stack.http.get('/v1/connects', client.token);
    expect(wrongRole.status).toBe(403);
    expect(wrongRole.body.error.code).toBe('forbidden');
  });

  it('echoes a request id for correlation', async () => {
    const res = await stack.http.request('GET', '/health', { headers: { 'x-request-id': 'trace-me-123' } });
    expect(res.headers.get('x-request-id')).toBe('trace-me-123');
  });
});

describe('rate limits', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack({ RATE_LIMIT_SIGNUPS_PER_MINUTE: '3', RATE_LIMIT_WRITES_PER_MINUTE: '4' });
  });
  afterAll(() => stack?.close());

  it('account creation per address: the 4th in a minute is a 429 with Retry-After', async () => {
    const statuses = [];
    let last;
    for (let i = 0; i < 4; i++) {
      last = await stack.http.post('/v1/accounts', undefined, { role: 'client', displayName: `c${i}` });
      statuses.push(last.status);
    }
    expect(statuses).toEqual([201, 201, 201, 429]);
    expect(last!.body.error.code).toBe('rate_limited');
    expect(Number(last!.headers.get('retry-after'))).toBeGreaterThan(0);
  });

  it('writes per account: one account is limited, another is not, and reads are not', async () => {
    const a = await seedAccount(stack, 'freelancer');
    const b = await seedAccount(stack, 'freelancer');
    const statuses = [];
    for (let i = 0; i < 5; i++) statuses.push((await stack.http.post('/v1/connects/purchases', a.token, { quantity: 1 })).status);
    expect(statuses).toEqual([201, 201, 201, 201, 429]);
    expect((await stack.http.post('/v1/connects/purchases', b.token, { quantity: 1 })).status).toBe(201);
    expect((await stack.http.get('/v1/connects', a.token)).status).toBe(200);
    expect(await balance(stack, a)).toBe(4);
  });
});

import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { startStack, type Stack } from './support/harness.js';
import { seedAccount } from './support/accounts.js';
import { apply, BID, createAccount, createFreelancer, createJob, submit, type Actor } from './support/factories.js';

/**
 * Hostile input against every operation of the OpenAPI document: wrong types, huge strings,
 * unicode, negative and huge numbers, missing and unknown fields, injection strings. Bounded
 * in count; every answer must be a non-5xx in the documented error shape, and a rejected
 * request must leave the database and the workflows as they were.
 */

const HOSTILE_STRINGS = [
  "' OR 1=1; --",
  "'); DROP TABLE proposals; --",
  '{"$gt": ""}',
  '__proto__',
  '../../../../etc/passwd',
  '\u0000\u202e\uFEFF',
  '🙂'.repeat(5_000),
  'x'.repeat(300_000),
  '',
];
const HOSTILE_NUMBERS = [-1, -1e308, 1e308, 2 ** 53 + 1, 0.000001, Number.MAX_SAFE_INTEGER];
const hostileValue = fc.oneof(
  fc.constantFrom<unknown>(...HOSTILE_STRINGS, ...HOSTILE_NUMBERS, null, true, [], {}, [[[[]]]], { __proto__: { admin: true } }),
  fc.string({ unit: 'grapheme', maxLength: 50 }),
  fc.integer(),
  fc.double({ noNaN: true }),
  fc.dictionary(fc.string({ maxLength: 8 }), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 4 }),
);

type Schema = { type?: string; properties?: Record<string, Schema>; required?: string[]; $ref?: string; items?: Schema };

/** A body that breaks its schema: every generated body has at least one wrong field, or is not an object at all. */
function hostileBody(schema: Schema | undefined): fc.Arbitrary<unknown> {
  const properties = Object.keys(schema?.properties ?? {});
  const broken =
    properties.length === 0
      ? fc.dictionary(fc.string({ minLength: 1, maxLength: 10 }), hostileValue, { minKeys: 1, maxKeys: 3 })
      : fc
          .record({ field: fc.constantFrom(...properties), value: hostileValue, extra: fc.option(fc.string({ minLength: 1, maxLength: 12 })) })
          .map(({ field, value, extra }) => ({ [field]: value, ...(extra ? { [`unknown_${extra}`]: 'x' } : {}) }));
  return fc.oneof(broken, hostileValue.filter((v) => v === null || typeof v !== 'object' || Array.isArray(v)));
}

interface Operation {
  method: string;
  path: string;
  bodySchema?: Schema;
}

function operations(document: any): Operation[] {
  const resolve = (schema: Schema | undefined): Schema | undefined =>
    schema?.$ref ? document.components.schemas[schema.$ref.split('/').pop()!] : schema;
  const result: Operation[] = [];
  for (const [path, methods] of Object.entries<Record<string, any>>(document.paths)) {
    if (!path.startsWith('/v1/')) continue;
    for (const [method, op] of Object.entries<any>(methods)) {
      result.push({ method: method.toUpperCase(), path, bodySchema: resolve(op.requestBody?.content?.['application/json']?.schema) });
    }
  }
  return result;
}

describe('fuzz: hostile input never breaks anything', () => {
  let stack: Stack;
  let actors: Actor[];
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    stack = await startStack();
    const client = await createAccount(stack, 'client');
    const freelancer = await createFreelancer(stack, 20);
    const ops = await seedAccount(stack, 'ops');
    const job = await createJob(stack, client, { connectsCost: 2 });
    const proposalId = await apply(stack, freelancer, job.id);
    await submit(stack, freelancer, proposalId, { bid: BID });
    const offer = await stack.http.post(`/v1/proposals/${proposalId}/offer`, client.token, {
      terms: { type: 'fixed', amount: 500, description: 'as proposed' },
    });
    Object.assign(ids, { jobs: job.id, proposals: proposalId, offers: offer.body.id, freelancers: freelancer.id });
    actors = [client, freelancer, ops as unknown as Actor];
  }, 60_000);
  afterAll(() => stack?.close());

  /** Row counts of every table and the ledger balance, plus the number of workflows: what a rejected request must not change. */
  async function fingerprint(): Promise<string> {
    const em = stack.orm.em.fork();
    const tables = await em.execute<{ tablename: string }[]>(
      `select tablename from pg_tables where schemaname = 'public' and tablename not in ('mikro_orm_migrations', 'idempotency_keys', 'ops_audit') order by tablename`,
    );
    const counts = await Promise.all(
      tables.map(async ({ tablename }) => `${tablename}:${(await em.execute(`select count(*)::int as n from "${tablename}"`))[0].n}`),
    );
    const [ledger] = await em.execute(`select coalesce(sum(amount), 0)::int as total, coalesce(max(version), 0)::int as v from ledger_entries, (select max(version) as version from proposals) p`);
    const workflows = await stack.temporal.workflow.count(`TaskQueue = "${stack.config.temporal.taskQueue}"`);
    return `${counts.join(',')}|${ledger.total}|${ledger.v}|${workflows.count}`;
  }

  it('answers every operation with a 4xx in the error shape, changing nothing', async () => {
    const { body: document } = await stack.http.get('/docs-json');
    const ops = operations(document);
    expect(ops.length).toBeGreaterThan(20);
    const failures: string[] = [];
    let requests = 0;
    const statuses: Record<number, number> = {};

    for (const op of ops) {
      const resource = op.path.split('/')[2]!;
      const pathValue = fc.oneof(
        fc.constant(ids[resource] ?? '00000000-0000-4000-8000-000000000000'),
        fc.constantFrom(...HOSTILE_STRINGS.slice(0, 6).map(encodeURIComponent), 'not-a-uuid', '00000000-0000-0000-0000-000000000000'),
      );
      const sample = fc.record({
        actor: fc.constantFrom(...actors),
        id: pathValue,
        body: hostileBody(op.bodySchema),
        query: fc.dictionary(fc.constantFrom('tab', 'limit', 'after', 'status', 'x'), fc.constantFrom(...HOSTILE_STRINGS.slice(0, 6), '-1', '99999999999'), { maxKeys: 2 }),
      });
      for (const input of fc.sample(sample, { numRuns: 6, seed: 42 })) {
        const hasValidId = input.id === ids[resource];
        // Without a body to break, a valid id and the right token would simply act: fuzz the id instead.
        if (!op.bodySchema && hasValidId && op.method !== 'GET') continue;
        const path = op.path.replace(/\{\w+\}/g, input.id) + `?${new URLSearchParams(input.query as Record<string, string>)}`;
        const before = op.method === 'GET' ? '' : await fingerprint();
        const res = await stack.http.request(op.method, path, { token: input.actor.token, body: op.method === 'GET' ? undefined : input.body });
        requests += 1;
        statuses[res.status] = (statuses[res.status] ?? 0) + 1;
        const label = `${op.method} ${op.path} as ${input.actor.role} → ${res.status}`;
        if (res.status >= 500) failures.push(`${label}: ${JSON.stringify(res.body).slice(0, 300)}`);
        if (res.status >= 400 && (typeof res.body?.error?.code !== 'string' || typeof res.body?.error?.message !== 'string')) {
          failures.push(`${label}: not the error shape: ${JSON.stringify(res.body).slice(0, 200)}`);
        }
        if (op.method !== 'GET' && res.status >= 400 && (await fingerprint()) !== before) failures.push(`${label}: changed state`);
        if (op.method !== 'GET' && res.status < 400) failures.push(`${label}: hostile input accepted: ${JSON.stringify(input.body).slice(0, 200)}`);
      }
    }
    expect(requests).toBeGreaterThan(100);
    expect(Object.keys(statuses).filter((status) => Number(status) >= 400).length).toBeGreaterThan(1);
    expect(failures).toEqual([]);
  }, 300_000);

  it('refuses malformed JSON, oversized bodies and other media types in the error shape', async () => {
    const [client] = actors;
    const before = await fingerprint();
    const malformed = await stack.http.request('POST', '/v1/jobs', { token: client!.token, body: '{"title": "x", ', headers: { 'content-type': 'application/json' } });
    expect(malformed.status).toBe(400);
    expect(malformed.body.error.code).toBe('validation_failed');
    const huge = await stack.http.post('/v1/jobs', client!.token, { title: 'x'.repeat(400_000) });
    expect(huge.status).toBe(413);
    expect(huge.body.error.code).toBe('payload_too_large');
    const text = await stack.http.request('POST', '/v1/jobs', { token: client!.token, body: 'title=x', headers: { 'content-type': 'text/plain' } });
    expect(text.status).toBe(400);
    expect(typeof text.body.error.message).toBe('string');
    expect(await fingerprint()).toBe(before);
  });
});

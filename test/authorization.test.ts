import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { seedAccount } from './support/accounts.js';
import { apply, BID, createAccount, createFreelancer, createJob, OFFER_TERMS, submit, type Actor } from './support/factories.js';
import { startStack, type Stack } from './support/harness.js';
import { ANSWERS, createInterviewJob, interviewPath, startInterview, takeInterview } from './support/interviews.js';
import { servedRoutes } from './support/routes.js';

/**
 * Who may do what, for every route the app serves, generated from one table. Each row names
 * the exact status every caller gets: the proposal's or job's own freelancer and client, another
 * freelancer and client, ops, and anonymous. A route without a row fails the first test.
 */

type Caller = 'anon' | 'ownFreelancer' | 'otherFreelancer' | 'ownClient' | 'otherClient' | 'ops';
type Fixture = 'none' | 'draft' | 'draft-interview' | 'submitted' | 'offer' | 'invited' | 'messaged' | 'interviewing' | 'interviewed';

interface World {
  jobId: string;
  proposalId: string;
  offerId?: string;
  invitationId?: string;
  messageId?: string;
}

interface Row {
  route: string;
  fixture: Fixture;
  path: (w: World) => string;
  body?: (w: World) => unknown;
  expect: Record<Caller, number>;
  /** Callers that must go last, in this order (after the refusals). */
  last?: Caller[];
}

const everyone = (status: number): Record<Caller, number> => ({
  anon: status, ownFreelancer: status, otherFreelancer: status, ownClient: status, otherClient: status, ops: status,
});
const signedIn = (status: number) => ({ ...everyone(status), anon: 401 });
/** Only the proposal's (or invitation's) own freelancer acts; everyone else is refused. */
const ownFreelancer = (status: number, others: Partial<Record<Caller, number>> = {}) => ({ ...signedIn(403), ownFreelancer: status, ...others });
/** Only the job's own client acts. */
const ownClient = (status: number, others: Partial<Record<Caller, number>> = {}) => ({ ...signedIn(403), ownClient: status, ...others });
const parties = (status: number, others: Partial<Record<Caller, number>> = {}) => ({ ...signedIn(403), ownFreelancer: status, ownClient: status, ...others });

const p = (suffix = '') => (w: World) => `/v1/proposals/${w.proposalId}${suffix}`;
const offer = (suffix = '') => (w: World) => `/v1/offers/${w.offerId}${suffix}`;
const invitation = (suffix = '') => (w: World) => `/v1/invitations/${w.invitationId}${suffix}`;
const job = (suffix = '') => (w: World) => `/v1/jobs/${w.jobId}${suffix}`;
const reason = () => ({ reason: 'Not the right fit this time' });

const ROWS: Row[] = [
  { route: 'GET /health', fixture: 'none', path: () => '/health', expect: everyone(200) },
  { route: 'GET /health/live', fixture: 'none', path: () => '/health/live', expect: everyone(200) },
  { route: 'GET /health/ready', fixture: 'none', path: () => '/health/ready', expect: everyone(200) },
  { route: 'GET /metrics', fixture: 'none', path: () => '/metrics', expect: everyone(200) },
  { route: 'POST /v1/accounts', fixture: 'none', path: () => '/v1/accounts', body: () => ({ role: 'client', displayName: 'New' }), expect: everyone(201) },
  // Signed by Twilio or refused, whoever calls.
  { route: 'POST /v1/webhooks/twilio/video', fixture: 'none', path: () => '/v1/webhooks/twilio/video', body: () => ({ StatusCallbackEvent: 'room-ended' }), expect: everyone(403) },

  { route: 'GET /v1/connects', fixture: 'none', path: () => '/v1/connects', expect: { ...signedIn(403), ownFreelancer: 200, otherFreelancer: 200 } },
  { route: 'POST /v1/connects/purchases', fixture: 'none', path: () => '/v1/connects/purchases', body: () => ({ quantity: 1 }), expect: { ...signedIn(403), ownFreelancer: 201, otherFreelancer: 201 } },
  { route: 'GET /v1/freelancers/{id}', fixture: 'none', path: () => '/v1/freelancers/{freelancer}', expect: signedIn(200) },

  { route: 'GET /v1/jobs', fixture: 'none', path: () => '/v1/jobs', expect: signedIn(200) },
  { route: 'POST /v1/jobs', fixture: 'none', path: () => '/v1/jobs', body: () => ({ title: 'Another job', description: 'More work', skills: ['go'], connectsCost: 1 }), expect: { ...signedIn(403), ownClient: 201, otherClient: 201 } },
  { route: 'GET /v1/jobs/{id}', fixture: 'submitted', path: job(), expect: signedIn(200) },
  // Ops may remove a post too: here they come after the client cancelled it, and are told so.
  { route: 'POST /v1/jobs/{id}/cancel', fixture: 'submitted', path: job('/cancel'), expect: ownClient(200, { ops: 409 }), last: ['ownClient', 'ops'] },
  { route: 'GET /v1/jobs/{id}/proposals', fixture: 'submitted', path: job('/proposals'), expect: ownClient(200, { ops: 200 }) },
  // The job's own freelancer already applied: a second application is refused by Temporal itself.
  { route: 'POST /v1/jobs/{id}/proposals', fixture: 'submitted', path: job('/proposals'), expect: { ...signedIn(403), ownFreelancer: 409, otherFreelancer: 201 } },
  { route: 'POST /v1/jobs/{id}/invitations', fixture: 'submitted', path: job('/invitations'), body: () => ({ freelancerId: '{freelancer}' }), expect: ownClient(201) },

  { route: 'GET /v1/proposals', fixture: 'none', path: () => '/v1/proposals', expect: { ...signedIn(403), ownFreelancer: 200, otherFreelancer: 200 } },
  { route: 'GET /v1/proposals/{id}', fixture: 'submitted', path: p(), expect: parties(200, { ops: 200 }) },
  { route: 'PATCH /v1/proposals/{id}', fixture: 'submitted', path: p(), body: () => ({ notes: 'A sample is attached.' }), expect: ownFreelancer(200) },
  // A draft is the freelancer's alone: to the job's client it does not exist yet.
  { route: 'POST /v1/proposals/{id}/submit', fixture: 'draft', path: p('/submit'), body: () => ({ bid: BID }), expect: ownFreelancer(200, { ownClient: 403 }) },
  { route: 'POST /v1/proposals/{id}/withdraw', fixture: 'submitted', path: p('/withdraw'), body: reason, expect: ownFreelancer(200) },
  { route: 'POST /v1/proposals/{id}/view', fixture: 'submitted', path: p('/view'), expect: ownClient(200) },
  { route: 'POST /v1/proposals/{id}/shortlist', fixture: 'submitted', path: p('/shortlist'), expect: ownClient(200) },
  { route: 'POST /v1/proposals/{id}/archive', fixture: 'submitted', path: p('/archive'), expect: ownClient(200) },
  { route: 'POST /v1/proposals/{id}/decline', fixture: 'submitted', path: p('/decline'), body: reason, expect: ownClient(200) },
  { route: 'POST /v1/proposals/{id}/offer', fixture: 'submitted', path: p('/offer'), body: () => ({ terms: OFFER_TERMS }), expect: ownClient(201) },
  { route: 'GET /v1/proposals/{id}/messages', fixture: 'messaged', path: p('/messages'), expect: parties(200) },
  { route: 'POST /v1/proposals/{id}/messages', fixture: 'messaged', path: p('/messages'), body: () => ({ body: 'Thanks, let us talk details.' }), expect: parties(201) },
  { route: 'POST /v1/proposals/{id}/messages/read', fixture: 'messaged', path: p('/messages/read'), body: () => ({}), expect: parties(200) },
  { route: 'POST /v1/messages/{id}/flag', fixture: 'messaged', path: (w) => `/v1/messages/${w.messageId}/flag`, body: () => ({ reason: 'asked me to pay outside' }), expect: ownFreelancer(201, { ownClient: 422 }) }, // nobody flags their own message
  { route: 'POST /v1/proposals/{id}/calls', fixture: 'messaged', path: p('/calls'), expect: parties(201) },

  { route: 'POST /v1/proposals/{id}/interview/start', fixture: 'draft-interview', path: p('/interview/start'), expect: ownFreelancer(200, { ownClient: 403 }) },
  { route: 'POST /v1/proposals/{id}/interview/answers', fixture: 'interviewing', path: p('/interview/answers'), body: () => ({ questionIndex: 0, text: ANSWERS[0] }), expect: ownFreelancer(200, { ownClient: 403 }) },
  { route: 'POST /v1/proposals/{id}/interview/complete', fixture: 'interviewing', path: p('/interview/complete'), expect: ownFreelancer(200, { ownClient: 403 }) },
  { route: 'GET /v1/proposals/{id}/interview', fixture: 'interviewed', path: p('/interview'), expect: parties(200, { ops: 200 }) },
  // No recording offline: the parties learn there is none; nobody else learns anything.
  { route: 'GET /v1/proposals/{id}/interview/recording', fixture: 'interviewed', path: p('/interview/recording'), expect: parties(404, { ops: 404 }) },

  { route: 'PATCH /v1/offers/{id}', fixture: 'offer', path: offer(), body: () => ({ terms: { ...OFFER_TERMS, amount: 600 } }), expect: ownClient(200) },
  { route: 'POST /v1/offers/{id}/withdraw', fixture: 'offer', path: offer('/withdraw'), expect: ownClient(200) },
  { route: 'POST /v1/offers/{id}/accept', fixture: 'offer', path: offer('/accept'), expect: ownFreelancer(200) },
  { route: 'POST /v1/offers/{id}/decline', fixture: 'offer', path: offer('/decline'), expect: ownFreelancer(200) },
  { route: 'POST /v1/offers/{id}/request-changes', fixture: 'offer', path: offer('/request-changes'), body: () => ({ terms: { ...OFFER_TERMS, amount: 700 } }), expect: ownFreelancer(200) },

  { route: 'GET /v1/invitations', fixture: 'none', path: () => '/v1/invitations', expect: { ...signedIn(200), ops: 403 } },
  { route: 'GET /v1/invitations/{id}', fixture: 'invited', path: invitation(), expect: parties(200, { ops: 200 }) },
  { route: 'POST /v1/invitations/{id}/accept', fixture: 'invited', path: invitation('/accept'), expect: ownFreelancer(200) },
  { route: 'POST /v1/invitations/{id}/decline', fixture: 'invited', path: invitation('/decline'), body: () => ({ reasons: ['not_available'] }), expect: ownFreelancer(200) },
  { route: 'POST /v1/invitations/{id}/archive', fixture: 'invited', path: invitation('/archive'), expect: ownFreelancer(200) },
  { route: 'POST /v1/invitations/{id}/withdraw', fixture: 'invited', path: invitation('/withdraw'), expect: ownClient(200) },

  { route: 'GET /v1/ops/stuck', fixture: 'none', path: () => '/v1/ops/stuck', expect: { ...signedIn(403), ops: 200 } },
  { route: 'GET /v1/ops/flags', fixture: 'none', path: () => '/v1/ops/flags', expect: { ...signedIn(403), ops: 200 } },
  { route: 'POST /v1/ops/proposals/{id}/cancel', fixture: 'submitted', path: (w) => `/v1/ops/proposals/${w.proposalId}/cancel`, body: reason, expect: { ...signedIn(403), ops: 200 } },
  // Submitted, so no retake; no interview, so nothing to retry: ops are let through to the refusal.
  { route: 'POST /v1/ops/proposals/{id}/grant-interview-retake', fixture: 'submitted', path: (w) => `/v1/ops/proposals/${w.proposalId}/grant-interview-retake`, expect: { ...signedIn(403), ops: 409 } },
  { route: 'POST /v1/ops/proposals/{id}/retry-evaluation', fixture: 'submitted', path: (w) => `/v1/ops/proposals/${w.proposalId}/retry-evaluation`, expect: { ...signedIn(403), ops: 404 } },
];

describe('authorization matrix', () => {
  let stack: Stack;
  const callers = {} as Record<Exclude<Caller, 'anon'>, Actor>;

  beforeAll(async () => {
    stack = await startStack();
    callers.ownFreelancer = await createFreelancer(stack, 100, 'Own freelancer');
    callers.otherFreelancer = await createFreelancer(stack, 100, 'Other freelancer');
    callers.ownClient = await createAccount(stack, 'client', 'Own client');
    callers.otherClient = await createAccount(stack, 'client', 'Other client');
    callers.ops = (await seedAccount(stack, 'ops')) as unknown as Actor;
  });
  afterAll(() => stack?.close());

  async function build(fixture: Fixture): Promise<World> {
    const { ownFreelancer: fl, ownClient: cl } = callers;
    if (fixture === 'none') return { jobId: '', proposalId: '' };
    const interview = fixture === 'draft-interview' || fixture === 'interviewing' || fixture === 'interviewed';
    const posted = interview ? await createInterviewJob(stack, cl, { questions: ['Tell us about a React dashboard you built.'] }) : await createJob(stack, cl, { connectsCost: 1 });
    if (fixture === 'invited') {
      const sent = await stack.http.post(`/v1/jobs/${posted.id}/invitations`, cl.token, { freelancerId: fl.id });
      return { jobId: posted.id, proposalId: '', invitationId: sent.body.id };
    }
    const proposalId = await apply(stack, fl, posted.id);
    const world: World = { jobId: posted.id, proposalId };
    if (fixture === 'draft' || fixture === 'draft-interview') return world;
    if (fixture === 'interviewing') {
      await startInterview(stack, fl, proposalId);
      return world;
    }
    if (fixture === 'interviewed') await takeInterview(stack, fl, proposalId, [ANSWERS[0]!]);
    await submit(stack, fl, proposalId, { bid: BID });
    if (fixture === 'offer') world.offerId = (await stack.http.post(`/v1/proposals/${proposalId}/offer`, cl.token, { terms: OFFER_TERMS })).body.id;
    if (fixture === 'messaged') {
      world.messageId = (await stack.http.post(`/v1/proposals/${proposalId}/messages`, cl.token, { body: 'Hello, can we talk?' })).body.id;
    }
    return world;
  }

  it('has a row for every route the app serves', () => {
    const served = servedRoutes(stack.api).map((r) => `${r.method} ${r.path}`);
    const rows = new Set(ROWS.map((r) => r.route));
    expect(served.filter((route) => !rows.has(route))).toEqual([]);
    expect([...rows].filter((route) => !served.includes(route))).toEqual([]);
  });

  for (const row of ROWS) {
    it(`${row.route}`, async () => {
      const world = await build(row.fixture);
      const fill = (text: string) => text.replaceAll('{freelancer}', callers.otherFreelancer.id);
      // Refusals first, so the one caller who may act does so last, on an untouched fixture.
      const last = row.last ?? [];
      const order = (Object.keys(row.expect) as Caller[])
        .filter((caller) => !last.includes(caller))
        .sort((a, b) => Number(row.expect[a] < 300) - Number(row.expect[b] < 300))
        .concat(last);
      const got: Partial<Record<Caller, number>> = {};
      for (const caller of order) {
        const method = row.route.split(' ')[0]!;
        const body = row.body ? JSON.parse(fill(JSON.stringify(row.body(world)))) : method === 'GET' ? undefined : {};
        const res = await stack.http.request(method, fill(row.path(world)), { token: caller === 'anon' ? undefined : callers[caller].token, body });
        got[caller] = res.status;
      }
      expect(got).toEqual(row.expect);
    }, 30_000);
  }

  it('keeps read access for a declined or withdrawn party to their own history', async () => {
    const world = await build('submitted');
    expect((await stack.http.post(`/v1/proposals/${world.proposalId}/decline`, callers.ownClient.token, reason())).status).toBe(200);
    expect((await stack.http.get(`/v1/proposals/${world.proposalId}`, callers.ownFreelancer.token)).body.stage).toBe('declined');
    expect((await stack.http.get(`/v1/proposals/${world.proposalId}`, callers.ownClient.token)).status).toBe(200);
    expect((await stack.http.get(`/v1/proposals/${world.proposalId}`, callers.otherFreelancer.token)).status).toBe(403);
    expect((await stack.http.get(interviewPath(world.proposalId), callers.otherClient.token)).status).toBe(403);
  });
});

import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { seedAccount } from './support/accounts.js';
import { apply, balance, BID, createAccount, createFreelancer, createJob, submit } from './support/factories.js';
import { startStack, type Stack } from './support/harness.js';
import { getProposal, hireInProgress, makeOffer, stageOf } from './support/lifecycle.js';

const SLOW = 60_000;

/** Content that breaks the pre-contract rules, with the kind each is reported as. */
const FORBIDDEN: [string, string][] = [
  ['Write to me at ann.lee@gmail.com', 'email'],
  ['Call me on +1 415 555 2671', 'phone'],
  ['My cell is (415) 555-2671', 'phone'],
  ['Number: 415.555.2671', 'phone'],
  ['From London: +44 20 7946 0958', 'phone'],
  ['I am @ann_lee on Telegram', 'messenger'],
  ['pay me in USDT', 'off_platform_payment'],
];

const postMessage = (stack: Stack, token: string, proposalId: string, body: string) =>
  stack.http.post(`/v1/proposals/${proposalId}/messages`, token, { body });

describe('pre-contract moderation (MODERATION_MODE=reject, the default)', () => {
  let stack: Stack;
  let ops: Awaited<ReturnType<typeof seedAccount<'ops'>>>;
  beforeAll(async () => {
    stack = await startStack();
    ops = await seedAccount(stack, 'ops');
  }, SLOW);
  afterAll(() => stack?.close());

  it('refuses messages with contact details or off-platform payment before a contract, accepts them after', async () => {
    const { client, freelancer, proposalId } = await hireInProgress(stack);

    for (const [body, kind] of FORBIDDEN) {
      const res = await postMessage(stack, client.token, proposalId, body);
      expect(res.status).toBe(422);
      expect(res.body.error.code).toBe('content_rejected');
      expect(res.body.error.details.findings).toEqual([expect.objectContaining({ field: 'body', kind })]);
      expect(res.body.error.message).toContain(`("${res.body.error.details.findings[0].match}")`);
    }
    // A refused first message opens nothing: the proposal is still waiting to be messaged.
    expect((await stageOf(stack, client, proposalId, 'submitted')).stage).toBe('submitted');
    expect((await stack.http.get(`/v1/proposals/${proposalId}/messages`, client.token)).body.items).toEqual([]);

    expect((await postMessage(stack, client.token, proposalId, 'Thanks for applying, a few questions first.')).status).toBe(201);
    await stageOf(stack, client, proposalId, 'messaged');
    const fromFreelancer = await postMessage(stack, freelancer.token, proposalId, 'Happy to help. pay me in USDT?');
    expect(fromFreelancer.status).toBe(422);
    expect(fromFreelancer.body.error.message).toBe(
      'this message cannot be sent before a contract starts: it contains payment outside the platform ("pay me in USDT"). Keep contact details and payment on hireflow until then.',
    );

    // The hire goes through the REST offer endpoints; once the contract starts, the same texts go through.
    const offer = await makeOffer(stack, client, proposalId);
    const accepted = await stack.http.post(`/v1/offers/${offer.id}/accept`, freelancer.token);
    expect(accepted.status).toBe(200);
    expect(accepted.body.contractId).toEqual(expect.any(String));
    for (const [body] of FORBIDDEN) {
      const res = await postMessage(stack, freelancer.token, proposalId, body);
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({ body, redacted: false });
    }

    // Payment talk is still put in front of ops after the contract; contact details are not.
    const flags = (await stack.http.get('/v1/ops/flags', ops.token)).body.items as { proposalId: string; automatic: boolean; findings: { kind: string }[]; excerpt: string }[];
    const mine = flags.filter((f) => f.proposalId === proposalId);
    expect(mine).toEqual([
      expect.objectContaining({ automatic: true, excerpt: 'pay me in USDT', findings: [expect.objectContaining({ kind: 'off_platform_payment' })] }),
    ]);
  }, SLOW);

  it('screens proposal text on submit and edit; a refused submission charges nothing', async () => {
    const client = await createAccount(stack, 'client');
    const freelancer = await createFreelancer(stack, 10);
    const job = await createJob(stack, client, { connectsCost: 4 });
    const proposalId = await apply(stack, freelancer, job.id);

    const withEmail = await submit(stack, freelancer, proposalId, { bid: BID, coverLetter: 'Reach me at ann [at] studio (dot) io for samples.' });
    expect(withEmail.status).toBe(422);
    expect(withEmail.body.error.details.findings).toEqual([expect.objectContaining({ field: 'coverLetter', kind: 'email' })]);
    const withLink = await submit(stack, freelancer, proposalId, { bid: BID, attachments: [{ name: 'chat', url: 'https://wa.me/14155552671' }] });
    expect(withLink.status).toBe(422);
    expect(withLink.body.error.details.findings).toEqual([expect.objectContaining({ field: 'attachments.0.url', kind: 'link' })]);
    expect(await balance(stack, freelancer)).toBe(10);
    expect((await stack.http.get(`/v1/proposals/${proposalId}`, freelancer.token)).body.stage).toBe('draft');

    expect((await submit(stack, freelancer, proposalId, { bid: BID, coverLetter: 'I have built three dashboards like this.' })).status).toBe(200);
    const edit = await stack.http.patch(`/v1/proposals/${proposalId}`, freelancer.token, { notes: 'If you hire me I will send you a $50 bonus.' });
    expect(edit.status).toBe(422);
    expect(edit.body.error.details.findings).toEqual([expect.objectContaining({ field: 'notes', kind: 'reward' })]);
    expect((await stack.http.patch(`/v1/proposals/${proposalId}`, freelancer.token, { notes: 'Samples on request.' })).status).toBe(200);
  }, SLOW);

  it('screens job posts and decline reasons', async () => {
    const client = await createAccount(stack, 'client');
    const post = await stack.http.post('/v1/jobs', client.token, {
      title: 'Landing page',
      description: 'Simple landing page. Details on Telegram: @acme_hiring',
      skills: ['html'],
      connectsCost: 2,
    });
    expect(post.status).toBe(422);
    expect(post.body.error.details.findings).toEqual([expect.objectContaining({ field: 'description', kind: 'messenger' })]);
    expect((await stack.http.get('/v1/jobs?mine=true', client.token)).body.items).toEqual([]);

    const { client: owner, proposalId } = await hireInProgress(stack);
    const decline = await stack.http.post(`/v1/proposals/${proposalId}/decline`, owner.token, { reason: 'Not now, email me at hr@acme.com later' });
    expect(decline.status).toBe(422);
    expect(decline.body.error.details.findings).toEqual([expect.objectContaining({ field: 'reason', kind: 'email' })]);
    expect((await stack.http.post(`/v1/proposals/${proposalId}/decline`, owner.token, { reason: 'We chose another candidate' })).status).toBe(200);
  }, SLOW);

  it('screens offer terms, change requests and withdrawal reasons', async () => {
    const { client, freelancer, proposalId } = await hireInProgress(stack);
    const offer = await stack.http.post(`/v1/proposals/${proposalId}/offer`, client.token, {
      terms: { type: 'fixed', amount: 500, description: 'Build it; we pay half in USDT outside the platform' },
    });
    expect(offer.status).toBe(422);
    expect(offer.body.error.details.findings).toEqual([expect.objectContaining({ field: 'description', kind: 'off_platform_payment' })]);
    const milestone = await stack.http.post(`/v1/proposals/${proposalId}/offer`, client.token, {
      terms: { type: 'fixed', amount: 500, description: 'Build it', milestones: [{ description: 'Call me on +1 415 555 0134', amount: 500 }] },
    });
    expect(milestone.status).toBe(422);
    expect(milestone.body.error.details.findings).toEqual([expect.objectContaining({ field: 'milestones.0.description', kind: 'phone' })]);
    const untouched = await getProposal(stack, client, proposalId);
    expect(untouched.stage).toBe('submitted');
    expect(untouched.offer).toBeUndefined();

    const made = await makeOffer(stack, client, proposalId);
    const changes = await stack.http.post(`/v1/offers/${made.id}/request-changes`, freelancer.token, {
      terms: { type: 'fixed', amount: 700, description: 'Build it' },
      message: 'Ping me on telegram @ada_dev to discuss',
    });
    expect(changes.status).toBe(422);
    expect(changes.body.error.details.findings).toContainEqual(expect.objectContaining({ field: 'message', kind: 'messenger' }));
    expect(changes.body.error.details.findings.every((f: { field: string }) => f.field === 'message')).toBe(true);

    const { freelancer: other, proposalId: another } = await hireInProgress(stack);
    const withdraw = await stack.http.post(`/v1/proposals/${another}/withdraw`, other.token, { reason: 'Found work elsewhere, write to ada@example.com' });
    expect(withdraw.status).toBe(422);
    expect(withdraw.body.error.details.findings).toEqual([expect.objectContaining({ field: 'reason', kind: 'email' })]);
    expect((await stack.http.post(`/v1/proposals/${another}/withdraw`, other.token, { reason: 'Found work elsewhere' })).status).toBe(200);
  }, SLOW);
});

describe('pre-contract moderation with MODERATION_MODE=redact', () => {
  let stack: Stack;
  let ops: Awaited<ReturnType<typeof seedAccount<'ops'>>>;
  beforeAll(async () => {
    stack = await startStack({ MODERATION_MODE: 'redact' });
    ops = await seedAccount(stack, 'ops');
  }, SLOW);
  afterAll(() => stack?.close());

  it('stores the message redacted, tells the sender what was removed, and flags it for ops', async () => {
    const { client, freelancer, proposalId } = await hireInProgress(stack);
    const body = 'Great profile! Text me on +1 415 555 2671 or mail ann.lee@gmail.com';
    const sent = await postMessage(stack, client.token, proposalId, body);
    expect(sent.status).toBe(201);
    expect(sent.body).toMatchObject({
      body: 'Great profile! Text me on [phone number removed] or mail [email removed]',
      redacted: true,
      moderation: { redacted: true, findings: [expect.objectContaining({ kind: 'phone' }), expect.objectContaining({ kind: 'email' })] },
    });
    const seen = (await stack.http.get(`/v1/proposals/${proposalId}/messages`, freelancer.token)).body.items;
    expect(seen).toEqual([expect.objectContaining({ id: sent.body.id, body: 'Great profile! Text me on [phone number removed] or mail [email removed]', redacted: true })]);

    const flags = (await stack.http.get('/v1/ops/flags', ops.token)).body.items;
    expect(flags).toContainEqual(
      expect.objectContaining({ subjectType: 'message', subjectId: sent.body.id, automatic: true, excerpt: body, reason: 'stored redacted by moderation' }),
    );
  }, SLOW);

  it('stores a job post redacted and flagged', async () => {
    const client = await createAccount(stack, 'client');
    const post = await stack.http.post('/v1/jobs', client.token, {
      title: 'Logo design',
      description: 'Quick logo. We pay via PayPal to save on fees.',
      skills: ['design'],
      connectsCost: 1,
    });
    expect(post.status).toBe(201);
    expect(post.body.description).toBe('Quick logo. We [off-platform payment removed] to [off-platform payment removed].');
    const flags = (await stack.http.get('/v1/ops/flags', ops.token)).body.items;
    expect(flags).toContainEqual(expect.objectContaining({ subjectType: 'job', subjectId: post.body.id, automatic: true }));
  }, SLOW);
});

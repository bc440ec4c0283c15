import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { startStack, type Stack } from './support/harness.js';
import { balance, createAccount, createFreelancer, OFFER_TERMS } from './support/factories.js';
import { eventually } from './support/http.js';
import { getProposal, hireInProgress, ledgerOf, makeOffer, outboxOf, sql, stageOf, submittedCandidate } from './support/lifecycle.js';

const HOURLY = { type: 'hourly', rate: 45, weeklyLimit: 20, startDate: '2027-02-01', description: 'Dashboard work, paid weekly' } as const;
const DAY_MS = 24 * 3600 * 1000;

describe('offers and the contract', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack();
  });
  afterAll(() => stack?.close());

  it('an offer carries its terms, expires after OFFER_EXPIRES_AFTER, and waits on the freelancer', async () => {
    const { client, freelancer, proposalId } = await hireInProgress(stack);
    const offer = await makeOffer(stack, client, proposalId, HOURLY);
    expect(offer).toMatchObject({ status: 'pending', terms: HOURLY, proposalId });
    expect(Date.parse(offer.expiresAt) - Date.parse(offer.sentAt)).toBe(7 * DAY_MS);

    expect(await getProposal(stack, freelancer, proposalId)).toMatchObject({
      stage: 'offer_pending',
      waitingOn: 'freelancer',
      offer: { id: offer.id, status: 'pending', terms: HOURLY },
    });
    const [notice] = await outboxOf(stack, freelancer.id, 'offer.received');
    expect(notice!.payload).toMatchObject({ offerId: offer.id, expiresAt: offer.expiresAt });
    const [row] = await sql(stack, 'select status, terms from offers where id = ?', [offer.id]);
    expect(row).toMatchObject({ status: 'pending', terms: HOURLY });
  });

  it('bad terms are a 400 naming the field', async () => {
    const { client, proposalId } = await hireInProgress(stack);
    const noRate = await stack.http.post(`/v1/proposals/${proposalId}/offer`, client.token, { terms: { type: 'hourly', description: 'x' } });
    expect(noRate.status).toBe(400);
    expect(noRate.body.error.message).toContain('rate');
    const milestones = await stack.http.post(`/v1/proposals/${proposalId}/offer`, client.token, {
      terms: { type: 'fixed', amount: 500, milestones: [{ description: 'design', amount: 100 }], description: 'x' },
    });
    expect(milestones.status).toBe(400);
    expect(milestones.body.error.message).toContain('milestones');
    expect((await getProposal(stack, client, proposalId)).stage).toBe('submitted');
  });

  it('accepting starts a contract with the offer terms; the hire is done', async () => {
    const { client, freelancer, job, proposalId } = await hireInProgress(stack);
    const offer = await makeOffer(stack, client, proposalId, HOURLY);
    const accepted = await stack.http.post(`/v1/offers/${offer.id}/accept`, freelancer.token);
    expect(accepted.status).toBe(200);
    expect(accepted.body).toMatchObject({
      offer: { id: offer.id, status: 'accepted' },
      contractId: expect.any(String),
      proposal: { stage: 'hired', waitingOn: 'none', allowedActions: ['message'] },
    });
    const contracts = await sql(stack, 'select * from contracts where proposal_id = ?', [proposalId]);
    expect(contracts).toEqual([
      expect.objectContaining({ id: accepted.body.contractId, offer_id: offer.id, job_id: job.id, client_id: client.id, freelancer_id: freelancer.id, terms: HOURLY }),
    ]);
    const [notice] = await outboxOf(stack, client.id, 'offer.accepted');
    expect(notice!.payload).toMatchObject({ offerId: offer.id, contractId: accepted.body.contractId });

    const again = await stack.http.post(`/v1/offers/${offer.id}/accept`, freelancer.token);
    expect(again.status).toBe(409);
    expect(again.body.error.message).toContain('hired');
    for (const late of [
      await stack.http.patch(`/v1/offers/${offer.id}`, client.token, { terms: OFFER_TERMS }),
      await stack.http.post(`/v1/offers/${offer.id}/withdraw`, client.token),
    ]) {
      expect(late.status).toBe(409);
      expect(late.body.error.message).toContain('hired');
    }
    expect(await sql(stack, 'select id from contracts where proposal_id = ?', [proposalId])).toHaveLength(1);
  });

  it('declining the offer withdraws the proposal, without refund', async () => {
    const { client, freelancer, proposalId } = await hireInProgress(stack);
    const offer = await makeOffer(stack, client, proposalId);
    const declined = await stack.http.post(`/v1/offers/${offer.id}/decline`, freelancer.token, { reason: 'The budget is too low' });
    expect(declined.status).toBe(200);
    expect(declined.body).toMatchObject({
      offer: { status: 'declined' },
      proposal: { stage: 'withdrawn', withdrawReason: 'The budget is too low', connectsRefunded: 0 },
    });
    expect(await balance(stack, freelancer)).toBe(6);
    expect((await ledgerOf(stack, freelancer.id)).map((e) => e.kind)).toEqual(['purchase', 'charge']);
    const [notice] = await outboxOf(stack, client.id, 'offer.declined');
    expect(notice!.payload).toMatchObject({ offerId: offer.id, reason: 'The budget is too low' });
    expect((await stack.http.post(`/v1/offers/${offer.id}/accept`, freelancer.token)).status).toBe(409);
  });

  it('the client modifies the offer until it is accepted; each change restarts its expiry', async () => {
    const { client, freelancer, proposalId } = await hireInProgress(stack);
    const offer = await makeOffer(stack, client, proposalId);
    const modified = await stack.http.patch(`/v1/offers/${offer.id}`, client.token, { terms: HOURLY });
    expect(modified.status).toBe(200);
    expect(modified.body).toMatchObject({ id: offer.id, status: 'pending', terms: HOURLY });
    expect(Date.parse(modified.body.expiresAt)).toBeGreaterThan(Date.parse(offer.expiresAt));
    const notices = await outboxOf(stack, freelancer.id, 'offer.received');
    expect(notices.map((n) => n.payload.modified ?? false)).toEqual([false, true]);
    const accepted = await stack.http.post(`/v1/offers/${offer.id}/accept`, freelancer.token);
    const [contract] = await sql(stack, 'select terms from contracts where id = ?', [accepted.body.contractId]);
    expect(contract!.terms).toEqual(HOURLY);
  });

  it('the client withdraws the offer until it is accepted; the candidacy stays active and a new offer may follow', async () => {
    const { client, freelancer, proposalId } = await hireInProgress(stack);
    const offer = await makeOffer(stack, client, proposalId);
    const withdrawn = await stack.http.post(`/v1/offers/${offer.id}/withdraw`, client.token);
    expect(withdrawn.status).toBe(200);
    expect(withdrawn.body.status).toBe('withdrawn');
    expect(await getProposal(stack, freelancer, proposalId)).toMatchObject({ stage: 'messaged', offer: { status: 'withdrawn' } });
    expect(await outboxOf(stack, freelancer.id, 'offer.withdrawn')).toHaveLength(1);

    const accept = await stack.http.post(`/v1/offers/${offer.id}/accept`, freelancer.token);
    expect(accept.status).toBe(409);
    expect(accept.body.error.message).toContain('the offer is withdrawn');

    const second = await makeOffer(stack, client, proposalId, HOURLY);
    expect(second.id).not.toBe(offer.id);
    expect((await stack.http.post(`/v1/offers/${second.id}/accept`, freelancer.token)).status).toBe(200);
    const offers = await sql(stack, 'select id, status from offers where proposal_id = ? order by sent_at', [proposalId]);
    expect(offers).toEqual([
      { id: offer.id, status: 'withdrawn' },
      { id: second.id, status: 'accepted' },
    ]);
  });

  it('the freelancer requests changes; the client answers with new terms; the freelancer accepts them', async () => {
    const { client, freelancer, proposalId } = await hireInProgress(stack);
    const offer = await makeOffer(stack, client, proposalId);
    const asked = await stack.http.post(`/v1/offers/${offer.id}/request-changes`, freelancer.token, {
      terms: HOURLY,
      message: 'I would rather work hourly',
    });
    expect(asked.status).toBe(200);
    expect(asked.body.requestedChanges).toMatchObject({ terms: HOURLY, message: 'I would rather work hourly' });
    expect(await getProposal(stack, client, proposalId)).toMatchObject({ stage: 'offer_pending', waitingOn: 'client' });
    expect(await outboxOf(stack, client.id, 'offer.changes_requested')).toHaveLength(1);

    const answered = await stack.http.patch(`/v1/offers/${offer.id}`, client.token, { terms: HOURLY });
    expect(answered.body.requestedChanges).toBeUndefined();
    expect(await getProposal(stack, freelancer, proposalId)).toMatchObject({ waitingOn: 'freelancer' });
    const accepted = await stack.http.post(`/v1/offers/${offer.id}/accept`, freelancer.token);
    expect(accepted.body.offer.terms).toEqual(HOURLY);
  });

  it('offers answer only to their parties: 403 for anyone else, 404 for an unknown offer', async () => {
    const { client, freelancer, proposalId } = await hireInProgress(stack);
    const stranger = await createFreelancer(stack);
    const otherClient = await createAccount(stack, 'client');
    const offer = await makeOffer(stack, client, proposalId);
    const attempts = [
      await stack.http.post(`/v1/offers/${offer.id}/accept`, client.token),
      await stack.http.post(`/v1/offers/${offer.id}/accept`, stranger.token),
      await stack.http.post(`/v1/offers/${offer.id}/withdraw`, freelancer.token),
      await stack.http.post(`/v1/offers/${offer.id}/withdraw`, otherClient.token),
      await stack.http.patch(`/v1/offers/${offer.id}`, otherClient.token, { terms: OFFER_TERMS }),
      await stack.http.post(`/v1/offers/${offer.id}/request-changes`, stranger.token, { terms: HOURLY }),
    ];
    expect(attempts.map((r) => r.status)).toEqual([403, 403, 403, 403, 403, 403]);
    expect((await getProposal(stack, freelancer, proposalId)).offer.status).toBe('pending');
    expect((await stack.http.post(`/v1/offers/${randomUUID()}/accept`, freelancer.token)).status).toBe(404);
  });

  it('an accept that races a closing job is refused, and the offer stands until the job closes the proposal', async () => {
    const { client, freelancer, job, proposalId } = await hireInProgress(stack);
    const offer = await makeOffer(stack, client, proposalId);
    // The job row is closed, as the job workflow does before telling its proposals.
    await sql(stack, "update jobs set status = 'cancelled' where id = ?", [job.id]);
    const accepted = await stack.http.post(`/v1/offers/${offer.id}/accept`, freelancer.token);
    expect(accepted.status).toBe(409);
    expect(accepted.body.error).toMatchObject({ code: 'job_not_open' });
    expect(await getProposal(stack, freelancer, proposalId)).toMatchObject({ stage: 'offer_pending', offer: { status: 'pending' } });
    expect(await sql(stack, 'select id from contracts where proposal_id = ?', [proposalId])).toEqual([]);
  });

  it('two offers of a one-opening job: the second accept is refused once the first contract started', async () => {
    const { client, job, ...first } = await hireInProgress(stack);
    const second = await submittedCandidate(stack, job.id);
    const firstOffer = await makeOffer(stack, client, first.proposalId);
    const secondOffer = await makeOffer(stack, client, second.proposalId);
    const [a, b] = await Promise.all([
      stack.http.post(`/v1/offers/${firstOffer.id}/accept`, first.freelancer.token),
      stack.http.post(`/v1/offers/${secondOffer.id}/accept`, second.freelancer.token),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    expect(await sql(stack, 'select id from contracts where job_id = ?', [job.id])).toHaveLength(1);
    const loser = a.status === 409 ? first : second;
    expect(await stageOf(stack, loser.freelancer, loser.proposalId, 'closed')).toMatchObject({ closedReason: 'filled', connectsRefunded: 0 });
  });
});

describe('offer expiry', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack({ OFFER_EXPIRES_AFTER: '2s' });
  });
  afterAll(() => stack?.close());

  it('an unanswered offer expires; accepting it afterwards is a 409; the candidacy stays active', async () => {
    const { client, freelancer, proposalId } = await hireInProgress(stack);
    const offer = await makeOffer(stack, client, proposalId);
    expect(Date.parse(offer.expiresAt) - Date.now()).toBeLessThanOrEqual(2_000);

    const expired = await eventually(
      () => getProposal(stack, freelancer, proposalId),
      (p) => p.offer?.status === 'expired',
    );
    expect(expired).toMatchObject({ stage: 'messaged', waitingOn: 'client' });
    expect(await outboxOf(stack, freelancer.id, 'offer.expired')).toHaveLength(1);
    expect(await outboxOf(stack, client.id, 'offer.expired')).toHaveLength(1);

    const late = await stack.http.post(`/v1/offers/${offer.id}/accept`, freelancer.token);
    expect(late.status).toBe(409);
    expect(late.body.error.message).toContain('the offer is expired');
    expect(await sql(stack, 'select id from contracts where proposal_id = ?', [proposalId])).toEqual([]);
    const [row] = await sql(stack, 'select status from offers where id = ?', [offer.id]);
    expect(row!.status).toBe('expired');
  });
});

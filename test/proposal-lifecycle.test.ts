import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createRepositories } from '../libs/db/repositories/index.js';
import type { ProposalState } from '../workflows/proposal.types.js';
import { startStack, type Stack } from './support/harness.js';
import { apply, balance, BID, createAccount, createFreelancer, createJob, submit } from './support/factories.js';
import { eventually } from './support/http.js';
import {
  clientMessaged,
  getProposal,
  hireInProgress,
  ledgerOf,
  makeOffer,
  outboxOf,
  sql,
  stageOf,
  submittedCandidate,
} from './support/lifecycle.js';
import { ANSWERS, QUESTIONS, answer, interviewPath, startInterview, takeInterview } from './support/interviews.js';

describe('a proposal from draft to decision, through the REST API', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack();
  });
  afterAll(() => stack?.close());

  describe('the instant interview gate', () => {
    it('refuses submission (409) until the interview child completes, then charges on submit only', async () => {
      const client = await createAccount(stack, 'client');
      const job = await createJob(stack, client, { connectsCost: 6, interview: { questions: QUESTIONS } });
      const freelancer = await createFreelancer(stack, 10);
      const proposalId = await apply(stack, freelancer, job.id);

      const early = await submit(stack, freelancer, proposalId);
      expect(early.status).toBe(409);
      expect(early.body.error.message).toContain('draft');

      await startInterview(stack, freelancer, proposalId);
      expect(await getProposal(stack, freelancer, proposalId)).toMatchObject({ stage: 'interviewing', interview: { status: 'in_progress' } });
      for (const [index, text] of ANSWERS.entries()) {
        expect((await answer(stack, freelancer, proposalId, index, text)).status).toBe(200);
        const during = await submit(stack, freelancer, proposalId);
        expect(during.status).toBe(409);
        expect(during.body.error.message).toContain('interviewing');
      }
      expect(await balance(stack, freelancer)).toBe(10);

      expect((await stack.http.post(interviewPath(proposalId, 'complete'), freelancer.token)).status).toBe(200);
      const ready = await stageOf(stack, freelancer, proposalId, 'ready');
      expect(ready.interviewIncluded).toBe(true);
      expect(ready.allowedActions).toContain('submit');
      expect(await balance(stack, freelancer)).toBe(10);

      const submitted = await submit(stack, freelancer, proposalId);
      expect(submitted.status).toBe(200);
      expect(submitted.body).toMatchObject({ stage: 'submitted', connectsCharged: 6, interviewIncluded: true });
      expect(await balance(stack, freelancer)).toBe(4);
    });

    it('an interview taken for job A never satisfies job B', async () => {
      const client = await createAccount(stack, 'client');
      const jobA = await createJob(stack, client, { interview: { questions: QUESTIONS } });
      const jobB = await createJob(stack, client, { interview: { questions: QUESTIONS } });
      const freelancer = await createFreelancer(stack, 10);
      const a = await apply(stack, freelancer, jobA.id);
      const b = await apply(stack, freelancer, jobB.id);

      await takeInterview(stack, freelancer, a);
      expect(await stageOf(stack, freelancer, a, 'ready')).toMatchObject({ interview: { workflowId: `interview/${jobA.id}/${freelancer.id}` } });

      const proposalB = await getProposal(stack, freelancer, b);
      expect(proposalB).toMatchObject({ stage: 'draft', interview: { status: 'not_started' }, interviewIncluded: false });
      const refused = await submit(stack, freelancer, b);
      expect(refused.status).toBe(409);
      expect(refused.body.error.message).toContain('draft');
      expect((await submit(stack, freelancer, a)).status).toBe(200);
    });

    it('a job without questions submits straight from the draft', async () => {
      const { freelancer, proposalId } = await hireInProgress(stack);
      expect(await getProposal(stack, freelancer, proposalId)).toMatchObject({ stage: 'submitted', interviewRequired: false });
    });
  });

  describe('editing after submission', () => {
    it('notes are editable until the client first views; the bid until an offer; the interview never', async () => {
      const { client, freelancer, proposalId } = await hireInProgress(stack);

      const notes = await stack.http.patch(`/v1/proposals/${proposalId}`, freelancer.token, { notes: 'I can start Monday.' });
      expect(notes.status).toBe(200);
      expect(notes.body).toMatchObject({ notes: 'I can start Monday.', stage: 'submitted' });
      expect(notes.body.allowedActions).toEqual(expect.arrayContaining(['edit_content', 'edit_bid', 'withdraw']));

      expect((await stack.http.post(`/v1/proposals/${proposalId}/view`, client.token)).status).toBe(200);
      const late = await stack.http.patch(`/v1/proposals/${proposalId}`, freelancer.token, { notes: 'Actually Tuesday.' });
      expect(late.status).toBe(409);
      expect(late.body.error).toMatchObject({ code: 'wrong_state' });
      expect(late.body.error.message).toContain('viewed');

      const bid = await stack.http.patch(`/v1/proposals/${proposalId}`, freelancer.token, { bid: { type: 'fixed', amount: 450 } });
      expect(bid.status).toBe(200);
      expect(bid.body.bid).toEqual({ type: 'fixed', amount: 450 });
      expect(bid.body.notes).toBe('I can start Monday.');

      await makeOffer(stack, client, proposalId);
      const bidAfterOffer = await stack.http.patch(`/v1/proposals/${proposalId}`, freelancer.token, { bid: { type: 'fixed', amount: 400 } });
      expect(bidAfterOffer.status).toBe(409);
      expect(bidAfterOffer.body.error.message).toContain('offer pending');
      expect((await getProposal(stack, freelancer, proposalId)).bid).toEqual({ type: 'fixed', amount: 450 });

      const interview = await stack.http.patch(`/v1/proposals/${proposalId}`, freelancer.token, { interview: { answers: [] } });
      expect(interview.status).toBe(400);
      expect(interview.body.error.code).toBe('validation_failed');
    });
  });

  describe('withdrawal', () => {
    it('is allowed until an offer arrives, and refunds nothing', async () => {
      const { freelancer, proposalId, client } = await hireInProgress(stack);
      expect(await balance(stack, freelancer)).toBe(6);
      const res = await stack.http.post(`/v1/proposals/${proposalId}/withdraw`, freelancer.token, { reason: 'Took another project' });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ stage: 'withdrawn', waitingOn: 'none', withdrawReason: 'Took another project', connectsRefunded: 0 });
      expect(await balance(stack, freelancer)).toBe(6);
      expect((await ledgerOf(stack, freelancer.id)).map((e) => e.kind)).toEqual(['purchase', 'charge']);
      expect(await outboxOf(stack, client.id, 'proposal.withdrawn')).toHaveLength(1);

      const again = await stack.http.post(`/v1/proposals/${proposalId}/withdraw`, freelancer.token, { reason: 'again' });
      expect(again.status).toBe(409);
      expect(again.body.error.message).toContain('withdrawn');
    });

    it('is refused once an offer is pending', async () => {
      const { client, freelancer, proposalId } = await hireInProgress(stack);
      await makeOffer(stack, client, proposalId);
      const res = await stack.http.post(`/v1/proposals/${proposalId}/withdraw`, freelancer.token, { reason: 'changed my mind' });
      expect(res.status).toBe(409);
      expect(res.body.error.message).toContain('offer pending');
    });

    it('of a draft is free and final', async () => {
      const client = await createAccount(stack, 'client');
      const job = await createJob(stack, client);
      const freelancer = await createFreelancer(stack, 10);
      const proposalId = await apply(stack, freelancer, job.id);
      const res = await stack.http.post(`/v1/proposals/${proposalId}/withdraw`, freelancer.token, { reason: 'not for me' });
      expect(res.body.stage).toBe('withdrawn');
      expect(await balance(stack, freelancer)).toBe(10);
    });
  });

  describe('the client reviewing', () => {
    it('declines with a reason the freelancer sees, without refund', async () => {
      const { client, freelancer, proposalId } = await hireInProgress(stack);
      const res = await stack.http.post(`/v1/proposals/${proposalId}/decline`, client.token, { reason: 'We chose a designer with more D3 work' });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ stage: 'declined', waitingOn: 'none' });

      const seen = await getProposal(stack, freelancer, proposalId);
      expect(seen).toMatchObject({ stage: 'declined', declineReason: 'We chose a designer with more D3 work' });
      const listed = await stack.http.get('/v1/proposals?tab=archived', freelancer.token);
      expect(listed.body.items).toEqual([expect.objectContaining({ id: proposalId, declineReason: 'We chose a designer with more D3 work' })]);
      const [notice] = await outboxOf(stack, freelancer.id, 'proposal.declined');
      expect(notice!.payload).toMatchObject({ proposalId, reason: 'We chose a designer with more D3 work' });
      expect(await balance(stack, freelancer)).toBe(6);
    });

    it('a decline without a reason is a 400 naming the field', async () => {
      const { client, proposalId } = await hireInProgress(stack);
      const res = await stack.http.post(`/v1/proposals/${proposalId}/decline`, client.token, {});
      expect(res.status).toBe(400);
      expect(res.body.error.message).toContain('reason');
    });

    it('the first view moves submitted to viewed and tells the freelancer once', async () => {
      const { client, freelancer, proposalId } = await hireInProgress(stack);
      const first = await stack.http.post(`/v1/proposals/${proposalId}/view`, client.token);
      expect(first.body).toMatchObject({ stage: 'viewed', waitingOn: 'client' });
      await stack.http.post(`/v1/proposals/${proposalId}/view`, client.token);
      expect(await outboxOf(stack, freelancer.id, 'proposal.viewed')).toHaveLength(1);
    });

    it("the client's first message moves the proposal to messaged", async () => {
      const { client, freelancer, proposalId, workflowId } = await hireInProgress(stack);
      expect((await getProposal(stack, freelancer, proposalId)).allowedActions).not.toContain('message');
      await clientMessaged(stack, workflowId);
      const messaged = await stageOf(stack, client, proposalId, 'messaged');
      expect(messaged.waitingOn).toBe('client');
      expect(messaged.clientMessagedAt).toEqual(expect.any(String));
      expect((await getProposal(stack, freelancer, proposalId)).allowedActions).toContain('message');
      const tab = await eventually(
        () => stack.http.get(`/v1/jobs/${messaged.jobId}/proposals?tab=messaged`, client.token),
        (res) => res.body.items.length === 1,
      );
      expect(tab.body.items[0]).toMatchObject({ id: proposalId, stage: 'messaged' });
    });

    it('shortlist and archive are flags beside the stage, and the tabs follow them', async () => {
      const client = await createAccount(stack, 'client');
      const job = await createJob(stack, client);
      const [a, b, c] = [
        await submittedCandidate(stack, job.id),
        await submittedCandidate(stack, job.id),
        await submittedCandidate(stack, job.id),
      ];
      const shortlisted = await stack.http.post(`/v1/proposals/${a!.proposalId}/shortlist`, client.token);
      expect(shortlisted.body).toMatchObject({ stage: 'submitted', shortlisted: true, archived: false });
      const archived = await stack.http.post(`/v1/proposals/${b!.proposalId}/archive`, client.token);
      expect(archived.body).toMatchObject({ stage: 'submitted', archived: true });
      await clientMessaged(stack, c!.workflowId);
      await stageOf(stack, client, c!.proposalId, 'messaged');

      const tab = async (name: string) =>
        (await stack.http.get(`/v1/jobs/${job.id}/proposals?tab=${name}`, client.token)).body.items.map((p: { id: string }) => p.id).sort();
      await eventually(() => tab('messaged'), (ids) => ids.length === 1);
      expect(await tab('all')).toEqual([a!.proposalId, c!.proposalId].sort());
      expect(await tab('shortlisted')).toEqual([a!.proposalId]);
      expect(await tab('archived')).toEqual([b!.proposalId]);
      expect(await tab('messaged')).toEqual([c!.proposalId]);

      const restored = await stack.http.post(`/v1/proposals/${b!.proposalId}/archive`, client.token, { value: false });
      expect(restored.body.archived).toBe(false);
      expect(await tab('archived')).toEqual([]);
      expect(await tab('all')).toHaveLength(3);

      // The client's private flags are not the freelancer's business.
      expect(await getProposal(stack, a!.freelancer, a!.proposalId)).not.toHaveProperty('shortlisted');

      const badTab = await stack.http.get(`/v1/jobs/${job.id}/proposals?tab=favourites`, client.token);
      expect(badTab.status).toBe(400);
      expect(badTab.body.error.message).toContain('tab');
    });

    it("the freelancer's tabs follow the stages", async () => {
      const client = await createAccount(stack, 'client');
      const freelancer = await createFreelancer(stack, 30);
      const jobs = [await createJob(stack, client), await createJob(stack, client), await createJob(stack, client), await createJob(stack, client)];
      const draft = await apply(stack, freelancer, jobs[0]!.id);
      const sent = await apply(stack, freelancer, jobs[1]!.id);
      await submit(stack, freelancer, sent);
      const offered = await apply(stack, freelancer, jobs[2]!.id);
      await submit(stack, freelancer, offered);
      await makeOffer(stack, client, offered);
      const gone = await apply(stack, freelancer, jobs[3]!.id);
      await stack.http.post(`/v1/proposals/${gone}/withdraw`, freelancer.token, { reason: 'busy' });

      const tab = async (name: string) =>
        (await stack.http.get(`/v1/proposals?tab=${name}`, freelancer.token)).body.items.map((p: { id: string }) => p.id).sort();
      expect(await tab('drafts')).toEqual([draft]);
      expect(await tab('submitted')).toEqual([sent]);
      expect(await tab('offers')).toEqual([offered]);
      expect(await tab('active')).toEqual([offered]);
      expect(await tab('archived')).toEqual([gone]);
      expect(await tab('all')).toEqual([draft, sent, offered, gone].sort());
      expect(await tab('hired')).toEqual([]);
    });
  });

  describe('who may act, and when', () => {
    it('the wrong party gets a 403, whatever the stage', async () => {
      const { client, freelancer, proposalId } = await hireInProgress(stack);
      const stranger = await createFreelancer(stack, 10);
      const otherClient = await createAccount(stack, 'client');

      const cases = [
        await stack.http.post(`/v1/proposals/${proposalId}/withdraw`, stranger.token, { reason: 'not mine' }),
        await stack.http.patch(`/v1/proposals/${proposalId}`, stranger.token, { notes: 'hijack' }),
        await stack.http.post(`/v1/proposals/${proposalId}/view`, freelancer.token),
        await stack.http.post(`/v1/proposals/${proposalId}/decline`, otherClient.token, { reason: 'not my job' }),
        await stack.http.post(`/v1/proposals/${proposalId}/offer`, otherClient.token, { terms: { type: 'fixed', amount: 1, description: 'x' } }),
        await stack.http.post(`/v1/proposals/${proposalId}/submit`, client.token, { bid: BID }),
        await stack.http.get(`/v1/proposals/${proposalId}`, otherClient.token),
        await stack.http.get(`/v1/jobs/${(await getProposal(stack, client, proposalId)).jobId}/proposals`, otherClient.token),
      ];
      expect(cases.map((res) => res.status)).toEqual(Array(cases.length).fill(403));
      for (const res of cases) expect(res.body.error.code).toBe('forbidden');
      expect((await getProposal(stack, client, proposalId)).stage).toBe('submitted');
    });

    it('a draft does not exist for the client yet', async () => {
      const client = await createAccount(stack, 'client');
      const job = await createJob(stack, client);
      const freelancer = await createFreelancer(stack, 10);
      const proposalId = await apply(stack, freelancer, job.id);
      expect((await stack.http.post(`/v1/proposals/${proposalId}/view`, client.token)).status).toBe(404);
      expect((await stack.http.get(`/v1/jobs/${job.id}/proposals`, client.token)).body.items).toEqual([]);
    });

    it('an action in the wrong stage is a 409 whose message names the current stage', async () => {
      const { client, freelancer, proposalId } = await hireInProgress(stack);
      await stack.http.post(`/v1/proposals/${proposalId}/decline`, client.token, { reason: 'not a fit' });
      const attempts = [
        await stack.http.post(`/v1/proposals/${proposalId}/offer`, client.token, { terms: { type: 'fixed', amount: 10, description: 'x' } }),
        await stack.http.post(`/v1/proposals/${proposalId}/shortlist`, client.token),
        await stack.http.post(`/v1/proposals/${proposalId}/withdraw`, freelancer.token, { reason: 'too late' }),
        await stack.http.patch(`/v1/proposals/${proposalId}`, freelancer.token, { bid: BID }),
      ];
      for (const res of attempts) {
        expect(res.status).toBe(409);
        expect(res.body.error).toMatchObject({ code: 'wrong_state', message: expect.stringContaining('the proposal is declined') });
      }
    });

    it('the live state carries each caller their own next actions', async () => {
      const { client, freelancer, proposalId } = await hireInProgress(stack);
      expect((await getProposal(stack, client, proposalId)).allowedActions).toEqual(
        expect.arrayContaining(['view', 'shortlist', 'archive', 'decline', 'make_offer']),
      );
      expect((await getProposal(stack, freelancer, proposalId)).allowedActions).toEqual(['edit_content', 'edit_bid', 'withdraw']);
      await makeOffer(stack, client, proposalId);
      expect((await getProposal(stack, freelancer, proposalId)).allowedActions).toEqual(
        expect.arrayContaining(['accept_offer', 'decline_offer', 'request_changes']),
      );
      expect((await getProposal(stack, client, proposalId)).allowedActions).toEqual(
        expect.arrayContaining(['modify_offer', 'withdraw_offer']),
      );
    });
  });

  describe('the read model', () => {
    it('never moves backwards: an older or repeated write changes nothing', async () => {
      const { client, proposalId } = await hireInProgress(stack);
      await stack.http.post(`/v1/proposals/${proposalId}/view`, client.token);
      const [row] = await sql<{ stage: string; version: number }>(stack, 'select stage, version from proposals where id = ?', [proposalId]);
      expect(row!.stage).toBe('viewed');

      const live = await getProposal(stack, client, proposalId);
      const stale: ProposalState = { ...live, proposalId, stage: 'submitted', viewedAt: undefined, version: row!.version - 1 };
      const repositories = createRepositories(stack.orm);
      await repositories.proposals.record(stale, live.workflowId);
      await repositories.proposals.record({ ...stale, version: row!.version, stage: 'withdrawn' }, live.workflowId);

      const [after] = await sql<{ stage: string; version: number; viewed_at: Date | null }>(
        stack,
        'select stage, version, viewed_at from proposals where id = ?',
        [proposalId],
      );
      expect(after).toMatchObject({ stage: 'viewed', version: row!.version });
      expect(after!.viewed_at).not.toBeNull();
    });
  });
});

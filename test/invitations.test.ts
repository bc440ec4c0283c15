import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startStack, type Stack } from './support/harness.js';
import { apply, balance, createAccount, createFreelancer, createJob, submit, type Actor } from './support/factories.js';
import { eventually } from './support/http.js';
import { createInterviewJob, takeInterview } from './support/interviews.js';

/** Enough sign-ups for a file that creates many accounts. */
const ROOMY_LIMITS = { RATE_LIMIT_SIGNUPS_PER_MINUTE: '1000', RATE_LIMIT_WRITES_PER_MINUTE: '5000' };

async function invite(stack: Stack, client: Actor, jobId: string, freelancerId: string, message?: string) {
  return stack.http.post(`/v1/jobs/${jobId}/invitations`, client.token, { freelancerId, ...(message ? { message } : {}) });
}

async function invited(stack: Stack, client: Actor, jobId: string, freelancer: Actor): Promise<string> {
  const res = await invite(stack, client, jobId, freelancer.id);
  if (res.status !== 201) throw new Error(`invite failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.id;
}

const act = (stack: Stack, actor: Actor, id: string, action: string, body?: object) =>
  stack.http.post(`/v1/invitations/${id}/${action}`, actor.token, body);

const getInvitation = async (stack: Stack, actor: Actor, id: string) => (await stack.http.get(`/v1/invitations/${id}`, actor.token)).body;

async function tab(stack: Stack, actor: Actor, query: string): Promise<string[]> {
  const res = await stack.http.get(`/v1/invitations?${query}`, actor.token);
  expect(res.status).toBe(200);
  return res.body.items.map((item: { id: string }) => item.id);
}

interface OutboxRow {
  type: string;
  recipient_id: string;
  payload: Record<string, any>;
  created_at: Date;
}

async function outbox(stack: Stack, invitationId: string): Promise<OutboxRow[]> {
  return stack.orm.em
    .fork()
    .execute<OutboxRow[]>(`select type, recipient_id, payload, created_at from events where payload->>'invitationId' = ? order by id`, [invitationId]);
}

describe('invitations: invite, answer, close with the job', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack(ROOMY_LIMITS);
  });
  afterAll(() => stack?.close());

  it('an accepted invitation starts an invited proposal that submits with zero Connects charged', async () => {
    const client = await createAccount(stack, 'client');
    const freelancer = await createFreelancer(stack, 10);
    const job = await createJob(stack, client, { connectsCost: 4 });

    const sent = await invite(stack, client, job.id, freelancer.id, 'Your dashboard portfolio fits this project well.');
    expect(sent.status).toBe(201);
    expect(sent.body).toMatchObject({
      status: 'pending',
      waitingOn: 'freelancer',
      workflowId: `invitation/${job.id}/${freelancer.id}`,
      message: 'Your dashboard portfolio fits this project well.',
      allowedActions: ['withdraw'],
    });
    const id = sent.body.id;
    const received = await eventually(() => outbox(stack, id), (rows) => rows.some((r) => r.type === 'invitation.received'));
    expect(received.find((r) => r.type === 'invitation.received')).toMatchObject({ recipient_id: freelancer.id, payload: { jobId: job.id } });

    const pending = (await stack.http.get('/v1/invitations', freelancer.token)).body.items;
    expect(pending).toEqual([expect.objectContaining({ id, status: 'pending', allowedActions: ['accept', 'decline', 'archive'] })]);

    const accepted = await act(stack, freelancer, id, 'accept');
    expect(accepted.status).toBe(200);
    expect(accepted.body).toMatchObject({ status: 'accepted', proposalId: expect.any(String), allowedActions: [] });
    expect(accepted.body.proposal).toMatchObject({ id: accepted.body.proposalId, stage: 'draft', invited: true });

    const submitted = await submit(stack, freelancer, accepted.body.proposalId);
    expect(submitted.status).toBe(200);
    expect(submitted.body).toMatchObject({ stage: 'submitted', connectsCharged: 0 });
    expect(await balance(stack, freelancer)).toBe(10);

    // A retried accept joins the proposal already started instead of starting another.
    const again = await act(stack, freelancer, id, 'accept');
    expect(again.status).toBe(200);
    expect(again.body.proposalId).toBe(accepted.body.proposalId);

    expect(await tab(stack, freelancer, 'tab=accepted')).toEqual([id]);
    expect(await tab(stack, freelancer, 'tab=pending')).toEqual([]);
    const sentTab = (await stack.http.get(`/v1/invitations?jobId=${job.id}`, client.token)).body.items;
    expect(sentTab).toEqual([expect.objectContaining({ id, status: 'accepted', proposalId: accepted.body.proposalId })]);
    const events = await eventually(() => outbox(stack, id), (rows) => rows.some((r) => r.type === 'invitation.accepted'));
    expect(events.find((r) => r.type === 'invitation.accepted')!.recipient_id).toBe(client.id);
  }, 30_000);

  it('applying directly while invited is free too, and accepting afterwards joins that proposal', async () => {
    const client = await createAccount(stack, 'client');
    const freelancer = await createFreelancer(stack, 10);
    const job = await createJob(stack, client, { connectsCost: 4 });
    const invitationId = await invited(stack, client, job.id, freelancer);

    const proposalId = await apply(stack, freelancer, job.id);
    const submitted = await submit(stack, freelancer, proposalId);
    expect(submitted.status).toBe(200);
    expect(submitted.body).toMatchObject({ invited: true, connectsCharged: 0 });
    expect(await balance(stack, freelancer)).toBe(10);

    const accepted = await act(stack, freelancer, invitationId, 'accept');
    expect(accepted.status).toBe(200);
    expect(accepted.body.proposalId).toBe(proposalId);
  });

  it('an invited freelancer on an interview-gated job cannot submit before the interview, and after it submits free', async () => {
    const client = await createAccount(stack, 'client');
    const freelancer = await createFreelancer(stack, 10);
    const job = await createInterviewJob(stack, client, { connectsCost: 4 });
    const id = await invited(stack, client, job.id, freelancer);

    const accepted = await act(stack, freelancer, id, 'accept');
    expect(accepted.status).toBe(200);
    expect(accepted.body.proposal).toMatchObject({ invited: true, interviewRequired: true, stage: 'draft' });

    const early = await submit(stack, freelancer, accepted.body.proposalId);
    expect(early.status).toBe(409);
    expect(early.body.error.code).toBe('wrong_state');
    expect(early.body.error.message).toContain('draft');
    expect(await balance(stack, freelancer)).toBe(10);

    await takeInterview(stack, freelancer, accepted.body.proposalId);
    await eventually(
      async () => (await stack.http.get(`/v1/proposals/${accepted.body.proposalId}`, freelancer.token)).body.stage,
      (stage) => stage === 'ready',
    );
    const submitted = await submit(stack, freelancer, accepted.body.proposalId);
    expect(submitted.status).toBe(200);
    expect(submitted.body).toMatchObject({ stage: 'submitted', interviewIncluded: true, connectsCharged: 0 });
    expect(await balance(stack, freelancer)).toBe(10);
  }, 30_000);

  it('declining needs one or more reasons from the fixed list; the client is told which', async () => {
    const client = await createAccount(stack, 'client');
    const freelancer = await createFreelancer(stack);
    const job = await createJob(stack, client);
    const id = await invited(stack, client, job.id, freelancer);

    for (const body of [undefined, {}, { reasons: [] }, { message: 'No thanks.' }]) {
      const res = await act(stack, freelancer, id, 'decline', body);
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe('validation_failed');
    }
    const noReasons = await act(stack, freelancer, id, 'decline', { reasons: [] });
    expect(noReasons.body.error.message).toContain('reasons');
    const unknown = await act(stack, freelancer, id, 'decline', { reasons: ['too_far_away'] });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.message).toContain('reasons');
    expect((await getInvitation(stack, freelancer, id)).status).toBe('pending');

    const declined = await act(stack, freelancer, id, 'decline', { reasons: ['not_available', 'budget_too_low'], message: 'Booked until March.' });
    expect(declined.status).toBe(200);
    expect(declined.body).toMatchObject({ status: 'declined', declineReasons: ['not_available', 'budget_too_low'], declineMessage: 'Booked until March.' });
    const events = await eventually(() => outbox(stack, id), (rows) => rows.some((r) => r.type === 'invitation.declined'));
    expect(events.find((r) => r.type === 'invitation.declined')).toMatchObject({
      recipient_id: client.id,
      payload: { reasons: ['not_available', 'budget_too_low'], message: 'Booked until March.' },
    });
    expect(await tab(stack, freelancer, 'tab=declined')).toEqual([id]);

    const late = await act(stack, freelancer, id, 'accept');
    expect(late.status).toBe(409);
    expect(late.body.error.message).toBe('cannot accept: the invitation is declined');
  }, 30_000);

  it('archiving ignores the invitation: not a response, and the client is not told', async () => {
    const client = await createAccount(stack, 'client');
    const freelancer = await createFreelancer(stack);
    const job = await createJob(stack, client);
    const id = await invited(stack, client, job.id, freelancer);

    const archived = await act(stack, freelancer, id, 'archive');
    expect(archived.status).toBe(200);
    expect(archived.body).toMatchObject({ status: 'archived', respondedAt: null });
    expect(await tab(stack, freelancer, 'tab=archived')).toEqual([id]);
    const events = await outbox(stack, id);
    expect(events.filter((r) => r.recipient_id === client.id)).toEqual([]);
  }, 30_000);

  it('one pending invitation per job and freelancer; once it ended, the client may invite again', async () => {
    const client = await createAccount(stack, 'client');
    const freelancer = await createFreelancer(stack);
    const job = await createJob(stack, client);
    const first = await invited(stack, client, job.id, freelancer);

    const second = await invite(stack, client, job.id, freelancer.id);
    expect(second.status).toBe(409);
    expect(second.body.error).toMatchObject({ code: 'already_exists', message: expect.stringContaining('pending invitation') });
    expect(await tab(stack, client, `tab=sent&jobId=${job.id}`)).toEqual([first]);

    expect((await act(stack, freelancer, first, 'withdraw')).status).toBe(403);
    const withdrawn = await act(stack, client, first, 'withdraw');
    expect(withdrawn.status).toBe(200);
    expect(withdrawn.body.status).toBe('withdrawn');
    const events = await eventually(() => outbox(stack, first), (rows) => rows.some((r) => r.type === 'invitation.withdrawn'));
    expect(events.find((r) => r.type === 'invitation.withdrawn')!.recipient_id).toBe(freelancer.id);

    // The workflow id is reused by the new invitation; the old one still answers for itself.
    const renewed = await invite(stack, client, job.id, freelancer.id);
    expect(renewed.status).toBe(201);
    expect(renewed.body.workflowId).toBe(withdrawn.body.workflowId);
    const stale = await act(stack, freelancer, first, 'accept');
    expect(stale.status).toBe(409);
    expect(stale.body.error.message).toBe('cannot accept: the invitation is withdrawn');
    expect((await getInvitation(stack, freelancer, renewed.body.id)).status).toBe('pending');
  }, 30_000);

  it('a freelancer who already applied to the job cannot be invited to it', async () => {
    const client = await createAccount(stack, 'client');
    const freelancer = await createFreelancer(stack, 10);
    const job = await createJob(stack, client);
    await apply(stack, freelancer, job.id);

    const res = await invite(stack, client, job.id, freelancer.id);
    expect(res.status).toBe(409);
    expect(res.body.error.message).toContain('already applied');
    expect(await tab(stack, client, `jobId=${job.id}`)).toEqual([]);
  }, 30_000);

  it('cancelling the job closes its pending invitations; a closed job takes no new ones', async () => {
    const client = await createAccount(stack, 'client');
    const job = await createJob(stack, client);
    const freelancers = [await createFreelancer(stack), await createFreelancer(stack)];
    const ids = [await invited(stack, client, job.id, freelancers[0]!), await invited(stack, client, job.id, freelancers[1]!)];

    expect((await stack.http.post(`/v1/jobs/${job.id}/cancel`, client.token)).status).toBe(200);
    for (const [i, id] of ids.entries()) {
      const closed = await eventually(() => getInvitation(stack, freelancers[i]!, id), (inv) => inv.status === 'closed');
      expect(closed).toMatchObject({ closedReason: 'cancelled', allowedActions: [] });
      const events = await eventually(() => outbox(stack, id), (rows) => rows.some((r) => r.type === 'invitation.closed'));
      expect(events.find((r) => r.type === 'invitation.closed')).toMatchObject({ recipient_id: freelancers[i]!.id, payload: { reason: 'cancelled' } });
    }
    const accept = await act(stack, freelancers[0]!, ids[0]!, 'accept');
    expect(accept.status).toBe(409);
    expect(accept.body.error.message).toContain('closed');

    const late = await invite(stack, client, job.id, (await createFreelancer(stack)).id);
    expect(late.status).toBe(409);
    expect(late.body.error.code).toBe('job_not_open');
  }, 30_000);

  it('only the job\'s client invites, only existing freelancers, and only the parties read an invitation', async () => {
    const client = await createAccount(stack, 'client');
    const other = await createAccount(stack, 'client');
    const freelancer = await createFreelancer(stack);
    const stranger = await createFreelancer(stack);
    const job = await createJob(stack, client);

    expect((await invite(stack, other, job.id, freelancer.id)).status).toBe(403);
    expect((await stack.http.post(`/v1/jobs/${job.id}/invitations`, freelancer.token, { freelancerId: stranger.id })).status).toBe(403);
    const notFreelancer = await invite(stack, client, job.id, other.id);
    expect(notFreelancer.status).toBe(404);
    expect(notFreelancer.body.error.message).toContain('freelancer');
    const badId = await stack.http.post(`/v1/jobs/${job.id}/invitations`, client.token, { freelancerId: 'someone' });
    expect(badId.status).toBe(400);
    expect(badId.body.error.message).toContain('freelancerId');

    const id = await invited(stack, client, job.id, freelancer);
    expect((await stack.http.get(`/v1/invitations/${id}`, stranger.token)).status).toBe(403);
    expect((await act(stack, stranger, id, 'accept')).status).toBe(403);
    expect((await stack.http.get(`/v1/invitations?tab=sent`, freelancer.token)).status).toBe(400);
  }, 30_000);

  it('the invitation message passes the contact-detail rules: an email address is a 422 and nothing is sent', async () => {
    const client = await createAccount(stack, 'client');
    const freelancer = await createFreelancer(stack);
    const job = await createJob(stack, client);

    const res = await invite(stack, client, job.id, freelancer.id, 'Great profile! Write to me at hiring@acme-widgets.com');
    expect(res.status).toBe(422);
    expect(res.body.error).toMatchObject({ code: 'content_rejected', details: { findings: [expect.objectContaining({ kind: 'email' })] } });
    expect(await tab(stack, freelancer, 'tab=pending')).toEqual([]);
    expect((await invite(stack, client, job.id, freelancer.id, 'Great profile! Tell me more here.')).status).toBe(201);
  }, 30_000);

  it('ops find pending invitations near expiry by search attributes; the workflow explains itself', async () => {
    const client = await createAccount(stack, 'client');
    const freelancer = await createFreelancer(stack, 0, 'Ada Lovelace');
    const job = await createJob(stack, client, { title: 'Analytical engine dashboard' });
    const id = await invited(stack, client, job.id, freelancer);
    const workflowId = `invitation/${job.id}/${freelancer.id}`;

    const list = async (before: Date) => {
      const found: string[] = [];
      const query = `HireflowKind = "invitation" AND HireflowStage = "pending" AND HireflowJobId = "${job.id}" AND HireflowExpiresAt < "${before.toISOString()}"`;
      for await (const wf of stack.temporal.workflow.list({ query })) found.push(wf.workflowId);
      return found;
    };
    const day = 86_400_000;
    expect(await eventually(() => list(new Date(Date.now() + 8 * day)), (found) => found.length === 1)).toEqual([workflowId]);
    // The default expiry is 7 days: nothing of this job expires within 6.
    expect(await list(new Date(Date.now() + 6 * day))).toEqual([]);

    const description = await stack.temporal.workflow.getHandle(workflowId).describe();
    expect(await description.staticSummary()).toBe('Invitation: Ada Lovelace invited to "Analytical engine dashboard"');
    expect((await getInvitation(stack, client, id)).status).toBe('pending');
  }, 30_000);
});

describe('invitation timers: reminder before expiry, then expiry', () => {
  const EXPIRES_AFTER_MS = 4_000;
  const REMINDER_BEFORE_MS = 2_000;
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack({
      ...ROOMY_LIMITS,
      INVITATION_EXPIRES_AFTER: `${EXPIRES_AFTER_MS}ms`,
      INVITATION_REMINDER_BEFORE: `${REMINDER_BEFORE_MS}ms`,
    });
  });
  afterAll(() => stack?.close());

  it('reminds the freelancer before expiry, expires, and refuses a late accept with 409 naming the state', async () => {
    const client = await createAccount(stack, 'client');
    const freelancer = await createFreelancer(stack, 10);
    const job = await createJob(stack, client);
    const id = await invited(stack, client, job.id, freelancer);

    const expired = await eventually(() => getInvitation(stack, freelancer, id), (inv) => inv.status === 'expired' && inv.endedAt, 30_000);
    expect(expired).toMatchObject({ respondedAt: null, allowedActions: [] });
    const events = await eventually(() => outbox(stack, id), (rows) => rows.filter((r) => r.type === 'invitation.expired').length === 2);
    const reminder = events.find((r) => r.type === 'invitation.reminder');
    expect(reminder).toMatchObject({ recipient_id: freelancer.id, payload: { expiresAt: expired.expiresAt } });
    expect(events.filter((r) => r.type === 'invitation.expired').map((r) => r.recipient_id).sort()).toEqual([client.id, freelancer.id].sort());

    // The reminder comes REMINDER_BEFORE_MS ahead of the expiry, which comes EXPIRES_AFTER_MS after sending.
    const sentAt = Date.parse(expired.sentAt);
    const endedAt = Date.parse(expired.endedAt);
    expect(Date.parse(expired.expiresAt) - sentAt).toBe(EXPIRES_AFTER_MS);
    expect(endedAt).toBeGreaterThanOrEqual(Date.parse(expired.expiresAt));
    const [row] = await stack.orm.em.fork().execute<{ reminded_at: string }[]>('select reminded_at from invitations where id = ?', [id]);
    const remindedAt = new Date(row!.reminded_at).getTime();
    expect(remindedAt).toBeGreaterThanOrEqual(sentAt + EXPIRES_AFTER_MS - REMINDER_BEFORE_MS);
    expect(remindedAt).toBeLessThan(endedAt);

    const late = await act(stack, freelancer, id, 'accept');
    expect(late.status).toBe(409);
    expect(late.body.error).toMatchObject({ code: 'wrong_state', message: 'cannot accept: the invitation is expired' });
    expect(await tab(stack, freelancer, 'tab=archived')).toEqual([id]);
    expect(await tab(stack, freelancer, 'tab=pending')).toEqual([]);
  }, 40_000);
});

describe('response metrics on the freelancer profile', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack(ROOMY_LIMITS);
  });
  afterAll(() => stack?.close());

  const profile = async (viewer: Actor, freelancer: Actor) => {
    const res = await stack.http.get(`/v1/freelancers/${freelancer.id}`, viewer.token);
    expect(res.status).toBe(200);
    return res.body;
  };

  it('shows rate and bucket once there is enough data; a withdrawal within 24 h does not count', async () => {
    const client = await createAccount(stack, 'client');
    const freelancer = await createFreelancer(stack, 0, 'Grace Hopper');
    const jobs = [];
    for (let i = 0; i < 4; i += 1) jobs.push(await createJob(stack, client, { title: `Compiler work ${i}` }));
    const ids = [];
    for (const job of jobs) ids.push(await invited(stack, client, job.id, freelancer));

    expect(await profile(client, freelancer)).toEqual({
      id: freelancer.id,
      displayName: 'Grace Hopper',
      skills: [],
      responseRate: null,
      responseTime: 'none',
    });

    expect((await act(stack, client, ids[0]!, 'withdraw')).status).toBe(200);
    expect((await act(stack, freelancer, ids[1]!, 'accept')).status).toBe(200);
    expect((await act(stack, freelancer, ids[2]!, 'decline', { reasons: ['not_interested'] })).status).toBe(200);
    // Two responses and a withdrawal within 24 h: too little data still.
    expect(await profile(freelancer, freelancer)).toMatchObject({ responseRate: null, responseTime: 'none' });

    expect((await act(stack, freelancer, ids[3]!, 'decline', { reasons: ['skills_mismatch'] })).status).toBe(200);
    expect(await profile(client, freelancer)).toMatchObject({ responseRate: 1, responseTime: 'within_24_hours' });
  }, 40_000);

  it('buckets by the median of known response times and counts ignored invitations against the rate', async () => {
    const client = await createAccount(stack, 'client');
    const freelancer = await createFreelancer(stack);
    const viewer = await createFreelancer(stack);
    const job = await createJob(stack, client);
    const hour = 3_600_000;
    const sentAt = new Date(Date.now() - 10 * 24 * hour);
    const after = (hours: number) => new Date(sentAt.getTime() + hours * hour);
    // History older than any test run can produce: rows as the workflow writes them.
    const history: [string, number | null, number | null][] = [
      ['accepted', 30, 30],
      ['declined', 50, 50],
      ['declined', 60, 60],
      ['archived', null, 5],
      ['withdrawn', null, 2],
    ];
    for (const [i, [status, respondedAfter, endedAfter]] of history.entries()) {
      await stack.orm.em.fork().execute(
        `insert into invitations (id, job_id, client_id, freelancer_id, workflow_id, run_id, status, sent_at, expires_at, responded_at, ended_at, last_transition_at, version)
         values (gen_random_uuid(), ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 5)`,
        [job.id, client.id, freelancer.id, `invitation/${job.id}/${freelancer.id}`, `seeded-run-${i}`, status, sentAt, after(168),
          respondedAfter === null ? null : after(respondedAfter), endedAfter === null ? null : after(endedAfter), sentAt],
      );
    }
    // 3 responses out of 4 counted (the early withdrawal is left out); median 50 h.
    expect(await profile(viewer, freelancer)).toMatchObject({ responseRate: 0.75, responseTime: 'within_3_days' });

    expect((await stack.http.get(`/v1/freelancers/${client.id}`, viewer.token)).status).toBe(404);
    expect((await stack.http.get(`/v1/freelancers/${freelancer.id}`)).status).toBe(401);
  }, 30_000);
});

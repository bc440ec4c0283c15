import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { retryEvaluationUpdate } from '../workflows/messages.js';
import { seedAccount } from './support/accounts.js';
import { apply, createAccount, createFreelancer, submit, type Actor } from './support/factories.js';
import { startFakeOpenAi, type FakeOpenAi } from './support/fake-openai.js';
import { startStack, type Stack } from './support/harness.js';
import { eventually } from './support/http.js';
import { ANSWERS, createInterviewJob, getInterview, takeInterview } from './support/interviews.js';

/** The real `openai` SDK against a fake OpenAI-compatible server on 127.0.0.1. */
describe('interview evaluation through an OpenAI-compatible server', () => {
  let fake: FakeOpenAi;
  let stack: Stack;
  let ops: { token: string };

  beforeAll(async () => {
    fake = await startFakeOpenAi();
    stack = await startStack({ OPENAI_API_KEY: 'sk-test', OPENAI_BASE_URL: `${fake.url}/v1`, OPENAI_MODEL: 'gpt-test' });
    ops = await seedAccount(stack, 'ops');
  });
  afterAll(async () => {
    await stack?.close();
    await fake?.close();
  });

  async function interviewed(answers = ANSWERS, displayName?: string): Promise<{ freelancer: Actor; proposalId: string; jobId: string }> {
    const client = await createAccount(stack, 'client');
    const freelancer = await createFreelancer(stack, 10, displayName);
    const job = await createInterviewJob(stack, client);
    const proposalId = await apply(stack, freelancer, job.id);
    await takeInterview(stack, freelancer, proposalId, answers);
    return { freelancer, proposalId, jobId: job.id };
  }
  const settled = (actor: { token: string }, proposalId: string) =>
    eventually(
      () => getInterview(stack, actor, proposalId),
      (res) => res.body?.status === 'evaluated' || res.body?.status === 'failed',
    );

  it('stores the structured result with prompt and model version; a fabricated quote is dropped and its score re-derived; the prompt is blind', async () => {
    const real = 'I built a React dashboard for a logistics company over two years.';
    const fabricated = 'I have led TypeScript migrations at Google for ten years.';
    fake.queue.push({
      status: 200,
      evaluation: {
        summary: 'Hands-on React dashboard work; TypeScript claimed.',
        requirements: [
          { requirement: 'React', score: 5, evidence: [real], rationale: 'Built a production dashboard.' },
          { requirement: 'TypeScript', score: 4, evidence: [fabricated], rationale: 'Led migrations.' },
          { requirement: 'GraphQL', score: 3, evidence: [], rationale: 'Implied.' },
        ],
      },
    });
    const seen = fake.requests.length;
    const answers = [
      `Hi, I'm Amara Okafor, based in Lagos, Nigeria; reach me at amara.okafor@example.com or +234 803 123 4567. ${real}`,
      'I migrated a large codebase to TypeScript and maintained the shared types.',
      'I test the filters with unit tests.',
    ];
    const { freelancer, proposalId } = await interviewed(answers, 'Amara Okafor');
    const { body } = await settled(freelancer, proposalId);

    expect(body).toMatchObject({
      status: 'evaluated',
      summary: 'Hands-on React dashboard work; TypeScript claimed.',
      evaluator: { provider: 'openai', model: fake.servedModel, promptVersion: 'interview-evaluation/v1' },
    });
    expect(body.alignment).toEqual([
      { requirement: 'React', score: 5, evidence: [real], rationale: 'Built a production dashboard.' },
      { requirement: 'TypeScript', score: 1, evidence: [], rationale: expect.stringContaining('none of the quoted evidence appears') },
      { requirement: 'GraphQL', score: 1, evidence: [], rationale: 'Implied.' },
    ]);
    expect(body.score).toBeCloseTo(2.3);

    const requests = fake.requests.slice(seen);
    expect(requests).toHaveLength(1);
    const request = requests[0]!;
    expect(request.authorization).toBe('Bearer sk-test');
    expect(request.body).toMatchObject({
      model: 'gpt-test',
      temperature: 0,
      response_format: { type: 'json_schema', json_schema: { name: 'interview_evaluation', strict: true } },
    });
    const prompt = JSON.stringify(request.body.messages);
    for (const personal of ['Amara', 'Okafor', 'amara.okafor@example.com', 'Lagos', 'Nigeria', '803 123 4567', freelancer.id]) {
      expect(prompt).not.toContain(personal);
    }
    for (const mask of ['[name]', '[location]', '[email]', '[phone]']) expect(prompt).toContain(mask);
    expect(prompt).toContain('React dashboard for a logistics company');

    // Ops see what was dropped and the exact prompt that produced the score.
    const opsView = await getInterview(stack, ops, proposalId);
    expect(opsView.body.droppedQuotes).toEqual([fabricated]);
    expect(JSON.parse(opsView.body.prompt)).toEqual(request.body.messages);
    expect((await getInterview(stack, freelancer, proposalId)).body.prompt).toBeUndefined();
  });

  it('a 429 is retried with backoff and the evaluation then succeeds', async () => {
    fake.queue.push({ status: 429, message: 'Rate limit reached for requests' });
    const seen = fake.requests.length;
    const { freelancer, proposalId } = await interviewed();
    const { body } = await settled(freelancer, proposalId);
    expect(body.status).toBe('evaluated');
    expect(body.alignment.map((a: { score: number }) => a.score)).toEqual([4, 4, 1]);
    expect(fake.requests.length - seen).toBe(2);
  });

  it('a 400 fails at once, without retries, and shows as failed to ops; an ops retry after the fix evaluates it', async () => {
    fake.queue.push({ status: 400, message: "Invalid schema for response_format 'interview_evaluation'" });
    const seen = fake.requests.length;
    const { freelancer, proposalId, jobId } = await interviewed();
    const failed = await settled(freelancer, proposalId);
    expect(failed.body).toMatchObject({ status: 'failed', score: null, summary: null });
    expect(failed.body.failure).toBeUndefined();
    expect(fake.requests.length - seen).toBe(1);

    const opsView = await getInterview(stack, ops, proposalId);
    expect(opsView.body.failure).toMatchObject({ stage: 'evaluation', code: 'upstream_rejected' });
    expect(opsView.body.failure.message).toContain('400');
    const workflowId = `interview/${jobId}/${freelancer.id}`;
    const listed = await eventually(
      async () => {
        const found: string[] = [];
        for await (const wf of stack.temporal.workflow.list({ query: `HireflowKind = "interview" AND HireflowStage = "failed" AND HireflowJobId = "${jobId}"` })) {
          found.push(wf.workflowId);
        }
        return found;
      },
      (found) => found.length === 1,
    );
    expect(listed).toEqual([workflowId]);

    // The gate opened on completion: a failed evaluation does not hold the proposal up.
    expect((await submit(stack, freelancer, proposalId)).status).toBe(200);

    // Ops see it among the stuck hires, with the reason, and retry it once the cause is fixed.
    const stuck = await stack.http.get('/v1/ops/stuck', ops.token);
    expect(stuck.body.items).toContainEqual(expect.objectContaining({ workflowId, reason: 'evaluation_failed', kind: 'interview' }));
    const retryPath = `/v1/ops/proposals/${proposalId}/retry-evaluation`;
    const retried = await stack.http.post(retryPath, ops.token);
    expect(retried.status).toBe(200);
    expect(['evaluating', 'evaluated']).toContain(retried.body.status);
    const { body } = await eventually(
      () => getInterview(stack, freelancer, proposalId),
      (res) => res.body.status === 'evaluated',
    );
    expect(body.score).not.toBeNull();
    expect((await getInterview(stack, ops, proposalId)).body.failure).toBeNull();
    expect(fake.requests.length - seen).toBe(2);

    // Evaluated and with nothing left to wait for, the interview has finished: nothing to retry.
    await expect(stack.temporal.workflow.getHandle(workflowId).executeUpdate(retryEvaluationUpdate)).rejects.toThrow();
    expect((await stack.http.post(retryPath, ops.token)).status).toBeGreaterThanOrEqual(400);
    expect(fake.requests.length - seen).toBe(2);

    // Every ops action is on record, refused ones too.
    const audit = await stack.orm.em
      .fork()
      .execute<{ action: string; outcome: string }[]>(`select action, outcome from ops_audit where target_id = ? order by id`, [proposalId]);
    expect(audit).toEqual([
      { action: 'retry-evaluation', outcome: 'succeeded' },
      { action: 'retry-evaluation', outcome: 'refused' },
    ]);
  });
});

import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { jwtVerify } from 'jose';
import { seedAccount } from './support/accounts.js';
import { apply, BID, createAccount, createFreelancer, createJob, submit, type Actor } from './support/factories.js';
import { startStack, type Stack } from './support/harness.js';
import { eventually } from './support/http.js';
import {
  ANSWERS,
  QUESTIONS,
  answer,
  createInterviewJob,
  getInterview,
  interviewPath,
  startInterview,
  takeInterview,
} from './support/interviews.js';

/** The offline defaults: no Twilio or OpenAI credentials, so the local video adapter and evaluator run. */
describe('instant interviews with the offline adapters', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack();
  });
  afterAll(() => stack?.close());

  const evaluated = (stack: Stack, actor: Actor, proposalId: string) =>
    eventually(
      () => getInterview(stack, actor, proposalId),
      (res) => res.body?.status === 'evaluated',
    );

  it('start gives the questions and a locally signed token for this interview\'s room only; starting again rejoins it', async () => {
    const client = await createAccount(stack, 'client');
    const freelancer = await createFreelancer(stack, 10);
    const job = await createInterviewJob(stack, client);
    const proposalId = await apply(stack, freelancer, job.id);

    const session = await startInterview(stack, freelancer, proposalId);
    expect(session).toMatchObject({ status: 'started', questions: QUESTIONS, currentQuestion: 0, attempt: 1 });
    expect(session.video).toMatchObject({ provider: 'local', room: `interview_${job.id}_${freelancer.id}` });
    const { payload } = await jwtVerify(session.video.token, new TextEncoder().encode(stack.config.auth.jwtSecret), {
      issuer: 'hireflow-local-video',
    });
    expect(payload.sub).toBe(freelancer.id);
    expect(payload.grants).toEqual({ identity: freelancer.id, video: { room: session.video.room } });
    expect(payload.exp! - payload.iat!).toBe(stack.config.video.tokenTtlSeconds);

    // The video token is not an API token.
    expect((await stack.http.get(`/v1/proposals/${proposalId}`, session.video.token)).status).toBe(401);

    const rejoined = await startInterview(stack, freelancer, proposalId);
    expect(rejoined.video.room).toBe(session.video.room);
    expect(rejoined.attempt).toBe(1);
  });

  it('answers go in order; English passes, French and Spanish are 422, a short answer is not misjudged', async () => {
    const client = await createAccount(stack, 'client');
    const freelancer = await createFreelancer(stack, 10);
    const job = await createInterviewJob(stack, client);
    const proposalId = await apply(stack, freelancer, job.id);
    await startInterview(stack, freelancer, proposalId);

    const early = await answer(stack, freelancer, proposalId, 1, ANSWERS[1]!);
    expect(early.status).toBe(409);
    expect(early.body.error.message).toContain('answer question 0 first');

    const french = await answer(stack, freelancer, proposalId, 0, "J'ai construit un tableau de bord React pour une entreprise de logistique, avec des graphiques et des filtres.");
    expect(french.status).toBe(422);
    expect(french.body.error).toMatchObject({ code: 'not_english', details: { detected: 'fra' } });
    expect(french.body.error.message).toContain('must be in English');
    const spanish = await answer(stack, freelancer, proposalId, 0, 'Construí un panel de control con React para una empresa de logística, con gráficos y filtros.');
    expect(spanish.status).toBe(422);
    expect(spanish.body.error.code).toBe('not_english');

    // A refused answer was not recorded: the same question takes an English answer.
    const english = await answer(stack, freelancer, proposalId, 0, ANSWERS[0]!);
    expect(english.status).toBe(200);
    expect(english.body).toMatchObject({ currentQuestion: 1, transcript: [{ questionIndex: 0, text: ANSWERS[0] }] });
    const short = await answer(stack, freelancer, proposalId, 1, 'Yes.');
    expect(short.status).toBe(200);

    const edit = await answer(stack, freelancer, proposalId, 0, 'A better answer, given later.');
    expect(edit.status).toBe(409);
    expect(edit.body.error.message).toContain('cannot be edited');

    const missing = await stack.http.post(interviewPath(proposalId, 'answers'), freelancer.token, { questionIndex: 2 });
    expect(missing.status).toBe(400);
    expect(missing.body.error.message).toContain('text');
  });

  it('gate: submission is refused until the interview is completed; then it is final and evaluated with verbatim evidence', async () => {
    const client = await createAccount(stack, 'client');
    const freelancer = await createFreelancer(stack, 10);
    const job = await createInterviewJob(stack, client);
    const proposalId = await apply(stack, freelancer, job.id);

    expect((await submit(stack, freelancer, proposalId)).status).toBe(409);
    await startInterview(stack, freelancer, proposalId);
    for (const [i, text] of ANSWERS.entries()) expect((await answer(stack, freelancer, proposalId, i, text)).status).toBe(200);
    const refused = await submit(stack, freelancer, proposalId);
    expect(refused.status).toBe(409);
    expect(refused.body.error.message).toContain('interviewing');

    const completed = await stack.http.post(interviewPath(proposalId, 'complete'), freelancer.token);
    expect(completed.status).toBe(200);
    expect(completed.body).toMatchObject({ status: 'completed', endedBy: 'freelancer' });
    const submitted = await submit(stack, freelancer, proposalId, { bid: BID, notes: 'Happy to share samples.' });
    expect(submitted.status).toBe(200);
    expect(submitted.body).toMatchObject({ stage: 'submitted', interviewIncluded: true });

    // Completed is final: no retake, no edit.
    const again = await stack.http.post(interviewPath(proposalId, 'start'), freelancer.token);
    expect(again.status).toBe(409);
    expect(again.body.error.message).toContain('cannot be retaken');
    expect((await answer(stack, freelancer, proposalId, 2, 'One more thing about React.')).status).toBe(409);
    expect((await stack.http.post(interviewPath(proposalId, 'complete'), freelancer.token)).status).toBe(409);

    const { body } = await evaluated(stack, freelancer, proposalId);
    expect(body).toMatchObject({
      status: 'evaluated',
      endedBy: 'freelancer',
      evaluator: { provider: 'local', model: 'hireflow-local-evaluator', promptVersion: 'local-rubric/v1' },
      video: { provider: 'local', status: 'ended' },
      recording: { status: 'none', url: null },
    });
    expect(body.transcript.map((t: { question: string; text: string }) => [t.question, t.text])).toEqual(QUESTIONS.map((q, i) => [q, ANSWERS[i]]));
    expect(body.alignment.map((a: { requirement: string; score: number }) => [a.requirement, a.score])).toEqual([
      ['React', 5],
      ['TypeScript', 4],
      ['GraphQL', 1],
    ]);
    const answersText = ANSWERS.join('\n');
    for (const a of body.alignment) for (const quote of a.evidence) expect(answersText).toContain(quote);
    expect(body.alignment[2].evidence).toEqual([]);
    expect(body.score).toBeCloseTo(3.3);
    expect(body.summary).toContain('No evidence for GraphQL');

    // The freelancer is told through the outbox the API pushes over WebSockets; the client too
    // when the proposal was already in front of them as the evaluation finished.
    const told = await stack.orm.em
      .fork()
      .execute<{ recipient_id: string }[]>(`select recipient_id from events where type = 'interview.evaluated' and payload->>'proposalId' = ? order by recipient_id`, [proposalId]);
    const recipients = told.map((row) => row.recipient_id);
    expect(recipients).toContain(freelancer.id);
    expect(recipients.every((id) => id === freelancer.id || id === client.id)).toBe(true);
  });

  it('the job\'s client sees the interview beside the submitted proposal with a badge, score and summary; nobody else does', async () => {
    const client = await createAccount(stack, 'client');
    const freelancer = await createFreelancer(stack, 10);
    const job = await createInterviewJob(stack, client);
    const proposalId = await apply(stack, freelancer, job.id);
    await takeInterview(stack, freelancer, proposalId);
    await evaluated(stack, freelancer, proposalId);

    // Before submission the proposal and its interview are the freelancer's alone.
    expect((await getInterview(stack, client, proposalId)).status).toBe(404);
    expect((await submit(stack, freelancer, proposalId)).status).toBe(200);

    const seen = await getInterview(stack, client, proposalId);
    expect(seen.status).toBe(200);
    expect(seen.body).toMatchObject({ status: 'evaluated', transcript: expect.any(Array), alignment: expect.any(Array) });
    expect(seen.body.failure).toBeUndefined();
    const proposal = await stack.http.get(`/v1/proposals/${proposalId}`, client.token);
    expect(proposal.body).toMatchObject({
      interviewIncluded: true,
      interviewResult: { included: true, status: 'evaluated', score: seen.body.score, summary: seen.body.summary },
    });

    const otherClient = await createAccount(stack, 'client');
    const otherFreelancer = await createFreelancer(stack);
    expect((await getInterview(stack, otherClient, proposalId)).status).toBe(403);
    expect((await getInterview(stack, otherFreelancer, proposalId)).status).toBe(403);
    expect((await stack.http.post(interviewPath(proposalId, 'start'), otherFreelancer.token)).status).toBe(403);
    expect((await stack.http.post(interviewPath(proposalId, 'start'), client.token)).status).toBe(403);
  });

  it('an interview for job A never satisfies job B', async () => {
    const client = await createAccount(stack, 'client');
    const freelancer = await createFreelancer(stack, 10);
    const jobA = await createInterviewJob(stack, client, { title: 'Job A: React dashboard' });
    const jobB = await createInterviewJob(stack, client, { title: 'Job B: React dashboard' });
    const proposalA = await apply(stack, freelancer, jobA.id);
    const proposalB = await apply(stack, freelancer, jobB.id);
    await takeInterview(stack, freelancer, proposalA);

    const refused = await submit(stack, freelancer, proposalB);
    expect(refused.status).toBe(409);
    expect(refused.body.error.message).toContain('draft');
    expect((await getInterview(stack, freelancer, proposalB)).status).toBe(404);
    expect((await stack.http.get(`/v1/proposals/${proposalB}`, freelancer.token)).body).toMatchObject({ interviewIncluded: false, interviewResult: null });

    const plain = await apply(stack, freelancer, (await createJob(stack, client)).id);
    const notAsked = await stack.http.post(interviewPath(plain, 'start'), freelancer.token);
    expect(notAsked.status).toBe(409);
    expect(notAsked.body.error.message).toContain('does not ask for an instant interview');

    const sessionB = await startInterview(stack, freelancer, proposalB);
    expect(sessionB.video.room).toBe(`interview_${jobB.id}_${freelancer.id}`);
    expect(sessionB.transcript).toEqual([]);
    expect((await submit(stack, freelancer, proposalA)).status).toBe(200);
  });

  it('ops grant one retake, before submission only', async () => {
    const ops = await seedAccount(stack, 'ops');
    const client = await createAccount(stack, 'client');
    const freelancer = await createFreelancer(stack, 10);
    const job = await createInterviewJob(stack, client);
    const proposalId = await apply(stack, freelancer, job.id);
    await takeInterview(stack, freelancer, proposalId);
    const grant = (actor: { token: string }, id = proposalId) => stack.http.post(`/v1/ops/proposals/${id}/grant-interview-retake`, actor.token);

    expect((await grant(freelancer)).status).toBe(403);
    const granted = await grant(ops);
    expect(granted.status).toBe(200);
    expect(granted.body).toMatchObject({ stage: 'draft', interview: { status: 'not_started', retakesGranted: 1 } });
    expect((await submit(stack, freelancer, proposalId)).status).toBe(409);

    const retake = await startInterview(stack, freelancer, proposalId);
    expect(retake).toMatchObject({ attempt: 2, transcript: [], currentQuestion: 0 });
    expect(retake.video.room).toBe(`interview_${job.id}_${freelancer.id}_retake-1`);
    await takeInterview(stack, freelancer, proposalId, ['I have built many React dashboards for clients.', 'I use TypeScript every day at work.', 'I test the filters with unit tests.']);
    const second = await grant(ops);
    expect(second.status).toBe(409);
    expect(second.body.error.message).toContain('1 retake(s) were granted');
    expect((await submit(stack, freelancer, proposalId)).status).toBe(200);
    const latest = await evaluated(stack, freelancer, proposalId);
    expect(latest.body).toMatchObject({ attempt: 2, transcript: [{ text: 'I have built many React dashboards for clients.' }, {}, {}] });

    // After submission, even a first retake is refused.
    const other = await createFreelancer(stack, 10);
    const otherProposal = await apply(stack, other, job.id);
    await takeInterview(stack, other, otherProposal);
    expect((await submit(stack, other, otherProposal)).status).toBe(200);
    const late = await grant(ops, otherProposal);
    expect(late.status).toBe(409);
    expect(late.body.error.message).toContain('submitted');
  });

  it('fairness: the same answers with different names, pronouns and dialect markers get the same scores', async () => {
    const client = await createAccount(stack, 'client');
    const job = await createInterviewJob(stack, client);
    const variants: [string, string[]][] = [
      [
        'Emily Walsh',
        [
          "Hi, I'm Emily. I built a React dashboard for a logistics company over two years; he was the designer and I did the code.",
          'I migrated a 200k line codebase to TypeScript and maintained the shared types for 3 years.',
          'I write unit tests for the filter logic and snapshot tests for the React charts, and I optimize the colors.',
        ],
      ],
      [
        'Oluwaseun Adeyemi',
        [
          "Hiya y'all, I'm Oluwaseun. I built a React dashboard for a logistics company over two years innit; she was the designer and I did the code.",
          'Right, so I migrated a 200k line codebase to TypeScript and maintained the shared types for 3 years, mate.',
          'I write unit tests for the filter logic and snapshot tests for the React charts, and I optimise the colours.',
        ],
      ],
    ];
    const results = [];
    for (const [name, answers] of variants) {
      const freelancer = await createFreelancer(stack, 10, name);
      const proposalId = await apply(stack, freelancer, job.id);
      await takeInterview(stack, freelancer, proposalId, answers);
      results.push((await evaluated(stack, freelancer, proposalId)).body);
    }
    const scores = results.map((r) => ({ score: r.score, alignment: r.alignment.map((a: { score: number }) => a.score) }));
    expect(scores[0]).toEqual(scores[1]);
    expect(scores[0]!.alignment).toEqual([5, 4, 1]);
  });
});

describe('instant interview time limits', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack({ INTERVIEW_QUESTION_TIME_LIMIT: '2s', INTERVIEW_SESSION_TIME_LIMIT: '7s' });
  });
  afterAll(() => stack?.close());

  it('a question whose time runs out is skipped; when the session runs out the interview completes with what was answered', async () => {
    const client = await createAccount(stack, 'client');
    const freelancer = await createFreelancer(stack, 10);
    const job = await createInterviewJob(stack, client);
    const proposalId = await apply(stack, freelancer, job.id);
    const session = await startInterview(stack, freelancer, proposalId);
    expect(Date.parse(session.sessionEndsAt) - Date.parse(session.questionEndsAt)).toBeGreaterThan(0);
    expect((await answer(stack, freelancer, proposalId, 0, ANSWERS[0]!)).status).toBe(200);

    // Question 1 is left unanswered until its time runs out; question 2 opens.
    const skipped = await eventually(
      () => startInterview(stack, freelancer, proposalId),
      (s) => s.currentQuestion === 2,
    );
    expect(skipped.transcript).toHaveLength(1);
    const late = await answer(stack, freelancer, proposalId, 1, ANSWERS[1]!);
    expect(late.status).toBe(409);
    expect(late.body.error.message).toContain('time ran out');
    expect((await answer(stack, freelancer, proposalId, 2, ANSWERS[2]!)).status).toBe(200);

    // Not completed by the freelancer: the session limit ends it.
    const done = await eventually(
      () => getInterview(stack, freelancer, proposalId),
      (res) => res.body?.completedAt != null,
    );
    expect(done.body).toMatchObject({ endedBy: 'time_limit' });
    expect(done.body.transcript.map((t: { questionIndex: number }) => t.questionIndex)).toEqual([0, 2]);
    await eventually(
      () => stack.http.get(`/v1/proposals/${proposalId}`, freelancer.token),
      (res) => res.body.stage === 'ready',
    );
    expect((await submit(stack, freelancer, proposalId)).status).toBe(200);
  }, 30_000);
});

import type { Actor } from './factories.js';
import type { Stack } from './harness.js';

export const QUESTIONS = [
  'Tell us about a React dashboard you built.',
  'How have you used TypeScript on a large codebase?',
  'How do you test charts and filters?',
];

/** Answers that give the local evaluator evidence for React and TypeScript, and none for GraphQL. */
export const ANSWERS = [
  'I built a React dashboard for a logistics company over two years. It showed live shipments with charts and filters.',
  'I migrated a 200k line codebase to TypeScript and maintained the shared types for 3 years.',
  'I write unit tests for the filter logic and snapshot tests for the React charts.',
];

export async function createInterviewJob(
  stack: Stack,
  client: Actor,
  overrides: Partial<{ questions: string[]; skills: string[]; title: string; connectsCost: number }> = {},
): Promise<{ id: string }> {
  const res = await stack.http.post('/v1/jobs', client.token, {
    title: overrides.title ?? 'React dashboard for sales data',
    description: 'A dashboard with charts and filters over our sales data.',
    skills: overrides.skills ?? ['React', 'TypeScript', 'GraphQL'],
    connectsCost: overrides.connectsCost ?? 2,
    interview: { questions: overrides.questions ?? QUESTIONS },
  });
  if (res.status !== 201) throw new Error(`job creation failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

export const interviewPath = (proposalId: string, action = '') => `/v1/proposals/${proposalId}/interview${action ? `/${action}` : ''}`;

export async function startInterview(stack: Stack, freelancer: Actor, proposalId: string) {
  const res = await stack.http.post(interviewPath(proposalId, 'start'), freelancer.token);
  if (res.status !== 200) throw new Error(`interview start failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

export async function answer(stack: Stack, freelancer: Actor, proposalId: string, questionIndex: number, text: string) {
  return stack.http.post(interviewPath(proposalId, 'answers'), freelancer.token, { questionIndex, text });
}

/** Starts, answers every question in order and completes; fails loudly on any refusal. */
export async function takeInterview(stack: Stack, freelancer: Actor, proposalId: string, answers: string[] = ANSWERS) {
  const session = await startInterview(stack, freelancer, proposalId);
  for (const [index, text] of answers.entries()) {
    const res = await answer(stack, freelancer, proposalId, index, text);
    if (res.status !== 200) throw new Error(`answer ${index} failed: ${res.status} ${JSON.stringify(res.body)}`);
  }
  const done = await stack.http.post(interviewPath(proposalId, 'complete'), freelancer.token);
  if (done.status !== 200) throw new Error(`interview completion failed: ${done.status} ${JSON.stringify(done.body)}`);
  return session;
}

export async function getInterview(stack: Stack, actor: { token: string }, proposalId: string) {
  return stack.http.get(interviewPath(proposalId), actor.token);
}

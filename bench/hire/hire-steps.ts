import type { Actor, ApiClient } from '../support/api-client.js';

/**
 * One complete hire through the public REST API, as a web client would drive it:
 * apply → instant interview (local video and evaluator) → submit → view → message → offer → accept.
 * Accounts and the job post are set-up, outside the measured steps.
 */

export const QUESTION_BANK = [
  'Tell us about a React dashboard you built and what it showed.',
  'How have you used TypeScript on a large codebase?',
  'How do you test charts and filters?',
  'How do you keep a dashboard fast with a lot of data?',
  'How do you work with designers and product owners?',
];

const ANSWER_BANK = [
  'I built a React dashboard for a logistics company over two years. It showed live shipments with charts and filters.',
  'I migrated a large codebase to TypeScript and maintained the shared types for three years with a small team.',
  'I write unit tests for the filter logic and snapshot tests for the React charts, and run them in continuous integration.',
  'I paginate on the server, memoise the expensive selectors and render long tables with virtual scrolling.',
  'I meet the designers every week, write short notes on decisions and show working software early and often.',
];

export const questionsFor = (count: number) => Array.from({ length: count }, (_, i) => QUESTION_BANK[i % QUESTION_BANK.length]!);
const answerFor = (index: number) => ANSWER_BANK[index % ANSWER_BANK.length]!;

export interface HireSetup {
  client: Actor;
  freelancer: Actor;
  jobId: string;
}

/** The measured steps, in order; the cost benchmark attributes history to each by these names. */
export const HIRE_STEPS = ['apply', 'interview.start', 'interview.answer', 'interview.complete', 'submit', 'view', 'message', 'offer', 'accept'] as const;
export type HireStep = (typeof HIRE_STEPS)[number];

export async function prepareHire(api: ApiClient, index: number, questions: number): Promise<HireSetup> {
  const [client, freelancer] = await Promise.all([
    api.account('client', `Bench client ${index}`),
    api.account('freelancer', `Bench freelancer ${index}`, ['react', 'typescript']),
  ]);
  const job = await api.setup<{ id: string }>('POST', '/v1/jobs', client.token, {
    title: `React dashboard for sales data ${index}`,
    description: 'A dashboard with charts and filters over our sales data.',
    skills: ['react', 'typescript'],
    // Within the sign-up grant, so no purchase is needed; the submit still charges.
    connectsCost: 2,
    openings: 1,
    ...(questions > 0 ? { interview: { questions: questionsFor(questions) } } : {}),
  });
  return { client, freelancer, jobId: job.id };
}

export interface HireIds {
  proposalId: string;
  workflowId: string;
  interviewWorkflowId?: string;
  offerId?: string;
}

/**
 * Runs the steps of one hire; `between` runs after each step (the cost benchmark waits there
 * for the workflows to settle and reads their histories).
 */
export async function runHire(
  api: ApiClient,
  setup: HireSetup,
  questions: number,
  between: (step: HireStep, ids: HireIds) => Promise<void> = async () => {},
): Promise<HireIds> {
  const { client, freelancer, jobId } = setup;
  const proposal = await api.call<{ id: string; workflowId: string }>('apply', 'POST', `/v1/jobs/${jobId}/proposals`, freelancer.token);
  const ids: HireIds = { proposalId: proposal.id, workflowId: proposal.workflowId };
  await between('apply', ids);
  const base = `/v1/proposals/${ids.proposalId}`;
  if (questions > 0) {
    await api.call('interview.start', 'POST', `${base}/interview/start`, freelancer.token);
    ids.interviewWorkflowId = ids.workflowId.replace(/^proposal\//, 'interview/');
    await between('interview.start', ids);
    for (let q = 0; q < questions; q += 1) {
      await api.call('interview.answer', 'POST', `${base}/interview/answers`, freelancer.token, { questionIndex: q, text: answerFor(q) });
      await between('interview.answer', ids);
    }
    await api.call('interview.complete', 'POST', `${base}/interview/complete`, freelancer.token);
    await between('interview.complete', ids);
  }
  await api.call('submit', 'POST', `${base}/submit`, freelancer.token, {
    bid: { type: 'fixed', amount: 800 },
    coverLetter: 'I have built three dashboards like this one and can start next week.',
  });
  await between('submit', ids);
  await api.call('view', 'POST', `${base}/view`, client.token);
  await between('view', ids);
  await api.call('message', 'POST', `${base}/messages`, client.token, { body: 'Thanks for applying. Could you start on Monday?' });
  await between('message', ids);
  const offer = await api.call<{ id: string }>('offer', 'POST', `${base}/offer`, client.token, {
    terms: { type: 'fixed', amount: 800, description: 'Build the dashboard as proposed' },
  });
  ids.offerId = offer.id;
  await between('offer', ids);
  await api.call('accept', 'POST', `/v1/offers/${offer.id}/accept`, freelancer.token);
  await between('accept', ids);
  return ids;
}

import type { Stack } from './harness.js';

export interface Actor {
  id: string;
  token: string;
  role: 'client' | 'freelancer';
}

let counter = 0;

export async function createAccount(stack: Stack, role: 'client' | 'freelancer', displayName?: string): Promise<Actor> {
  counter += 1;
  const res = await stack.http.post('/v1/accounts', undefined, { role, displayName: displayName ?? `${role} ${counter}` });
  if (res.status !== 201) throw new Error(`account creation failed: ${res.status} ${JSON.stringify(res.body)}`);
  return { id: res.body.id, token: res.body.token, role };
}

export async function createFreelancer(stack: Stack, connects = 0, displayName?: string): Promise<Actor> {
  const freelancer = await createAccount(stack, 'freelancer', displayName);
  if (connects > 0) {
    const res = await stack.http.post('/v1/connects/purchases', freelancer.token, { quantity: connects });
    if (res.status !== 201) throw new Error(`purchase failed: ${res.status} ${JSON.stringify(res.body)}`);
  }
  return freelancer;
}

export async function createJob(
  stack: Stack,
  client: Actor,
  overrides: Partial<{ connectsCost: number; openings: number; interview: { questions: string[] }; title: string }> = {},
): Promise<{ id: string; workflowId: string }> {
  const res = await stack.http.post('/v1/jobs', client.token, {
    title: overrides.title ?? 'Build a React dashboard',
    description: 'A dashboard for our sales data, with charts and filters.',
    skills: ['react', 'typescript'],
    connectsCost: overrides.connectsCost ?? 4,
    openings: overrides.openings ?? 1,
    ...(overrides.interview ? { interview: overrides.interview } : {}),
  });
  if (res.status !== 201) throw new Error(`job creation failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

export async function apply(stack: Stack, freelancer: Actor, jobId: string): Promise<string> {
  const res = await stack.http.post(`/v1/jobs/${jobId}/proposals`, freelancer.token);
  if (res.status !== 201) throw new Error(`apply failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.id;
}

export const BID = { type: 'fixed', amount: 500 } as const;

export async function submit(stack: Stack, freelancer: Actor, proposalId: string, body: object = { bid: BID }) {
  return stack.http.post(`/v1/proposals/${proposalId}/submit`, freelancer.token, body);
}

export async function balance(stack: Stack, freelancer: Actor): Promise<number> {
  return (await stack.http.get('/v1/connects', freelancer.token)).body.balance;
}

export const OFFER_TERMS = { type: 'fixed', amount: 500, description: 'Build the dashboard as proposed' } as const;

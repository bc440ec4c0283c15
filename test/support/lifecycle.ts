import type { Stack } from './harness.js';
import { apply, BID, createAccount, createFreelancer, createJob, OFFER_TERMS, submit, type Actor } from './factories.js';
import { eventually } from './http.js';
import * as msg from '../../workflows/messages.js';

/** Helpers for lifecycle tests: whole steps of a hire, and direct looks at PostgreSQL. */

export interface Candidate {
  freelancer: Actor;
  proposalId: string;
  workflowId: string;
}

/** A freelancer who applied to the job and submitted, with `connects` bought beforehand. */
export async function submittedCandidate(stack: Stack, jobId: string, connects = 10, body: object = { bid: BID }): Promise<Candidate> {
  const freelancer = await createFreelancer(stack, connects);
  const proposalId = await apply(stack, freelancer, jobId);
  const res = await submit(stack, freelancer, proposalId, body);
  if (res.status !== 200) throw new Error(`submit failed: ${res.status} ${JSON.stringify(res.body)}`);
  return { freelancer, proposalId, workflowId: res.body.workflowId };
}

/** A client, a job, and one submitted candidate. */
export async function hireInProgress(stack: Stack, job: Parameters<typeof createJob>[2] = {}) {
  const client = await createAccount(stack, 'client');
  const posted = await createJob(stack, client, job);
  const candidate = await submittedCandidate(stack, posted.id);
  return { client, job: posted, ...candidate };
}

export async function makeOffer(stack: Stack, client: Actor, proposalId: string, terms: object = OFFER_TERMS) {
  const res = await stack.http.post(`/v1/proposals/${proposalId}/offer`, client.token, { terms });
  if (res.status !== 201) throw new Error(`offer failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as { id: string; status: string; sentAt: string; expiresAt: string; terms: object };
}

export async function getProposal(stack: Stack, actor: Actor, proposalId: string) {
  return (await stack.http.get(`/v1/proposals/${proposalId}`, actor.token)).body;
}

/** Waits until the proposal's live state reaches `stage`. */
export function stageOf(stack: Stack, actor: Actor, proposalId: string, stage: string, timeoutMs?: number) {
  return eventually(
    () => getProposal(stack, actor, proposalId),
    (p) => p.stage === stage,
    timeoutMs,
  );
}

export async function sql<T = Record<string, any>>(stack: Stack, query: string, params: unknown[] = []): Promise<T[]> {
  return stack.orm.em.fork().execute<T[]>(query, params);
}

export interface LedgerRow {
  kind: string;
  amount: number;
  balance_after: number;
  reason: string;
  idempotency_key: string;
  job_id: string | null;
  proposal_id: string | null;
}

export function ledgerOf(stack: Stack, accountId: string): Promise<LedgerRow[]> {
  return sql<LedgerRow>(stack, 'select * from ledger_entries where account_id = ? order by created_at, id', [accountId]);
}

export async function outboxOf(stack: Stack, recipientId: string, type: string) {
  return sql<{ type: string; payload: Record<string, any>; created_at: Date }>(
    stack,
    'select type, payload, created_at from events where recipient_id = ? and type = ? order by id',
    [recipientId, type],
  );
}

/** The client's first message, as the messaging service signals it. */
export function clientMessaged(stack: Stack, workflowId: string) {
  return stack.temporal.workflow.getHandle(workflowId).signal(msg.clientMessagedSignal, { at: new Date().toISOString() });
}

import type { Client, WorkflowExecutionDescription } from '@temporalio/client';
import type { MikroORM } from '@mikro-orm/postgresql';
import type { AppConfig } from '../../../libs/config/config.js';
import { findStuck } from '../../../libs/ops/stuck.js';
import { interviewStateQuery, jobStateQuery, proposalStateQuery } from '../../../workflows/messages.js';
import { isTerminal } from '../../../workflows/proposal.rules.js';
import type { InterviewView } from '../../../workflows/interview.types.js';
import type { JobView } from '../../../workflows/job.types.js';
import type { ProposalView } from '../../../workflows/proposal.types.js';

/**
 * The promises hireflow makes whatever fails, checked against PostgreSQL and Temporal after a
 * fault scenario. Each check answers the violations it found, in words; none means it held.
 */

export interface Deployment {
  config: AppConfig;
  orm: MikroORM;
  temporal: Client;
}

export interface InvariantOptions {
  /** How long read models may take to catch up with their workflows once the faults are over. */
  settleMs?: number;
  /** A running activity that has been attempted this often is a side effect that keeps failing. */
  maxActivityAttempts?: number;
}

const sql = <T>(d: Deployment, query: string, params: unknown[] = []) => d.orm.em.fork().execute<T[]>(query, params);

/** Runs `fn` over `items`, at most `limit` at a time. */
async function pooled<T, R>(items: T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async () => {
      while (next < items.length) {
        const index = next++;
        results[index] = await fn(items[index]!);
      }
    }),
  );
  return results;
}

/**
 * Connects ledger: each balance equals purchases + grants + refunds − charges and the rows
 * chain from zero to it; nothing is ever negative; one charge per submitted proposal, of the
 * job's cost (none when invited or free, none without a submission); one refund per charged
 * proposal closed by its job's cancellation (or by ops) and none otherwise; the proposal rows
 * say the same.
 */
export async function ledgerViolations(d: Deployment): Promise<string[]> {
  const violations: string[] = [];
  const accounts = await sql<{ id: string; balance: number; purchases: number; grants: number; refunds: number; charges: number; total: number; unknown: number }>(
    d,
    `select a.id, a.connects_balance as balance,
       coalesce(sum(l.amount) filter (where l.kind = 'purchase'), 0)::int as purchases,
       coalesce(sum(l.amount) filter (where l.kind = 'grant'), 0)::int as grants,
       coalesce(sum(l.amount) filter (where l.kind = 'refund'), 0)::int as refunds,
       coalesce(-sum(l.amount) filter (where l.kind = 'charge'), 0)::int as charges,
       coalesce(sum(l.amount), 0)::int as total,
       count(l.id) filter (where l.kind not in ('purchase', 'grant', 'refund', 'charge'))::int as unknown
     from accounts a left join ledger_entries l on l.account_id = a.id group by a.id`,
  );
  for (const a of accounts) {
    const expected = a.purchases + a.grants + a.refunds - a.charges;
    if (a.balance !== expected) {
      violations.push(`account ${a.id}: balance ${a.balance} ≠ purchases ${a.purchases} + grants ${a.grants} + refunds ${a.refunds} − charges ${a.charges}`);
    }
    if (a.total !== expected) violations.push(`account ${a.id}: the ledger rows sum to ${a.total}, not ${expected}`);
    if (a.balance < 0) violations.push(`account ${a.id}: negative balance ${a.balance}`);
    if (a.unknown > 0) violations.push(`account ${a.id}: ${a.unknown} ledger row(s) of an unknown kind`);
  }

  // Balances move under a row lock, so the rows form one chain: each starts where another ended (the first at 0).
  const rows = await sql<{ account_id: string; amount: number; balance_after: number }>(d, 'select account_id, amount, balance_after from ledger_entries');
  const byAccount = new Map<string, { amount: number; balance_after: number }[]>();
  for (const row of rows) byAccount.set(row.account_id, [...(byAccount.get(row.account_id) ?? []), row]);
  for (const [accountId, entries] of byAccount) {
    if (entries.some((e) => e.balance_after < 0)) violations.push(`account ${accountId}: a ledger row leaves a negative balance`);
    const before = entries.map((e) => e.balance_after - e.amount).sort((x, y) => x - y);
    const after = [0, ...entries.map((e) => e.balance_after)];
    const final = accounts.find((a) => a.id === accountId)?.balance;
    after.splice(after.indexOf(final ?? Number.NaN), 1);
    if (JSON.stringify(before) !== JSON.stringify(after.sort((x, y) => x - y))) {
      violations.push(`account ${accountId}: the ledger rows do not chain from 0 to the balance ${final}`);
    }
  }

  const duplicates = await sql<{ idempotency_key: string; n: number }>(
    d,
    'select idempotency_key, count(*)::int as n from ledger_entries group by idempotency_key having count(*) > 1',
  );
  for (const dup of duplicates) violations.push(`ledger key ${dup.idempotency_key} written ${dup.n} times`);

  const proposals = await sql<{
    id: string; stage: string; closed_reason: string | null; submitted: boolean; invited: boolean; cost: number; job_status: string;
    charged: number; refunded: number; charge_rows: number; refund_rows: number; charge_sum: number; refund_sum: number;
  }>(
    d,
    `select p.id, p.stage, p.closed_reason, p.submitted_at is not null as submitted, p.invited, j.connects_cost as cost, j.status as job_status,
       p.connects_charged as charged, p.connects_refunded as refunded,
       count(l.id) filter (where l.kind = 'charge')::int as charge_rows,
       count(l.id) filter (where l.kind = 'refund')::int as refund_rows,
       coalesce(-sum(l.amount) filter (where l.kind = 'charge'), 0)::int as charge_sum,
       coalesce(sum(l.amount) filter (where l.kind = 'refund'), 0)::int as refund_sum
     from proposals p join jobs j on j.id = p.job_id left join ledger_entries l on l.proposal_id = p.id
     group by p.id, j.connects_cost, j.status`,
  );
  for (const p of proposals) {
    const chargeable = p.submitted && !p.invited && p.cost > 0;
    const expectedCharges = chargeable ? 1 : 0;
    if (p.charge_rows !== expectedCharges) {
      violations.push(`proposal ${p.id} (${p.stage}, ${p.submitted ? 'submitted' : 'never submitted'}, cost ${p.cost}${p.invited ? ', invited' : ''}): ${p.charge_rows} charge(s), expected ${expectedCharges}`);
    }
    if (chargeable && p.charge_sum !== p.cost) violations.push(`proposal ${p.id}: charged ${p.charge_sum}, the job costs ${p.cost}`);
    if (p.charged !== p.charge_sum) violations.push(`proposal ${p.id}: the row says ${p.charged} charged, the ledger ${p.charge_sum}`);
    // Refunded when the job was cancelled (or ops cancelled the proposal) while it was open; never after a decline, a withdrawal or a hire.
    const refundable = p.charge_rows > 0 && p.stage === 'closed' && (p.closed_reason === 'cancelled' || p.closed_reason === 'ops');
    if (p.refund_rows !== (refundable ? 1 : 0)) {
      violations.push(`proposal ${p.id} (${p.stage}${p.closed_reason ? ` because ${p.closed_reason}` : ''}, job ${p.job_status}, ${p.charge_rows} charge(s)): ${p.refund_rows} refund(s), expected ${refundable ? 1 : 0}`);
    }
    if (p.job_status === 'cancelled' && !['closed', 'declined', 'withdrawn', 'abandoned'].includes(p.stage)) {
      violations.push(`proposal ${p.id} is ${p.stage} though its job was cancelled`);
    }
    if (refundable && p.refund_sum !== p.charge_sum) violations.push(`proposal ${p.id}: refunded ${p.refund_sum} of ${p.charge_sum}`);
    if (p.refunded !== p.refund_sum) violations.push(`proposal ${p.id}: the row says ${p.refunded} refunded, the ledger ${p.refund_sum}`);
  }
  const orphans = await sql<{ id: string; kind: string }>(
    d,
    `select l.id, l.kind from ledger_entries l left join proposals p on p.id = l.proposal_id
     where l.kind in ('charge', 'refund') and p.id is null`,
  );
  for (const o of orphans) violations.push(`ledger ${o.kind} ${o.id} belongs to no proposal`);
  return violations;
}

/** Contracts: one per hired proposal, none for anything else; a job's hired count is its contracts. */
export async function contractViolations(d: Deployment): Promise<string[]> {
  const violations: string[] = [];
  const proposals = await sql<{ id: string; stage: string; contract_id: string | null; contracts: number }>(
    d,
    `select p.id, p.stage, p.contract_id, count(c.id)::int as contracts
     from proposals p left join contracts c on c.proposal_id = p.id group by p.id`,
  );
  for (const p of proposals) {
    const expected = p.stage === 'hired' ? 1 : 0;
    if (p.contracts !== expected) violations.push(`proposal ${p.id} (${p.stage}): ${p.contracts} contract(s), expected ${expected}`);
    if ((p.contract_id !== null) !== (p.stage === 'hired')) violations.push(`proposal ${p.id} (${p.stage}): contract id ${p.contract_id}`);
  }
  const jobs = await sql<{ id: string; status: string; hired_count: number; openings: number; contracts: number; open_proposals: number }>(
    d,
    `select j.id, j.status, j.hired_count, j.openings,
       (select count(*)::int from contracts c where c.job_id = j.id) as contracts,
       (select count(*)::int from proposals p where p.job_id = j.id
          and p.stage not in ('hired', 'declined', 'withdrawn', 'closed', 'abandoned')) as open_proposals
     from jobs j`,
  );
  for (const j of jobs) {
    if (j.hired_count !== j.contracts) violations.push(`job ${j.id}: hired count ${j.hired_count}, ${j.contracts} contract(s)`);
    if (j.contracts > j.openings) violations.push(`job ${j.id}: ${j.contracts} contracts for ${j.openings} opening(s)`);
    if (j.status === 'cancelled' && j.contracts > 0) violations.push(`job ${j.id}: cancelled with a contract`);
    if (j.status !== 'open' && j.open_proposals > 0) violations.push(`job ${j.id} is ${j.status} with ${j.open_proposals} proposal(s) still open`);
  }
  return violations;
}

interface Observed {
  workflowId: string;
  description?: WorkflowExecutionDescription;
  missing?: boolean;
}

async function observe(temporal: Client, workflowId: string): Promise<Observed> {
  try {
    return { workflowId, description: await temporal.workflow.getHandle(workflowId).describe() };
  } catch (error) {
    if ((error as Error).name === 'WorkflowNotFoundError') return { workflowId, missing: true };
    throw error;
  }
}

const iso = (value: Date | string | null | undefined) => (value ? new Date(value).toISOString() : null);

/** Each read-model row against its workflow's queried state: the mismatches, in words. */
async function readModelMismatches(d: Deployment): Promise<string[]> {
  const mismatches: string[] = [];
  const proposals = await sql<{
    id: string; workflow_id: string; stage: string; waiting_on: string; version: number; connects_charged: number; connects_refunded: number;
    submitted_at: Date | null; offer_id: string | null; contract_id: string | null; interview_status: string; offer_status: string | null;
  }>(d, `select p.*, o.status as offer_status from proposals p left join offers o on o.id = p.offer_id`);
  await pooled(proposals, 4, async (row) => {
    const view = await d.temporal.workflow.getHandle(row.workflow_id).query(proposalStateQuery).catch((error: Error) => error);
    if (view instanceof Error) return void mismatches.push(`proposal ${row.workflow_id} cannot be queried: ${view.message}`);
    const expected = {
      stage: view.stage, waitingOn: view.waitingOn, version: view.version, charged: view.connectsCharged, refunded: view.connectsRefunded,
      submittedAt: iso(view.submittedAt), offer: view.offer?.id ?? null, offerStatus: view.offer?.status ?? null,
      contract: view.contractId ?? null, interview: view.interview.status,
    };
    const actual = {
      stage: row.stage, waitingOn: row.waiting_on, version: row.version, charged: row.connects_charged, refunded: row.connects_refunded,
      submittedAt: iso(row.submitted_at), offer: row.offer_id, offerStatus: row.offer_status, contract: row.contract_id, interview: row.interview_status,
    };
    if (JSON.stringify(expected) !== JSON.stringify(actual)) {
      mismatches.push(`proposal ${row.workflow_id}: read model ${JSON.stringify(actual)} ≠ workflow ${JSON.stringify(expected)}`);
    }
  });
  const jobs = await sql<{ workflow_id: string; status: string; hired_count: number }>(d, 'select workflow_id, status, hired_count from jobs');
  await pooled(jobs, 4, async (row) => {
    const view = await d.temporal.workflow.getHandle(row.workflow_id).query(jobStateQuery).catch((error: Error) => error);
    if (view instanceof Error) return void mismatches.push(`job ${row.workflow_id} cannot be queried: ${view.message}`);
    if (view.status !== row.status || view.hired !== row.hired_count) {
      mismatches.push(`job ${row.workflow_id}: read model ${row.status}/${row.hired_count} hired ≠ workflow ${view.status}/${view.hired} hired`);
    }
  });
  const interviews = await sql<{ workflow_id: string; status: string; version: number }>(d, 'select workflow_id, status, version from interviews');
  await pooled(interviews, 4, async (row) => {
    const view = await d.temporal.workflow.getHandle(row.workflow_id).query(interviewStateQuery).catch((error: Error) => error);
    if (view instanceof Error) return void mismatches.push(`interview ${row.workflow_id} cannot be queried: ${view.message}`);
    if (view.status !== row.status || view.version !== row.version) {
      mismatches.push(`interview ${row.workflow_id}: read model ${row.status} v${row.version} ≠ workflow ${view.status} v${view.version}`);
    }
  });
  return mismatches;
}

/**
 * Every workflow on the deployment's task queue either completed or waits somewhere it can
 * leave: no failed or terminated runs, no workflow task failing, no activity failing over and
 * over, no proposal or job still running in a final stage, no proposal waiting for an interview
 * that already ended, no interview between steps with nothing to move it; a failed evaluation
 * waits for ops and is listed as stuck.
 */
async function workflowViolations(d: Deployment, maxActivityAttempts: number): Promise<string[]> {
  const violations: string[] = [];
  const ids = new Set<string>();
  for await (const execution of d.temporal.workflow.list({ query: `TaskQueue = "${d.config.temporal.taskQueue}"` })) ids.add(execution.workflowId);
  for (const table of ['proposals', 'jobs', 'interviews']) {
    for (const row of await sql<{ workflow_id: string }>(d, `select workflow_id from ${table}`)) ids.add(row.workflow_id);
  }
  const observed = await pooled([...ids], 4, (id) => observe(d.temporal, id));
  const stuck = new Map((await findStuck(d.temporal, d.config)).map((s) => [s.workflowId, s]));

  for (const { workflowId, description, missing } of observed) {
    if (missing || !description) {
      violations.push(`${workflowId}: no workflow behind a read model`);
      continue;
    }
    const status = description.status.name;
    if (status !== 'RUNNING' && status !== 'COMPLETED' && status !== 'CONTINUED_AS_NEW') {
      violations.push(`${workflowId}: ${status}`);
      continue;
    }
    const raw = description.raw;
    const taskAttempt = raw.pendingWorkflowTask?.attempt ?? 0;
    if (taskAttempt > 2) violations.push(`${workflowId}: its workflow task has failed ${taskAttempt - 1} times`);
    for (const activity of raw.pendingActivities ?? []) {
      if ((activity.attempt ?? 0) > maxActivityAttempts) {
        violations.push(`${workflowId}: activity ${activity.activityType?.name} attempted ${activity.attempt} times: ${activity.lastFailure?.message}`);
      }
    }
    if (status !== 'RUNNING') continue;
    const handle = d.temporal.workflow.getHandle(workflowId);
    if (workflowId.startsWith('proposal/')) {
      const view: ProposalView = await handle.query(proposalStateQuery);
      if (isTerminal(view.stage)) violations.push(`${workflowId}: still running in its final stage ${view.stage}`);
      if (view.interview.status === 'in_progress' && view.interview.workflowId) {
        const interview: InterviewView = await d.temporal.workflow.getHandle(view.interview.workflowId).query(interviewStateQuery);
        if (interview.status !== 'created' && interview.status !== 'started') {
          violations.push(`${workflowId}: waits for its interview, which is already ${interview.status}`);
        }
      }
    } else if (workflowId.startsWith('job/')) {
      const view: JobView = await handle.query(jobStateQuery);
      if (view.status !== 'open') violations.push(`${workflowId}: still running though ${view.status}`);
    } else if (workflowId.startsWith('interview/')) {
      const view: InterviewView = await handle.query(interviewStateQuery);
      const evaluating = (raw.pendingActivities ?? []).some((a) => a.activityType?.name === 'evaluateInterview');
      const waitsForRecording = view.status === 'evaluated' && view.video.recording === 'pending';
      if (view.status === 'completed' || (view.status === 'evaluating' && !evaluating) || (view.status === 'evaluated' && !waitsForRecording)) {
        violations.push(`${workflowId}: ${view.status}${view.status === 'evaluated' ? ` with recording ${view.video.recording}` : ''} and nothing to move it on`);
      }
      if (view.status === 'failed' && stuck.get(workflowId)?.reason !== 'evaluation_failed') {
        violations.push(`${workflowId}: its evaluation failed but ops are not shown it as stuck`);
      }
    }
  }
  return violations;
}

/** Every violation there is right now. */
async function violationsNow(d: Deployment, maxActivityAttempts: number): Promise<string[]> {
  return [
    ...(await readModelMismatches(d)),
    ...(await ledgerViolations(d)),
    ...(await contractViolations(d)),
    ...(await workflowViolations(d, maxActivityAttempts)),
  ];
}

/**
 * All of the above. Read models and the last steps of workflows may still be catching up
 * when the faults end, so the checks run again until they all hold or `settleMs` has passed;
 * answers what was still violated then. An empty list means every invariant held.
 */
export async function checkInvariants(d: Deployment, options: InvariantOptions = {}): Promise<string[]> {
  const deadline = Date.now() + (options.settleMs ?? 30_000);
  for (;;) {
    const violations = await violationsNow(d, options.maxActivityAttempts ?? 3);
    if (violations.length === 0 || Date.now() >= deadline) return violations;
    await new Promise((resolve) => setTimeout(resolve, 1_000));
  }
}

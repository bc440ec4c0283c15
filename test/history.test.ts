import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { WorkflowExecutionInfo } from '@temporalio/client';
import proto from '@temporalio/proto';
import { Worker } from '@temporalio/worker';
import { startStack, type Stack } from './support/harness.js';
import { apply, createAccount, createFreelancer, createJob, submit } from './support/factories.js';
import { eventually } from './support/http.js';
import { takeInterview } from './support/interviews.js';
import { clientMessaged, hireInProgress, makeOffer, stageOf, submittedCandidate } from './support/lifecycle.js';

/** A complete hire must stay small in history: the proposal workflow's budget for it. */
const HIRE_HISTORY_BUDGET = 150;

describe('workflow histories', () => {
  let stack: Stack;
  /** Workflow ids this file started, so the replay test knows when visibility has caught up. */
  const produced = new Set<string>();
  beforeAll(async () => {
    stack = await startStack();
  });
  afterAll(() => stack?.close());

  it(`one complete hire (apply → submit → view → message → offer → accept) stays under ${HIRE_HISTORY_BUDGET} events`, async () => {
    const { client, freelancer, proposalId, workflowId } = await hireInProgress(stack);
    expect((await stack.http.post(`/v1/proposals/${proposalId}/view`, client.token)).status).toBe(200);
    await clientMessaged(stack, workflowId);
    await stageOf(stack, client, proposalId, 'messaged');
    const offer = await makeOffer(stack, client, proposalId);
    const accepted = await stack.http.post(`/v1/offers/${offer.id}/accept`, freelancer.token);
    expect(accepted.status).toBe(200);
    await stack.temporal.workflow.getHandle(workflowId).result();
    produced.add(workflowId);

    const history = await stack.temporal.workflow.getHandle(workflowId).fetchHistory();
    const events = history.events ?? [];
    const byType = new Map<string, number>();
    for (const event of events) {
      const type = proto.temporal.api.enums.v1.EventType[event.eventType!]!.replace('EVENT_TYPE_', '');
      byType.set(type, (byType.get(type) ?? 0) + 1);
    }
    console.log(
      `history of one complete hire (${workflowId}): ${events.length} events\n` +
        [...byType].map(([type, count]) => `  ${type}: ${count}`).join('\n'),
    );
    expect(events.length).toBeGreaterThan(0);
    expect(events.length).toBeLessThan(HIRE_HISTORY_BUDGET);
  });

  it("a job's history does not grow with its applications", async () => {
    const client = await createAccount(stack, 'client');
    const small = await createJob(stack, client);
    const large = await createJob(stack, client);
    await submittedCandidate(stack, small.id);
    for (let i = 0; i < 6; i += 1) await submittedCandidate(stack, large.id);
    for (const job of [small, large]) expect((await stack.http.post(`/v1/jobs/${job.id}/cancel`, client.token)).status).toBe(200);
    for (const job of [small, large]) produced.add(job.workflowId);
    const lengths = await Promise.all(
      [small, large].map(async (job) => {
        await stack.temporal.workflow.getHandle(job.workflowId).result();
        return (await stack.temporal.workflow.getHandle(job.workflowId).fetchHistory()).events!.length;
      }),
    );
    expect(lengths[1]).toBe(lengths[0]);
  });

  it('every history this file produced replays cleanly against the current workflow code', async () => {
    // A few more shapes of history: an interview child, a decline, an offer withdrawn.
    const client = await createAccount(stack, 'client');
    const job = await createJob(stack, client, { interview: { questions: ['Tell us about a React dashboard you built.'] } });
    const freelancer = await createFreelancer(stack, 10);
    const interviewed = await apply(stack, freelancer, job.id);
    await takeInterview(stack, freelancer, interviewed, ['I built a React dashboard with charts and filters for a logistics company.']);
    const ready = await stageOf(stack, freelancer, interviewed, 'ready');
    produced.add(ready.workflowId).add(ready.interview.workflowId);
    expect((await submit(stack, freelancer, interviewed)).status).toBe(200);
    await stack.http.post(`/v1/proposals/${interviewed}/decline`, client.token, { reason: 'We went another way' });
    const other = await hireInProgress(stack);
    const offer = await makeOffer(stack, other.client, other.proposalId);
    await stack.http.post(`/v1/offers/${offer.id}/withdraw`, other.client.token);
    produced.add(other.workflowId);

    const query = `TaskQueue = "${stack.config.temporal.taskQueue}"`;
    const executions = await eventually(
      async () => {
        const found: Pick<WorkflowExecutionInfo, 'workflowId' | 'runId' | 'type'>[] = [];
        for await (const { workflowId, runId, type } of stack.temporal.workflow.list({ query })) found.push({ workflowId, runId, type });
        return found;
      },
      (found) => [...produced].every((id) => found.some((e) => e.workflowId === id)),
    );
    const types = new Set(executions.map((e) => e.type));
    expect([...types].sort()).toEqual(['interviewWorkflow', 'jobWorkflow', 'proposalWorkflow']);

    const histories = (async function* () {
      for (const e of executions) {
        yield { workflowId: e.workflowId, history: await stack.temporal.workflow.getHandle(e.workflowId, e.runId).fetchHistory() };
      }
    })();
    const failures: string[] = [];
    let replayed = 0;
    for await (const result of Worker.runReplayHistories(
      { workflowBundle: { codePath: process.env.HIREFLOW_TEST_WORKFLOW_BUNDLE! } },
      histories,
    )) {
      replayed += 1;
      if (result.error) failures.push(`${result.workflowId}: ${result.error.message}`);
    }
    expect(replayed).toBe(executions.length);
    expect(failures).toEqual([]);
  }, 60_000);
});

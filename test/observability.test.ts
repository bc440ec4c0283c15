import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startStack, type Stack } from './support/harness.js';
import { apply, createAccount, createFreelancer, createJob, submit } from './support/factories.js';
import { eventually } from './support/http.js';

describe('observability', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack();
  });
  afterAll(() => stack?.close());

  it('serves HTTP metrics by route template at /metrics', async () => {
    const client = await createAccount(stack, 'client');
    await createJob(stack, client);
    const res = await stack.http.get('/metrics');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/plain');
    expect(res.body).toMatch(/hireflow_http_request_duration_seconds_count\{method="POST",route="\/v1\/jobs",status="201"\} [1-9]/);
    expect(res.body).toContain('hireflow_api_process_resident_memory_bytes');
  });

  it("serves the Temporal SDK's worker metrics for Prometheus", async () => {
    const client = await createAccount(stack, 'client');
    const freelancer = await createFreelancer(stack, 5);
    const job = await createJob(stack, client, { connectsCost: 1 });
    await submit(stack, freelancer, await apply(stack, freelancer, job.id));
    const text = await eventually(
      async () => (await fetch(stack.workerMetricsUrl)).text(),
      (body) => /temporal_workflow_task_execution_latency|workflow_task_execution_latency/.test(body),
    );
    expect(text).toMatch(/activity_execution_latency/);
  });

  it('answers liveness and readiness', async () => {
    expect((await stack.http.get('/health/live')).body).toEqual({ status: 'ok' });
    const ready = await stack.http.get('/health/ready');
    expect(ready.status).toBe(200);
    expect(ready.body).toEqual({ status: 'ok', postgres: 'up', temporal: 'up' });
  });
});

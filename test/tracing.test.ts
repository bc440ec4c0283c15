import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { InMemorySpanExporter, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { bundleWorkflowCode } from '@temporalio/worker';
import { loadConfig } from '../libs/config/config.js';
import { setupTracing, workflowInterceptorModule, type Tracing } from '../libs/telemetry/tracing.js';
import { startStack, type Stack } from './support/harness.js';
import { apply, createAccount, createFreelancer, createJob, submit } from './support/factories.js';
import { eventually } from './support/http.js';

describe('tracing', () => {
  const exporter = new InMemorySpanExporter();
  let tracing: Tracing;
  let stack: Stack;

  beforeAll(async () => {
    // Workflow spans need the interceptor module inside the workflow bundle.
    const bundle = await bundleWorkflowCode({
      workflowsPath: fileURLToPath(new URL('../workflows/index.ts', import.meta.url)),
      workflowInterceptorModules: [workflowInterceptorModule()],
      logger: { log() {}, info() {}, debug() {}, trace() {}, warn() {}, error: console.error },
    });
    const codePath = join(mkdtempSync(join(tmpdir(), 'hireflow-tracing-')), 'bundle.js');
    writeFileSync(codePath, bundle.code);
    tracing = setupTracing(loadConfig({}), 'hireflow-test', new SimpleSpanProcessor(exporter))!;
    stack = await startStack({}, { worker: { tracing, workflowBundle: { codePath } } });
  }, 60_000);
  afterAll(async () => {
    await stack?.close();
    await tracing?.shutdown();
  });

  it('is off unless configured', () => {
    expect(setupTracing(loadConfig({}), 'hireflow-test')).toBeUndefined();
  });

  it('follows one trace from the HTTP request through the workflow into its activity', async () => {
    const client = await createAccount(stack, 'client');
    const freelancer = await createFreelancer(stack, 5);
    const job = await createJob(stack, client, { connectsCost: 2 });
    const proposalId = await apply(stack, freelancer, job.id);
    exporter.reset();

    expect((await submit(stack, freelancer, proposalId)).status).toBe(200);

    const spans = await eventually(
      async () => exporter.getFinishedSpans(),
      (all) => all.some((s) => s.name.includes('RunActivity:chargeConnects')),
    );
    const http = spans.find((s) => s.name === 'HTTP POST /v1/proposals/:id/submit');
    expect(http?.attributes['http.response.status_code']).toBe(200);
    const traceId = http!.spanContext().traceId;
    const inTrace = spans.filter((s) => s.spanContext().traceId === traceId).map((s) => s.name);
    expect(inTrace).toEqual(
      expect.arrayContaining([
        'StartWorkflowUpdate:proposal.submit', // API → Temporal
        'HandleUpdate:proposal.submit', // inside the workflow
        'RunActivity:chargeConnects', // the side effect
      ]),
    );
  });
});

import { randomBytes } from 'node:crypto';
import type { Client } from '@temporalio/client';
import { prepareBareHire, runBareHire } from './baseline/bare-driver.js';
import { prepareHire, runHire, HIRE_STEPS, type HireIds, type HireSetup } from './hire/hire-steps.js';
import { ApiClient } from './support/api-client.js';
import { appTargets, measurePhase, withApps, withTemporal, type BenchContext, type PhaseMeasurement } from './support/context.js';
import { addFigures, emptyFigures, figures, historyOf, type ActionEstimate } from './support/history.js';
import { log, printNote, printTable } from './support/report.js';
import { startBareWorker, type Temporal } from './support/stack.js';
import { Recorder, runBounded, summarizeSamples, type LatencySummary } from './support/stats.js';

/**
 * Lifecycle throughput: N complete hires at concurrency C through the REST API (the real API and
 * worker processes), and in the same run, on the same Temporal server, the bare-Temporal baseline
 * doing the same Temporal work per hire with no HTTP and no database. Set-up (accounts, job posts)
 * happens before the clock starts.
 */

export interface SideResult {
  hires: number;
  completed: number;
  failed: number;
  wallSeconds: number;
  hiresPerSecond: number;
  actions: Record<string, LatencySummary>;
  /** Every update call of a hire taken together. */
  updates: LatencySummary;
  failureExamples: string[];
  /** CPU time per completed hire, by process and in all (the driver included: in the baseline it is the Temporal client). */
  cpuMsPerHire: Record<string, number>;
  /** Temporal work per hire, from the histories of a sample of hires. */
  temporalWork: { sampled: number; events: number; actions: ActionEstimate };
  measurement: PhaseMeasurement;
}

export interface LifecycleResult {
  hires: number;
  concurrency: number;
  questions: number;
  hireflow: SideResult;
  baseline: SideResult;
  ratio: number;
  targets: {
    throughput: { ratio: number; target: 0.5; met: boolean };
    submitP99: { hireflowMs: number; baselineUpdateP99Ms: number; baselineSubmitP99Ms: number; multiple: number; target: 3; met: boolean };
  };
}

/** Actions that are Temporal updates in both (the rest are a start and a signal). */
const UPDATE_STEPS = new Set(['interview.start', 'interview.answer', 'interview.complete', 'submit', 'view', 'offer', 'accept']);
const SAMPLE = 20;

function sideResult(recorder: Recorder, hires: number, failures: number, measurement: PhaseMeasurement, work: SideResult['temporalWork']): SideResult {
  const actions = recorder.summary();
  const completed = hires - failures;
  const wallSeconds = measurement.cpu.wallSeconds;
  const cpuMsPerHire: Record<string, number> = {};
  let total = 0;
  for (const [name, share] of Object.entries(measurement.cpu.byProcess)) {
    cpuMsPerHire[name] = Math.round((share.cpuSeconds * 1000) / Math.max(completed, 1));
    total += share.cpuSeconds;
  }
  cpuMsPerHire.total = Math.round((total * 1000) / Math.max(completed, 1));
  return {
    hires,
    completed,
    failed: failures,
    cpuMsPerHire,
    wallSeconds,
    hiresPerSecond: Math.round((completed / wallSeconds) * 100) / 100,
    actions,
    updates: summarizeSamples(recorder.samplesOf([...UPDATE_STEPS])),
    failureExamples: recorder.failureExamples,
    temporalWork: work,
    measurement,
  };
}

async function temporalWork(client: Client, workflowIds: string[][]): Promise<SideResult['temporalWork']> {
  const total = emptyFigures();
  for (const ids of workflowIds) {
    for (const id of ids) {
      // The interview's evaluation and the job's closing finish after the hire's last answer.
      await client.workflow.getHandle(id).result();
      addFigures(total, figures(await historyOf(client, id)));
    }
  }
  const n = workflowIds.length || 1;
  const actions = { ...total.actions };
  for (const key of Object.keys(actions) as (keyof ActionEstimate)[]) actions[key] = Math.round((actions[key] / n) * 100) / 100;
  return { sampled: workflowIds.length, events: Math.round((total.events / n) * 100) / 100, actions };
}

async function runBaseline(ctx: BenchContext, temporal: Temporal): Promise<SideResult> {
  const { hires, concurrency, questions } = ctx.config.lifecycle;
  const { worker, taskQueue } = await startBareWorker(ctx.config, temporal);
  try {
    const runId = randomBytes(3).toString('hex');
    const jobs: string[] = new Array(hires);
    log(`baseline: setting up ${hires} bare job workflows`);
    await runBounded(hires, concurrency, async (i) => {
      jobs[i] = await prepareBareHire(temporal.client, taskQueue, runId, i);
    });
    const recorder = new Recorder();
    log(`baseline: ${hires} hires at concurrency ${concurrency}`);
    const measured = await measurePhase(
      ctx,
      'lifecycle-baseline',
      { processes: { 'bare worker': { pid: worker.pid }, 'temporal server': { pid: temporal.pid } } },
      () => runBounded(hires, concurrency, (i) => runBareHire(temporal.client, taskQueue, recorder, jobs[i]!, questions)),
    );
    const sample = jobs.slice(0, SAMPLE).map((job) => [job, `bare-proposal/${job}`, ...(questions > 0 ? [`bare-interview/${job}`] : [])]);
    const work = await temporalWork(temporal.client, sample);
    return sideResult(recorder, hires, measured.result.length, measured, work);
  } finally {
    await worker.stop();
  }
}

async function runHireflow(ctx: BenchContext, temporal: Temporal): Promise<SideResult> {
  const { hires, concurrency, questions } = ctx.config.lifecycle;
  return withApps(ctx, temporal, 'lifecycle', async (stack) => {
    const setupApi = new ApiClient(stack.apps.apiUrl, new Recorder(), concurrency);
    const setups: HireSetup[] = new Array(hires);
    log(`hireflow: setting up ${hires} clients, freelancers and job posts`);
    const setupFailures = await runBounded(hires, concurrency, async (i) => {
      setups[i] = await prepareHire(setupApi, i, questions);
    });
    if (setupFailures.length > 0) throw new Error(`set-up failed ${setupFailures.length} time(s): ${String(setupFailures[0])}`);
    setupApi.close();

    const recorder = new Recorder();
    const api = new ApiClient(stack.apps.apiUrl, recorder, concurrency);
    const done: HireIds[] = [];
    log(`hireflow: ${hires} hires at concurrency ${concurrency} through the REST API`);
    const measured = await measurePhase(ctx, 'lifecycle-hireflow', appTargets(ctx, stack), () =>
      runBounded(hires, concurrency, async (i) => {
        done[i] = await runHire(api, setups[i]!, questions);
      }),
    );
    api.close();
    const sample = done
      .map((ids, i) => (ids ? [`job/${setups[i]!.jobId}`, ids.workflowId, ...(ids.interviewWorkflowId ? [ids.interviewWorkflowId] : [])] : undefined))
      .filter((ids): ids is string[] => ids !== undefined)
      .slice(0, SAMPLE);
    const work = await temporalWork(temporal.client, sample);
    return sideResult(recorder, hires, measured.result.length, measured, work);
  });
}

export async function lifecycleBench(ctx: BenchContext): Promise<LifecycleResult> {
  const { hires, concurrency, questions } = ctx.config.lifecycle;
  return withTemporal(ctx, async (temporal) => {
    // The baseline first, while the server is fresh, then hireflow against the same server.
    const baseline = await runBaseline(ctx, temporal);
    log(`baseline: ${baseline.hiresPerSecond} hires/s`);
    const hireflow = await runHireflow(ctx, temporal);
    log(`hireflow: ${hireflow.hiresPerSecond} hires/s`);
    const ratio = Math.round((hireflow.hiresPerSecond / baseline.hiresPerSecond) * 100) / 100;
    const submitP99 = hireflow.actions.submit?.p99Ms ?? NaN;
    const baselineUpdateP99 = baseline.updates.p99Ms;
    const result: LifecycleResult = {
      hires,
      concurrency,
      questions,
      hireflow,
      baseline,
      ratio,
      targets: {
        throughput: { ratio, target: 0.5, met: ratio >= 0.5 },
        submitP99: {
          hireflowMs: submitP99,
          baselineUpdateP99Ms: baselineUpdateP99,
          baselineSubmitP99Ms: baseline.actions.submit?.p99Ms ?? NaN,
          multiple: Math.round((submitP99 / baselineUpdateP99) * 100) / 100,
          target: 3,
          met: submitP99 <= 3 * baselineUpdateP99,
        },
      },
    };
    printLifecycle(result);
    return result;
  });
}

export function printLifecycle(r: LifecycleResult): void {
  const row = (label: string, h?: LatencySummary, b?: LatencySummary) => [label, h?.p50Ms, h?.p95Ms, h?.p99Ms, b?.p50Ms, b?.p95Ms, b?.p99Ms, h?.errors];
  printTable(
    `Lifecycle: ${r.hires} hires at concurrency ${r.concurrency}, ${r.questions} interview question(s) (latency in ms)`,
    ['action', 'hireflow p50', 'p95', 'p99', 'baseline p50', 'p95', 'p99', 'errors'],
    [...HIRE_STEPS.map((step) => row(step, r.hireflow.actions[step], r.baseline.actions[step])), row('all updates', r.hireflow.updates, r.baseline.updates)],
  );
  printTable('Lifecycle throughput', ['', 'hireflow', 'baseline'], [
    ['hires completed', r.hireflow.completed, r.baseline.completed],
    ['wall time (s)', r.hireflow.wallSeconds, r.baseline.wallSeconds],
    ['hires per second', r.hireflow.hiresPerSecond, r.baseline.hiresPerSecond],
    ['history events per hire', r.hireflow.temporalWork.events, r.baseline.temporalWork.events],
    ['history actions per hire', r.hireflow.temporalWork.actions.total, r.baseline.temporalWork.actions.total],
    ['machine busy (%)', r.hireflow.measurement.cpu.machineBusyPercent, r.baseline.measurement.cpu.machineBusyPercent],
    ['CPU ms per hire (our processes and Temporal)', r.hireflow.cpuMsPerHire.total, r.baseline.cpuMsPerHire.total],
  ]);
  const kinds = Object.keys(r.hireflow.temporalWork.actions) as (keyof ActionEstimate)[];
  printTable(
    'Temporal work per hire, from history (the baseline must match hireflow)',
    ['kind', 'hireflow', 'baseline'],
    kinds.map((k) => [k, r.hireflow.temporalWork.actions[k], r.baseline.temporalWork.actions[k]]),
  );
  const processes = new Set([...Object.keys(r.hireflow.measurement.cpu.byProcess), ...Object.keys(r.baseline.measurement.cpu.byProcess)]);
  printTable(
    'CPU during the measured phase: % of the whole machine, and ms per hire',
    ['process', 'hireflow %', 'baseline %', 'hireflow ms/hire', 'baseline ms/hire'],
    [...processes].map((p) => [
      p,
      r.hireflow.measurement.cpu.byProcess[p]?.percentOfMachine,
      r.baseline.measurement.cpu.byProcess[p]?.percentOfMachine,
      r.hireflow.cpuMsPerHire[p],
      r.baseline.cpuMsPerHire[p],
    ]),
  );
  for (const [name, profile] of Object.entries(r.hireflow.measurement.profiles ?? {})) {
    printTable(
      `Where the ${name}'s main thread spends its time (self time, ${Math.round(profile.busyMs)} ms busy; ${profile.file})`,
      ['origin', 'ms', '%'],
      profile.byOrigin.slice(0, 10).map((o) => [o.origin, Math.round(o.ms), Math.round(o.share * 1000) / 10]),
    );
  }
  for (const [side, result] of [['hireflow', r.hireflow], ['baseline', r.baseline]] as const) {
    if (result.failureExamples.length > 0) printNote(`${side} failures (first ${result.failureExamples.length}):\n  ${result.failureExamples.join('\n  ')}`);
  }
  printNote(
    `hireflow / baseline throughput: ${r.ratio} (target ≥ 0.5: ${r.targets.throughput.met ? 'met' : 'NOT met'}); ` +
      `submit p99 ${r.targets.submitP99.hireflowMs} ms = ${r.targets.submitP99.multiple}× the baseline's update p99 ` +
      `${r.targets.submitP99.baselineUpdateP99Ms} ms (target ≤ 3×: ${r.targets.submitP99.met ? 'met' : 'NOT met'})`,
  );
}

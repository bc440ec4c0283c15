import pg from 'pg';
import { ApiClient, type Actor } from './support/api-client.js';
import { appTargets, measurePhase, withStack, type BenchContext, type PhaseMeasurement, type RunningStack } from './support/context.js';
import { historyOf } from './support/history.js';
import { rssOf } from './support/processes.js';
import { log, mib, printNote, printTable } from './support/report.js';
import { Recorder, runBounded, type LatencySummary } from './support/stats.js';

/**
 * Open-proposal scale: submitted, still-open proposals across J jobs (each freelancer applies
 * to every job, round-robin, so all jobs grow together), with list and live-state reads sampled
 * while they are open, at P/4, P/2 and P open.
 *
 * By default one stack grows through the three sizes, and each checkpoint reports what the
 * proposals opened since the previous one cost: if cost grows linearly, that marginal cost per
 * proposal stays flat. BENCH_SCALE_MODE=separate runs each size on a fresh stack instead (about
 * twice the time).
 */

export interface ScaleCheckpoint {
  /** Proposals open at this checkpoint. */
  open: number;
  jobs: number;
  freelancers: number;
  /** Proposals opened since the previous checkpoint (or on this stack), and at what rate. */
  openedNow: number;
  startRate: number;
  openLatency: Record<string, LatencySummary>;
  reads: Record<string, LatencySummary>;
  worker: { rssPeakMiB?: number; rssAfterOpenMiB?: number; rssAfterReadsMiB?: number; cachedWorkflows?: number };
  apiRssMiB?: number;
  databaseMiB: number;
  /** A job workflow's history with all its proposals open: it must not grow with them. */
  jobHistoryEvents: number;
  /** CPU per proposal opened since the previous checkpoint, by process and in all. */
  cpuMsPerProposal: Record<string, number>;
  openMeasurement: PhaseMeasurement;
  readMeasurement: PhaseMeasurement;
  failed: number;
  failureExamples: string[];
}

export interface ScaleResult {
  mode: 'growing' | 'separate';
  checkpoints: ScaleCheckpoint[];
  growth: {
    /** Marginal CPU per proposal at the largest size over that at the smallest; ≤ 1.25 counts as linear. */
    cpuPerProposal: number;
    databasePerProposal: number;
    /** Worker RSS per open proposal, largest over smallest: below 1 since the workflow cache is bounded. */
    workerRssPerProposal: number;
    linear: boolean;
  };
  targets: {
    workerRss: { peakMiB?: number; limitMiB: 1536; met: boolean };
    listP99: { ms: number; limitMs: 100; met: boolean };
  };
}

/** Samples a process's resident memory every half second; answers the peak. */
function rssSampler(pid: number) {
  let peak = rssOf(pid) ?? 0;
  const timer = setInterval(() => {
    peak = Math.max(peak, rssOf(pid) ?? 0);
  }, 500);
  return { peak: () => Math.max(peak, rssOf(pid) ?? 0), stop: () => clearInterval(timer) };
}

async function workerCacheSize(metricsAddress: string): Promise<number | undefined> {
  try {
    const text = await (await fetch(`http://${metricsAddress}/metrics`)).text();
    const line = text.split('\n').find((l) => l.startsWith('temporal_sticky_cache_size'));
    return line ? Number(line.slice(line.lastIndexOf(' ') + 1)) : undefined;
  } catch {
    return undefined;
  }
}

async function databaseBytes(url: string): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return Number((await client.query<{ size: string }>('select pg_database_size(current_database()) as size')).rows[0]!.size);
  } finally {
    await client.end();
  }
}

/** The people and jobs of a scale stack: J clients with a job each, F freelancers with a Connect per job. */
interface Population {
  clients: Actor[];
  jobIds: string[];
  freelancers: Actor[];
  /** Opened so far, in order: proposal i went to job i % J from freelancer floor(i / J). */
  opened: { id: string; job: number }[];
}

async function populate(stack: RunningStack, jobs: number, freelancers: number, concurrency: number): Promise<Population> {
  const api = new ApiClient(stack.apps.apiUrl, new Recorder(), concurrency);
  const clients: Actor[] = new Array(jobs);
  const jobIds: string[] = new Array(jobs);
  const people: Actor[] = new Array(freelancers);
  const failures = [
    ...(await runBounded(jobs, concurrency, async (j) => {
      clients[j] = await api.account('client', `Scale client ${j}`);
      const job = await api.setup<{ id: string }>('POST', '/v1/jobs', clients[j]!.token, {
        title: `Data pipeline ${j}`,
        description: 'Move our nightly exports into a warehouse and keep them fresh.',
        skills: ['python', 'sql'],
        // Free to apply to: this benchmark measures what open proposals cost, the lifecycle and cost benchmarks the ledger.
        connectsCost: 0,
      });
      jobIds[j] = job.id;
    })),
    ...(await runBounded(freelancers, concurrency, async (f) => {
      people[f] = await api.account('freelancer', `Scale freelancer ${f}`, ['python']);
    })),
  ];
  api.close();
  if (failures.length > 0) throw new Error(`scale set-up failed: ${String(failures[0])}`);
  return { clients, jobIds, freelancers: people, opened: [] };
}

async function checkpoint(ctx: BenchContext, stack: RunningStack, people: Population, upTo: number): Promise<ScaleCheckpoint> {
  const { concurrency, reads, readConcurrency } = ctx.config.scale;
  const jobs = people.jobIds.length;
  const from = people.opened.length;
  const worker = rssSampler(stack.apps.worker.pid);
  const recorder = new Recorder();
  const api = new ApiClient(stack.apps.apiUrl, recorder, concurrency);
  log(`scale: opening proposals ${from + 1}–${upTo} at concurrency ${concurrency}`);
  const openPhase = await measurePhase(ctx, `scale-${upTo}-open`, appTargets(ctx, stack), () =>
    runBounded(upTo - from, concurrency, async (k) => {
      const i = from + k;
      const job = i % jobs;
      const freelancer = people.freelancers[Math.floor(i / jobs)]!;
      const { id } = await api.call<{ id: string }>('apply', 'POST', `/v1/jobs/${people.jobIds[job]}/proposals`, freelancer.token);
      await api.call('submit', 'POST', `/v1/proposals/${id}/submit`, freelancer.token, {
        bid: { type: 'hourly', amount: 40 },
        coverLetter: 'I have moved nightly exports into warehouses for three companies.',
      });
      people.opened.push({ id, job });
    }),
  );
  api.close();
  const openedNow = people.opened.length - from;
  const rssAfterOpen = rssOf(stack.apps.worker.pid);
  const startRate = Math.round((openedNow / openPhase.cpu.wallSeconds) * 10) / 10;
  log(`scale: ${people.opened.length} open (${startRate}/s); worker RSS ${mib(rssAfterOpen)} MiB; sampling ${reads} reads of each kind`);

  const readRecorder = new Recorder();
  const reader = new ApiClient(stack.apps.apiUrl, readRecorder, readConcurrency);
  // A fixed stride instead of randomness, so runs are comparable: reads spread over all jobs and all open proposals.
  const readPhase = await measurePhase(ctx, `scale-${upTo}-reads`, appTargets(ctx, stack), () =>
    runBounded(reads * 2, readConcurrency, async (i) => {
      const n = Math.floor(i / 2);
      if (i % 2 === 0) {
        const job = (n * 37) % jobs;
        await reader.call('GET /v1/jobs/:id/proposals', 'GET', `/v1/jobs/${people.jobIds[job]}/proposals`, people.clients[job]!.token);
      } else {
        const target = people.opened[(n * 7919) % people.opened.length]!;
        await reader.call('GET /v1/proposals/:id', 'GET', `/v1/proposals/${target.id}`, people.clients[target.job]!.token);
      }
    }),
  );
  reader.close();
  worker.stop();
  const rssAfterReads = rssOf(stack.apps.worker.pid);
  const cpuMsPerProposal: Record<string, number> = {};
  let totalCpu = 0;
  for (const [name, share] of Object.entries(openPhase.cpu.byProcess)) {
    if (name === 'benchmark driver') continue;
    cpuMsPerProposal[name] = Math.round(((share.cpuSeconds * 1000) / Math.max(openedNow, 1)) * 10) / 10;
    totalCpu += share.cpuSeconds;
  }
  cpuMsPerProposal.total = Math.round(((totalCpu * 1000) / Math.max(openedNow, 1)) * 10) / 10;
  return {
    open: people.opened.length,
    jobs,
    freelancers: Math.ceil(people.opened.length / jobs),
    openedNow,
    startRate,
    openLatency: recorder.summary(),
    reads: readRecorder.summary(),
    worker: {
      rssPeakMiB: mib(Math.max(worker.peak(), rssAfterReads ?? 0)),
      rssAfterOpenMiB: mib(rssAfterOpen),
      rssAfterReadsMiB: mib(rssAfterReads),
      cachedWorkflows: await workerCacheSize(stack.apps.workerMetricsAddress),
    },
    apiRssMiB: mib(rssOf(stack.apps.api.pid)),
    databaseMiB: mib(await databaseBytes(stack.apps.databaseUrl))!,
    jobHistoryEvents: (await historyOf(stack.temporal.client, `job/${people.jobIds[0]}`)).length,
    cpuMsPerProposal,
    openMeasurement: openPhase,
    readMeasurement: readPhase,
    failed: openPhase.result.length + readPhase.result.length,
    failureExamples: [...recorder.failureExamples, ...readRecorder.failureExamples],
  };
}

export async function scaleBench(ctx: BenchContext): Promise<ScaleResult> {
  const { proposals, jobs: jobCount, divisors, concurrency, mode } = ctx.config.scale;
  const sizes = [...new Set(divisors.map((d) => Math.floor(proposals / d)))].sort((a, b) => a - b);
  const jobs = Math.min(jobCount, sizes[0]!);
  const checkpoints: ScaleCheckpoint[] = [];
  if (mode === 'growing') {
    await withStack(ctx, 'scale', async (stack) => {
      const people = await populate(stack, jobs, Math.ceil(sizes.at(-1)! / jobs), concurrency);
      for (const size of sizes) checkpoints.push(await checkpoint(ctx, stack, people, size));
    });
  } else {
    for (const size of sizes) {
      await withStack(ctx, `scale-${size}`, async (stack) => {
        const people = await populate(stack, jobs, Math.ceil(size / jobs), concurrency);
        checkpoints.push(await checkpoint(ctx, stack, people, size));
      });
    }
  }
  const largest = checkpoints.at(-1)!;
  const smallest = checkpoints[0]!;
  const ratio = (a: number, b: number) => Math.round((a / b) * 100) / 100;
  const growth = {
    cpuPerProposal: ratio(largest.cpuMsPerProposal.total!, smallest.cpuMsPerProposal.total!),
    databasePerProposal: ratio(largest.databaseMiB / largest.open, smallest.databaseMiB / smallest.open),
    workerRssPerProposal: ratio((largest.worker.rssPeakMiB ?? 0) / largest.open, (smallest.worker.rssPeakMiB ?? 0) / smallest.open),
    linear: false,
  };
  // Linear or better: a proposal costs no more to open, or to keep, at the largest size than at the smallest (25% for noise).
  growth.linear = growth.cpuPerProposal <= 1.25 && growth.databasePerProposal <= 1.25 && growth.workerRssPerProposal <= 1.25;
  const peak = Math.max(...checkpoints.map((c) => c.worker.rssPeakMiB ?? 0));
  const listP99 = Math.max(...checkpoints.map((c) => c.reads['GET /v1/jobs/:id/proposals']?.p99Ms ?? NaN));
  const result: ScaleResult = {
    mode,
    checkpoints,
    growth,
    targets: {
      workerRss: { peakMiB: peak, limitMiB: 1536, met: peak <= 1536 },
      listP99: { ms: listP99, limitMs: 100, met: listP99 <= 100 },
    },
  };
  printScale(result);
  return result;
}

export function printScale(r: ScaleResult): void {
  const col = (pick: (c: ScaleCheckpoint) => number | string | undefined) => r.checkpoints.map(pick);
  const list = 'GET /v1/jobs/:id/proposals';
  const get = 'GET /v1/proposals/:id';
  printTable(
    `Open-proposal scale (${r.mode === 'growing' ? 'one stack growing through the sizes; CPU per proposal opened since the previous size' : 'a fresh stack per size'}; latency in ms)`,
    ['', ...r.checkpoints.map((c) => `${c.open} open`)],
    [
      ['jobs × freelancers', ...col((c) => `${c.jobs} × ${c.freelancers}`)],
      ['opened per second (apply + submit)', ...col((c) => c.startRate)],
      ['apply p99', ...col((c) => c.openLatency.apply?.p99Ms)],
      ['submit p99', ...col((c) => c.openLatency.submit?.p99Ms)],
      [`${list} p50`, ...col((c) => c.reads[list]?.p50Ms)],
      [`${list} p99`, ...col((c) => c.reads[list]?.p99Ms)],
      [`${get} p50`, ...col((c) => c.reads[get]?.p50Ms)],
      [`${get} p99`, ...col((c) => c.reads[get]?.p99Ms)],
      ['worker RSS peak (MiB)', ...col((c) => c.worker.rssPeakMiB)],
      ['workflows in the worker cache', ...col((c) => c.worker.cachedWorkflows)],
      ['API RSS (MiB)', ...col((c) => c.apiRssMiB)],
      ['database size (MiB)', ...col((c) => c.databaseMiB)],
      ["a job workflow's history (events)", ...col((c) => c.jobHistoryEvents)],
      ['CPU ms per proposal opened (all processes)', ...col((c) => c.cpuMsPerProposal.total)],
      ['  api', ...col((c) => c.cpuMsPerProposal.api)],
      ['  worker', ...col((c) => c.cpuMsPerProposal.worker)],
      ['  temporal server', ...col((c) => c.cpuMsPerProposal['temporal server'])],
      ['  postgres', ...col((c) => c.cpuMsPerProposal.postgres)],
      ['failures', ...col((c) => c.failed)],
    ],
  );
  printNote(
    `largest size over smallest, per proposal: CPU ${r.growth.cpuPerProposal}, database ${r.growth.databasePerProposal}, ` +
      `worker RSS ${r.growth.workerRssPerProposal} (linear or better: ${r.growth.linear ? 'yes' : 'NO'}); ` +
      `worker RSS peak ${r.targets.workerRss.peakMiB} MiB (target ≤ 1536: ${r.targets.workerRss.met ? 'met' : 'NOT met'}); ` +
      `list p99 ${r.targets.listP99.ms} ms (target ≤ 100: ${r.targets.listP99.met ? 'met' : 'NOT met'})`,
  );
  for (const c of r.checkpoints) if (c.failureExamples.length) printNote(`failures up to ${c.open}:\n  ${c.failureExamples.join('\n  ')}`);
}

import pg from 'pg';
import { ApiClient, type Actor } from './support/api-client.js';
import { appTargets, measurePhase, withStack, type BenchContext, type PhaseMeasurement } from './support/context.js';
import { historyOf } from './support/history.js';
import { rssOf } from './support/processes.js';
import { log, mib, printTable } from './support/report.js';
import { Recorder, runBounded, type LatencySummary } from './support/stats.js';

/**
 * Open-proposal scale: P submitted, still-open proposals across J jobs (each of P/J freelancers
 * applies to every job), then list and live-state reads sampled while they are all open. Run at
 * P, P/2 and P/4, each on a fresh stack, to show how cost grows with what is open.
 */

export interface ScaleRun {
  proposals: number;
  jobs: number;
  freelancers: number;
  opened: number;
  failed: number;
  /** Proposals opened (applied and submitted) per second. */
  startRate: number;
  open: Record<string, LatencySummary>;
  reads: Record<string, LatencySummary>;
  worker: { rssPeakMiB?: number; rssAfterOpenMiB?: number; rssAfterReadsMiB?: number; cachedWorkflows?: number };
  apiRssMiB?: number;
  databaseMiB: number;
  /** A job's history with all its proposals open: it must not grow with them. */
  jobHistoryEvents: number;
  /** CPU seconds per opened proposal, by process, and in all. */
  cpuMsPerProposal: Record<string, number>;
  openMeasurement: PhaseMeasurement;
  readMeasurement: PhaseMeasurement;
  failureExamples: string[];
}

export interface ScaleResult {
  runs: ScaleRun[];
  growth: {
    /** Per-proposal cost of the largest run over that of the smallest; ≤ 1 (within noise) is linear or better. */
    cpuPerProposal: number;
    workerRssPerProposal: number;
    databasePerProposal: number;
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
  return {
    peak: () => peak,
    stop: () => clearInterval(timer),
  };
}

async function workerCacheSize(metricsAddress: string | undefined): Promise<number | undefined> {
  if (!metricsAddress) return undefined;
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

async function scaleRun(ctx: BenchContext, proposals: number): Promise<ScaleRun> {
  const { jobs: jobCount, concurrency, reads, readConcurrency } = ctx.config.scale;
  const jobs = Math.min(jobCount, proposals);
  const freelancers = Math.ceil(proposals / jobs);
  return withStack(ctx, `scale-${proposals}`, async (stack) => {
    const setupApi = new ApiClient(stack.apps.apiUrl, new Recorder(), concurrency);
    log(`scale ${proposals}: setting up ${jobs} clients with a job each and ${freelancers} freelancers`);
    const clients: Actor[] = new Array(jobs);
    const jobIds: string[] = new Array(jobs);
    const people: Actor[] = new Array(freelancers);
    await runBounded(jobs, concurrency, async (j) => {
      clients[j] = await setupApi.account('client', `Scale client ${j}`);
      jobIds[j] = (
        await setupApi.setup<{ id: string }>('POST', '/v1/jobs', clients[j]!.token, {
          title: `Data pipeline ${j}`,
          description: 'Move our nightly exports into a warehouse and keep them fresh.',
          skills: ['python', 'sql'],
          connectsCost: 1,
        })
      ).id;
    });
    await runBounded(freelancers, concurrency, async (f) => {
      people[f] = await setupApi.account('freelancer', `Scale freelancer ${f}`, ['python']);
      // One Connect per job, beyond the sign-up grant.
      await setupApi.setup('POST', '/v1/connects/purchases', people[f]!.token, { quantity: jobs });
    });
    if (clients.includes(undefined as never) || people.includes(undefined as never)) throw new Error('scale set-up failed');
    setupApi.close();

    const worker = rssSampler(stack.apps.worker.pid);
    const recorder = new Recorder();
    const api = new ApiClient(stack.apps.apiUrl, recorder, concurrency);
    // Round-robin over jobs, so every job gains proposals at the same pace.
    const opened: { id: string; job: number }[] = [];
    log(`scale ${proposals}: opening ${proposals} proposals at concurrency ${concurrency}`);
    const openPhase = await measurePhase(ctx, `scale-${proposals}-open`, appTargets(ctx, stack), () =>
      runBounded(proposals, concurrency, async (i) => {
        const job = i % jobs;
        const freelancer = people[Math.floor(i / jobs)]!;
        const { id } = await api.call<{ id: string }>('apply', 'POST', `/v1/jobs/${jobIds[job]}/proposals`, freelancer.token);
        await api.call('submit', 'POST', `/v1/proposals/${id}/submit`, freelancer.token, {
          bid: { type: 'hourly', amount: 40 },
          coverLetter: 'I have moved nightly exports into warehouses for three companies.',
        });
        opened.push({ id, job });
      }),
    );
    const rssAfterOpen = rssOf(stack.apps.worker.pid);
    const openFailures = openPhase.result.length;
    const startRate = Math.round((opened.length / openPhase.cpu.wallSeconds) * 10) / 10;
    log(`scale ${proposals}: ${opened.length} open at ${startRate}/s; worker RSS ${mib(rssAfterOpen)} MiB; sampling reads`);

    const readRecorder = new Recorder();
    const reader = new ApiClient(stack.apps.apiUrl, readRecorder, readConcurrency);
    // A fixed stride instead of randomness, so runs are comparable: reads spread over all jobs and proposals.
    const readPhase = await measurePhase(ctx, `scale-${proposals}-reads`, appTargets(ctx, stack), () =>
      runBounded(reads * 2, readConcurrency, async (i) => {
        const n = Math.floor(i / 2);
        if (i % 2 === 0) {
          const job = (n * 37) % jobs;
          await reader.call('GET /v1/jobs/:id/proposals', 'GET', `/v1/jobs/${jobIds[job]}/proposals`, clients[job]!.token);
        } else {
          const target = opened[(n * 7919) % opened.length]!;
          await reader.call('GET /v1/proposals/:id', 'GET', `/v1/proposals/${target.id}`, clients[target.job]!.token);
        }
      }),
    );
    reader.close();
    api.close();
    worker.stop();
    const rssAfterReads = rssOf(stack.apps.worker.pid);
    const jobHistoryEvents = (await historyOf(stack.temporal.client, `job/${jobIds[0]}`)).length;
    const cpuMsPerProposal: Record<string, number> = {};
    let totalCpu = 0;
    for (const [name, share] of Object.entries(openPhase.cpu.byProcess)) {
      if (name === 'benchmark driver') continue;
      cpuMsPerProposal[name] = Math.round(((share.cpuSeconds * 1000) / Math.max(opened.length, 1)) * 10) / 10;
      totalCpu += share.cpuSeconds;
    }
    cpuMsPerProposal.total = Math.round(((totalCpu * 1000) / Math.max(opened.length, 1)) * 10) / 10;
    return {
      proposals,
      jobs,
      freelancers,
      opened: opened.length,
      failed: openFailures + readPhase.result.length,
      startRate,
      open: recorder.summary(),
      reads: readRecorder.summary(),
      worker: {
        rssPeakMiB: mib(Math.max(worker.peak(), rssAfterReads ?? 0)),
        rssAfterOpenMiB: mib(rssAfterOpen),
        rssAfterReadsMiB: mib(rssAfterReads),
        cachedWorkflows: await workerCacheSize(stack.apps.workerMetricsAddress),
      },
      apiRssMiB: mib(rssOf(stack.apps.api.pid)),
      databaseMiB: mib(await databaseBytes(stack.apps.databaseUrl))!,
      jobHistoryEvents,
      cpuMsPerProposal,
      openMeasurement: openPhase,
      readMeasurement: readPhase,
      failureExamples: [...recorder.failureExamples, ...readRecorder.failureExamples],
    };
  });
}

export async function scaleBench(ctx: BenchContext): Promise<ScaleResult> {
  const { proposals, divisors } = ctx.config.scale;
  const runs: ScaleRun[] = [];
  for (const divisor of divisors) runs.push(await scaleRun(ctx, Math.floor(proposals / divisor)));
  const largest = runs.reduce((a, b) => (b.opened > a.opened ? b : a));
  const smallest = runs.reduce((a, b) => (b.opened < a.opened ? b : a));
  const per = (run: ScaleRun, value: number) => value / Math.max(run.opened, 1);
  const ratio = (pick: (run: ScaleRun) => number) => Math.round((per(largest, pick(largest)) / per(smallest, pick(smallest))) * 100) / 100;
  const growth = {
    cpuPerProposal: ratio((r) => r.cpuMsPerProposal.total! * r.opened),
    workerRssPerProposal: ratio((r) => r.worker.rssPeakMiB ?? 0),
    databasePerProposal: ratio((r) => r.databaseMiB),
    linear: false,
  };
  // Linear or better: the largest run costs no more per proposal than the smallest, within 25% of noise.
  growth.linear = growth.cpuPerProposal <= 1.25 && growth.databasePerProposal <= 1.25;
  const listP99 = largest.reads['GET /v1/jobs/:id/proposals']?.p99Ms ?? NaN;
  const result: ScaleResult = {
    runs,
    growth,
    targets: {
      workerRss: { peakMiB: largest.worker.rssPeakMiB, limitMiB: 1536, met: (largest.worker.rssPeakMiB ?? Infinity) <= 1536 },
      listP99: { ms: listP99, limitMs: 100, met: listP99 <= 100 },
    },
  };
  printScale(result);
  return result;
}

export function printScale(r: ScaleResult): void {
  const col = (pick: (run: ScaleRun) => number | string | undefined) => r.runs.map(pick);
  printTable(
    'Open-proposal scale (each run on a fresh stack; latency in ms)',
    ['', ...r.runs.map((run) => `${run.opened} open`)],
    [
      ['jobs × freelancers', ...col((run) => `${run.jobs} × ${run.freelancers}`)],
      ['opened per second (apply + submit)', ...col((run) => run.startRate)],
      ['apply p99', ...col((run) => run.open.apply?.p99Ms)],
      ['submit p99', ...col((run) => run.open.submit?.p99Ms)],
      ['GET /v1/jobs/:id/proposals p50', ...col((run) => run.reads['GET /v1/jobs/:id/proposals']?.p50Ms)],
      ['GET /v1/jobs/:id/proposals p99', ...col((run) => run.reads['GET /v1/jobs/:id/proposals']?.p99Ms)],
      ['GET /v1/proposals/:id p50', ...col((run) => run.reads['GET /v1/proposals/:id']?.p50Ms)],
      ['GET /v1/proposals/:id p99', ...col((run) => run.reads['GET /v1/proposals/:id']?.p99Ms)],
      ['worker RSS peak (MiB)', ...col((run) => run.worker.rssPeakMiB)],
      ['worker RSS after reads (MiB)', ...col((run) => run.worker.rssAfterReadsMiB)],
      ['workflows in worker cache', ...col((run) => run.worker.cachedWorkflows)],
      ['API RSS (MiB)', ...col((run) => run.apiRssMiB)],
      ['database size (MiB)', ...col((run) => run.databaseMiB)],
      ['a job workflow\'s history (events)', ...col((run) => run.jobHistoryEvents)],
      ['CPU ms per opened proposal (all processes)', ...col((run) => run.cpuMsPerProposal.total)],
      ['  api', ...col((run) => run.cpuMsPerProposal.api)],
      ['  worker', ...col((run) => run.cpuMsPerProposal.worker)],
      ['  temporal server', ...col((run) => run.cpuMsPerProposal['temporal server'])],
      ['  postgres', ...col((run) => run.cpuMsPerProposal.postgres)],
      ['failures', ...col((run) => run.failed)],
    ],
  );
  console.log(
    `\nper-proposal cost, largest run over smallest: CPU ${r.growth.cpuPerProposal}, worker RSS ${r.growth.workerRssPerProposal}, ` +
      `database ${r.growth.databasePerProposal} (linear or better: ${r.growth.linear ? 'yes' : 'NO'}); ` +
      `worker RSS peak ${r.targets.workerRss.peakMiB} MiB (target ≤ 1536: ${r.targets.workerRss.met ? 'met' : 'NOT met'}); ` +
      `list p99 ${r.targets.listP99.ms} ms (target ≤ 100: ${r.targets.listP99.met ? 'met' : 'NOT met'})`,
  );
  for (const run of r.runs) if (run.failureExamples.length) console.log(`failures at ${run.proposals}:\n  ${run.failureExamples.join('\n  ')}`);
}

import type { CostResult } from './cost.bench.js';
import type { LifecycleResult } from './lifecycle.bench.js';
import type { ScaleResult } from './scale.bench.js';
import type { ThreadResult } from './thread.bench.js';

/** The targets, each judged from the figures a benchmark produced. */
export interface Target {
  target: string;
  measured: string;
  met: boolean;
}

export function targetsOf(results: { lifecycle?: LifecycleResult; cost?: CostResult; scale?: ScaleResult; thread?: ThreadResult }): Target[] {
  const targets: Target[] = [];
  const { lifecycle, cost, scale, thread } = results;
  if (lifecycle) {
    const t = lifecycle.targets;
    targets.push(
      { target: 'lifecycle throughput ≥ 0.5× the bare-Temporal baseline', measured: `${t.throughput.ratio}× (${lifecycle.hireflow.hiresPerSecond} vs ${lifecycle.baseline.hiresPerSecond} hires/s)`, met: t.throughput.met },
      {
        target: `submit p99 at C=${lifecycle.concurrency} ≤ 3× the baseline's update p99`,
        measured: `${t.submitP99.hireflowMs} ms = ${t.submitP99.multiple}× ${t.submitP99.baselineUpdateP99Ms} ms`,
        met: t.submitP99.met,
      },
    );
  }
  if (cost) {
    targets.push({
      target: 'history of a complete hire < 150 events (the proposal workflow)',
      measured: `${cost.histories.proposal} events (its interview child ${cost.histories.interview}, its job ${cost.histories.job})`,
      met: cost.histories.proposal < 150,
    });
  }
  if (thread) {
    targets.push({
      target: `a ${thread.messages}-message thread adds nothing to the proposal's history`,
      measured: `${thread.history.addedByThread} events added after the first message`,
      met: thread.history.addedByThread === 0 && thread.posted === thread.messages,
    });
  }
  if (scale) {
    const largest = scale.checkpoints.at(-1)!;
    targets.push(
      { target: `worker RSS with ${largest.open} open proposals ≤ 1.5 GiB`, measured: `${scale.targets.workerRss.peakMiB} MiB peak`, met: scale.targets.workerRss.met },
      { target: 'GET /v1/jobs/:id/proposals p99 ≤ 100 ms while open', measured: `${scale.targets.listP99.ms} ms (worst size)`, met: scale.targets.listP99.met },
      {
        target: `cost grows linearly or better from ${scale.checkpoints[0]!.open} to ${largest.open} open`,
        measured: `per proposal, largest over smallest: CPU ${scale.growth.cpuPerProposal}×, database ${scale.growth.databasePerProposal}×, worker RSS ${scale.growth.workerRssPerProposal}×`,
        met: scale.growth.linear,
      },
    );
  }
  return targets;
}

import { spawnSync } from 'node:child_process';
import { setTimeout } from 'node:timers/promises';
import { loadBenchConfig } from './config.js';
import { costBench } from './cost.bench.js';
import { lifecycleBench } from './lifecycle.bench.js';
import { scaleBench } from './scale.bench.js';
import { threadBench } from './thread.bench.js';
import { contextOf } from './support/context.js';
import { DatabaseServer } from './support/database.js';
import { loadAverage, machineInfo } from './support/machine.js';
import { log, printTable, writeResult } from './support/report.js';
import { targetsOf } from './targets.js';

/**
 * `npm run bench` runs every benchmark; `npm run bench:<name>` one of them. Each prints its
 * tables and writes its JSON under bench/results/ (git-ignored).
 */
const BENCHMARKS = {
  lifecycle: lifecycleBench,
  cost: costBench,
  scale: scaleBench,
  thread: threadBench,
} as const;
type Name = keyof typeof BENCHMARKS;

/** The commit measured, and whether the tree had changes beyond it. */
function sourceVersion(): { commit?: string; uncommittedFiles?: number } {
  const git = (args: string[]) => spawnSync('git', args, { encoding: 'utf8' });
  const head = git(['rev-parse', 'HEAD']);
  if (head.status !== 0) return {};
  const status = git(['status', '--porcelain', '--untracked-files=no']);
  return { commit: head.stdout.trim(), uncommittedFiles: status.stdout.split('\n').filter(Boolean).length };
}

/** Waits (bounded) for the machine to go quiet, so that the figures are the stack's alone; returns the load then. */
async function settle({ seconds, quietLoad }: { seconds: number; quietLoad: number }): Promise<number[]> {
  const deadline = Date.now() + seconds * 1000;
  let load = loadAverage();
  if (load[0]! >= quietLoad && seconds > 0) {
    log(`load average ${load[0]}: waiting up to ${seconds} s for it to fall below ${quietLoad} (BENCH_SETTLE_SECONDS)`);
  }
  while (load[0]! >= quietLoad && Date.now() < deadline) {
    await setTimeout(5_000);
    load = loadAverage();
  }
  return load;
}

async function main() {
  const requested = process.argv[2] ?? 'all';
  const names: Name[] = requested === 'all' ? (Object.keys(BENCHMARKS) as Name[]) : [requested as Name];
  if (!names.every((name) => name in BENCHMARKS)) {
    console.error(`unknown benchmark "${requested}"; one of: all, ${Object.keys(BENCHMARKS).join(', ')}`);
    process.exit(2);
  }
  const config = loadBenchConfig();
  const loadBefore = await settle(config.settle);
  const quiet = loadBefore[0]! < config.settle.quietLoad;
  log(`load average before: ${loadBefore.join(' ')}${quiet ? '' : ' (the machine is not quiet: figures will be lower than it can do)'}`);
  const startedAt = new Date();
  const database = await DatabaseServer.start(config.databaseUrl);
  const stopOnSignal = () => {
    void database.stop().finally(() => process.exit(130));
  };
  process.once('SIGINT', stopOnSignal);
  process.once('SIGTERM', stopOnSignal);
  try {
    const machine = await machineInfo({ temporalCli: config.temporal.cliPath, databaseUrl: database.url });
    const ctx = contextOf(config, database);
    const results: Record<string, unknown> = {};
    for (const name of names) {
      const started = performance.now();
      results[name] = await BENCHMARKS[name](ctx);
      const seconds = Math.round((performance.now() - started) / 1000);
      log(`${name}: done in ${seconds} s`);
    }
    const targets = targetsOf(results);
    printTable('Targets', ['target', 'measured', 'met'], targets.map((t) => [t.target, t.measured, t.met ? 'yes' : 'NO']));
    const envelope = {
      startedAt: startedAt.toISOString(),
      finishedAt: new Date().toISOString(),
      wallSeconds: Math.round((Date.now() - startedAt.getTime()) / 1000),
      command: `npm run ${requested === 'all' ? 'bench' : `bench:${requested}`}`,
      loadAverage: { before: loadBefore, quiet, after: loadAverage() },
      machine,
      source: sourceVersion(),
      database: database.kind,
      settings: { lifecycle: config.lifecycle, cost: config.cost, scale: config.scale, thread: config.thread },
      targets,
      results,
    };
    const file = writeResult(config.resultsDir, requested, envelope);
    log(`results written to ${file} (load average after: ${envelope.loadAverage.after.join(' ')}; ${envelope.wallSeconds} s in all)`);
  } finally {
    await database.stop();
  }
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : error);
    process.exit(1);
  },
);

import { mkdirSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import type { BenchConfig } from '../config.js';
import { CpuMeter, type CpuBreakdown } from './cpu-meter.js';
import type { DatabaseServer } from './database.js';
import { InspectorProfiler, type ProfileSummary } from './profiler.js';
import { log } from './report.js';
import { startApps, startTemporal, type AppStack, type Temporal } from './stack.js';

export interface BenchContext {
  config: BenchConfig;
  database: DatabaseServer;
  cores: number;
}

export const contextOf = (config: BenchConfig, database: DatabaseServer): BenchContext => ({ config, database, cores: cpus().length });

export interface RunningStack {
  temporal: Temporal;
  apps: AppStack;
}

/** A Temporal server for one benchmark run; always stopped. */
export async function withTemporal<T>(ctx: BenchContext, fn: (temporal: Temporal) => Promise<T>): Promise<T> {
  const temporal = await startTemporal(ctx.config);
  try {
    return await fn(temporal);
  } finally {
    await temporal.stop();
  }
}

/** The API and worker on a fresh database, against `temporal`; always torn down. */
export async function withApps<T>(
  ctx: BenchContext,
  temporal: Temporal,
  label: string,
  fn: (stack: RunningStack) => Promise<T>,
  env: Record<string, string> = {},
): Promise<T> {
  log(`${label}: starting a fresh database, the worker and the API`);
  const apps = await startApps(ctx.config, ctx.database, temporal, label, env);
  try {
    return await fn({ temporal, apps });
  } finally {
    await apps.stop();
  }
}

/** A Temporal server, and the API and worker on a fresh database, for one benchmark run. */
export function withStack<T>(ctx: BenchContext, label: string, fn: (stack: RunningStack) => Promise<T>, env: Record<string, string> = {}): Promise<T> {
  return withTemporal(ctx, (temporal) => withApps(ctx, temporal, label, fn, env));
}

export interface PhaseMeasurement {
  cpu: CpuBreakdown;
  profiles?: Record<string, ProfileSummary & { file: string }>;
}

export interface PhaseTargets {
  /** Processes whose CPU is measured; `tree` counts children too (PostgreSQL). */
  processes: Record<string, { pid?: number; tree?: boolean }>;
  /** Inspector ports of processes to profile (BENCH_PROFILE=1). */
  inspectPorts?: Record<string, number>;
}

/** The API, the worker, the Temporal server and PostgreSQL. */
export function appTargets(ctx: BenchContext, stack: RunningStack): PhaseTargets {
  return {
    processes: {
      api: { pid: stack.apps.api.pid },
      worker: { pid: stack.apps.worker.pid },
      'temporal server': { pid: stack.temporal.pid },
      postgres: { pid: ctx.database.postmasterPid(), tree: true },
    },
    inspectPorts: stack.apps.inspectPorts,
  };
}

/**
 * Measures one phase: CPU by process and, with BENCH_PROFILE=1, CPU profiles of the API and the
 * worker covering exactly this phase.
 */
export async function measurePhase<T>(ctx: BenchContext, label: string, targets: PhaseTargets, fn: () => Promise<T>): Promise<{ result: T } & PhaseMeasurement> {
  const profilers: Record<string, InspectorProfiler> = {};
  for (const [name, port] of Object.entries(targets.inspectPorts ?? {})) {
    profilers[name] = await InspectorProfiler.connect(port);
    await profilers[name].start();
  }
  const meter = new CpuMeter(targets.processes, ctx.cores);
  const result = await fn();
  const cpu = meter.stop();
  let profiles: PhaseMeasurement['profiles'];
  if (Object.keys(profilers).length > 0) {
    const dir = join(ctx.config.resultsDir, 'profiles');
    mkdirSync(dir, { recursive: true });
    profiles = {};
    for (const [name, profiler] of Object.entries(profilers)) {
      const file = join(dir, `${label}-${name}.cpuprofile`);
      profiles[name] = { ...(await profiler.stop(file)), file };
      profiler.close();
    }
  }
  return { result, cpu, profiles };
}

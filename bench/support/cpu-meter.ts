import { machineCpu } from './machine.js';
import { cpuMsOf, treeCpuMsOf } from './processes.js';

export interface CpuShare {
  /** CPU seconds used during the phase. */
  cpuSeconds: number;
  /** Of the machine's capacity over the phase (all cores), in %. */
  percentOfMachine: number;
}

export interface CpuBreakdown {
  wallSeconds: number;
  cores: number;
  byProcess: Record<string, CpuShare>;
  machineBusyPercent?: number;
}

/**
 * Where the machine's CPU went during a phase, process by process: the API, the worker, the
 * Temporal server, PostgreSQL (when embedded) and the benchmark's own driver. What is left of
 * the machine's busy time belongs to other processes.
 */
export class CpuMeter {
  private readonly startedAt = performance.now();
  private readonly before: Record<string, number | undefined>;
  private readonly machineBefore = machineCpu();

  constructor(
    private readonly pids: Record<string, { pid?: number; tree?: boolean }>,
    private readonly cores: number,
  ) {
    this.before = this.read();
  }

  private read(): Record<string, number | undefined> {
    const values: Record<string, number | undefined> = {};
    for (const [name, { pid, tree }] of Object.entries(this.pids)) {
      values[name] = pid === undefined ? undefined : tree ? treeCpuMsOf(pid) : cpuMsOf(pid);
    }
    const own = process.cpuUsage();
    values['benchmark driver'] = (own.user + own.system) / 1000;
    return values;
  }

  stop(): CpuBreakdown {
    const wallSeconds = (performance.now() - this.startedAt) / 1000;
    const after = this.read();
    const capacity = wallSeconds * this.cores;
    const byProcess: Record<string, CpuShare> = {};
    for (const [name, value] of Object.entries(after)) {
      const start = this.before[name];
      if (value === undefined || start === undefined) continue;
      const cpuSeconds = (value - start) / 1000;
      byProcess[name] = { cpuSeconds: Math.round(cpuSeconds * 10) / 10, percentOfMachine: Math.round((cpuSeconds / capacity) * 1000) / 10 };
    }
    const machineAfter = machineCpu();
    const machineBusyPercent =
      this.machineBefore && machineAfter
        ? Math.round(((machineAfter.busyMs - this.machineBefore.busyMs) / (machineAfter.totalMs - this.machineBefore.totalMs)) * 1000) / 10
        : undefined;
    return { wallSeconds: Math.round(wallSeconds * 10) / 10, cores: this.cores, byProcess, machineBusyPercent };
  }
}

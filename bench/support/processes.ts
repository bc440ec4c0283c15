import { spawn, type ChildProcess } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';


/** Resident memory of a process in bytes (Linux), or undefined where /proc is not available. */
export function rssOf(pid: number): number | undefined {
  try {
    const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) * 1024 : undefined;
  } catch {
    return undefined;
  }
}

function statFields(pid: number | string): string[] | undefined {
  try {
    // The fields after the parenthesised command name, which may itself hold spaces.
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(') ') + 2).split(' ');
  } catch {
    return undefined;
  }
}

/** CPU time (user + system) a process has used so far, in ms (Linux; USER_HZ is 100). */
export function cpuMsOf(pid: number): number | undefined {
  const f = statFields(pid);
  return f ? ((Number(f[11]) + Number(f[12])) * 1000) / 100 : undefined;
}

/**
 * CPU time of a process and its children, in ms: its own, that of children it has reaped, and
 * that of its live children (PostgreSQL serves each connection from a child process).
 */
export function treeCpuMsOf(pid: number): number | undefined {
  const own = statFields(pid);
  if (!own) return undefined;
  let ticks = Number(own[11]) + Number(own[12]) + Number(own[13]) + Number(own[14]);
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const f = statFields(entry);
    if (f && Number(f[1]) === pid) ticks += Number(f[11]) + Number(f[12]);
  }
  return (ticks * 1000) / 100;
}

export interface AppProcess {
  name: string;
  child: ChildProcess;
  pid: number;
  /** The last lines it wrote, shown when it fails. */
  tail(): string;
  /** Resolves once a line matching `pattern` was written. */
  waitForLine(pattern: RegExp, timeoutMs: number): Promise<void>;
  /** SIGTERM, then SIGKILL after `graceMs`; resolves when it has exited. */
  stop(graceMs?: number): Promise<void>;
}

/** Starts a compiled entry point of ours as a child process, keeping its output out of the benchmark's table. */
export function startNode(name: string, entry: string, env: NodeJS.ProcessEnv, nodeArgs: string[] = [], args: string[] = []): AppProcess {
  const child = spawn(process.execPath, [...nodeArgs, entry, ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  const lines: string[] = [];
  const waiters: { pattern: RegExp; resolve: () => void }[] = [];
  const onData = (chunk: Buffer) => {
    for (const line of chunk.toString('utf8').split('\n')) {
      if (!line) continue;
      lines.push(line.length > 500 ? `${line.slice(0, 500)}…` : line);
      if (lines.length > 40) lines.shift();
      for (const waiter of [...waiters]) {
        if (waiter.pattern.test(line)) {
          waiters.splice(waiters.indexOf(waiter), 1);
          waiter.resolve();
        }
      }
    }
  };
  child.stdout!.on('data', onData);
  child.stderr!.on('data', onData);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  // Never outlive the benchmark, however it ends.
  const orphanGuard = () => child.kill('SIGKILL');
  process.once('exit', orphanGuard);
  const tail = () => lines.join('\n');

  return {
    name,
    child,
    pid: child.pid!,
    tail,
    waitForLine(pattern, timeoutMs) {
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`${name} did not print ${pattern} within ${timeoutMs} ms:\n${tail()}`)), timeoutMs);
        const done = () => {
          clearTimeout(timer);
          resolve();
        };
        waiters.push({ pattern, resolve: done });
        void exited.then(() => {
          clearTimeout(timer);
          reject(new Error(`${name} exited (${child.exitCode ?? child.signalCode}) before printing ${pattern}:\n${tail()}`));
        });
      });
    },
    async stop(graceMs = 30_000) {
      process.off('exit', orphanGuard);
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      const killer = setTimeout(() => child.kill('SIGKILL'), graceMs);
      await exited;
      clearTimeout(killer);
    },
  };
}

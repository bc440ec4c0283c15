import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The pids of `root` and every process below it, read from /proc. */
function tree(root: number): number[] {
  const parents = new Map<number, number[]>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      // `pid (comm) state ppid …`; comm may hold spaces and parentheses, so read after the last ')'.
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      parents.set(ppid, [...(parents.get(ppid) ?? []), Number(entry)]);
    } catch {
      // The process ended while we looked.
    }
  }
  const pids = [root];
  for (let i = 0; i < pids.length; i += 1) pids.push(...(parents.get(pids[i]!) ?? []));
  return pids;
}

/**
 * Freezes a PostgreSQL server (its postmaster and every backend) with SIGSTOP: connections are
 * accepted by the kernel and queries are sent, but nothing ever answers — the outage that
 * hangs a client instead of refusing it. `thaw` resumes it where it stopped.
 */
export function freezePostgres(dataDir: string): { thaw(): void } {
  const postmaster = Number(readFileSync(join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
  const pids = tree(postmaster);
  for (const pid of pids) process.kill(pid, 'SIGSTOP');
  return {
    thaw() {
      for (const pid of pids) {
        try {
          process.kill(pid, 'SIGCONT');
        } catch {
          // Gone already.
        }
      }
    },
  };
}

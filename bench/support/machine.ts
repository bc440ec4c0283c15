import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { cpus, loadavg, release, totalmem } from 'node:os';
import { createRequire } from 'node:module';
import pg from 'pg';

const require = createRequire(import.meta.url);

function packageVersion(name: string): string | undefined {
  try {
    return (require(`${name}/package.json`) as { version: string }).version;
  } catch {
    return undefined;
  }
}

export interface MachineInfo {
  cpu: string;
  cores: number;
  memoryGiB: number;
  kernel: string;
  node: string;
  temporalCli?: string;
  postgres?: string;
  packages: Record<string, string | undefined>;
}

export async function machineInfo(options: { temporalCli?: string; databaseUrl?: string }): Promise<MachineInfo> {
  let temporalCli: string | undefined;
  const cli = spawnSync(options.temporalCli ?? 'temporal', ['--version'], { encoding: 'utf8' });
  if (cli.status === 0) temporalCli = cli.stdout.trim();
  let postgres: string | undefined;
  if (options.databaseUrl) {
    const client = new pg.Client({ connectionString: options.databaseUrl });
    try {
      await client.connect();
      postgres = (await client.query<{ v: string }>('show server_version')).rows[0]?.v;
    } catch {
      postgres = undefined;
    } finally {
      await client.end().catch(() => {});
    }
  }
  return {
    cpu: cpus()[0]?.model ?? 'unknown',
    cores: cpus().length,
    memoryGiB: Math.round((totalmem() / 1024 ** 3) * 10) / 10,
    kernel: release(),
    node: process.version,
    temporalCli,
    postgres,
    packages: Object.fromEntries(
      ['@temporalio/worker', '@temporalio/client', '@nestjs/core', '@mikro-orm/core', 'pg'].map((name) => [name, packageVersion(name)]),
    ),
  };
}

export const loadAverage = () => loadavg().map((v) => Math.round(v * 100) / 100);

/** Busy and total CPU time of the whole machine so far, in ms (Linux /proc/stat). */
export function machineCpu(): { busyMs: number; totalMs: number } | undefined {
  try {
    const fields = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).slice(1).map(Number);
    const total = fields.reduce((a, b) => a + b, 0);
    const idle = (fields[3] ?? 0) + (fields[4] ?? 0);
    // USER_HZ is 100 on Linux.
    return { busyMs: ((total - idle) * 1000) / 100, totalMs: (total * 1000) / 100 };
  } catch {
    return undefined;
  }
}

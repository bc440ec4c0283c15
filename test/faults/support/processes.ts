import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { Stack } from '../../support/harness.js';

const root = fileURLToPath(new URL('../../..', import.meta.url));

/** Runs a command in the repository and rejects with its output when it fails. */
function run(command: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.once('error', reject);
    child.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${args.join(' ')} failed (${code}):\n${output}`))));
  });
}

/** `npm run build`: the production entry points in dist/, which the processes below run. Once per test run. */
export async function buildApps(): Promise<void> {
  // Test files share the process (and its environment), not their modules.
  if (process.env.HIREFLOW_FAULTS_BUILT === 'yes') return;
  await run(process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.build.json']);
  process.env.HIREFLOW_FAULTS_BUILT = 'yes';
}

/** A production entry point running in a process of its own, so a signal does to it what it does in production. */
export interface AppProcess {
  readonly pid: number;
  /** Everything it printed so far, for failure messages. */
  output(): string;
  /** Resolves with the exit code (null when a signal ended it). */
  exited: Promise<number | null>;
  /** Sends the signal and waits until the process is gone. */
  kill(signal: NodeJS.Signals): Promise<void>;
}

const READY: Record<'worker' | 'api', RegExp> = {
  worker: /hireflow worker polling task queue/,
  api: /hireflow API listening on/,
};
const ENTRY: Record<'worker' | 'api', string> = {
  worker: 'dist/apps/worker/src/main.js',
  api: 'dist/apps/api/src/main.js',
};

/**
 * The environment a stack's own worker and API run with, for a process of the same
 * deployment: the same database, Temporal, task queue and signing secret.
 */
export function stackEnv(stack: Stack, extra: Record<string, string> = {}): Record<string, string> {
  return {
    NODE_ENV: 'test',
    LOG_LEVEL: 'warn',
    DATABASE_URL: stack.config.database.url!,
    DATABASE_POOL_MAX: '5',
    TEMPORAL_ADDRESS: stack.config.temporal.address!,
    TEMPORAL_NAMESPACE: stack.config.temporal.namespace,
    TEMPORAL_TASK_QUEUE: stack.config.temporal.taskQueue,
    JWT_SECRET: stack.config.auth.jwtSecret,
    CONNECTS_SIGNUP_GRANT: '0',
    RATE_LIMIT_WRITES_PER_MINUTE: '100000',
    RATE_LIMIT_SIGNUPS_PER_MINUTE: '100000',
    MESSAGE_REMINDER_SWEEP_EVERY: '3650d',
    // Several workers run side by side on this machine: none binds the metrics port.
    WORKER_METRICS_ADDRESS: 'off',
    ...extra,
  };
}

/**
 * Starts `node dist/apps/<app>/src/main.js` with exactly `env` (plus PATH and HOME) and waits
 * until it says it is serving. The process never outlives the test process.
 */
export async function startAppProcess(app: 'worker' | 'api', env: Record<string, string>, readyTimeoutMs = 60_000): Promise<AppProcess> {
  const child: ChildProcess = spawn(process.execPath, [ENTRY[app]], {
    cwd: root,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? root, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const orphanGuard = () => child.kill('SIGKILL');
  process.once('exit', orphanGuard);
  void exited.then(() => process.off('exit', orphanGuard));

  const deadline = Date.now() + readyTimeoutMs;
  while (!READY[app].test(output)) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`the ${app} exited before it was ready:\n${output}`);
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`the ${app} was not ready after ${readyTimeoutMs} ms:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return {
    pid: child.pid!,
    output: () => output,
    exited,
    async kill(signal) {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      await exited;
    },
  };
}

import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { Connection } from '@temporalio/client';
import { devServerSearchAttributeFlags } from './search-attributes.js';

export interface DevServerOptions {
  /** TEMPORAL_CLI_PATH; falls back to `temporal` on PATH, then to the SDK's download. */
  cliPath?: string;
  port: number;
  uiPort: number;
  /** SQLite file that keeps workflows across restarts; omit for an in-memory server. */
  dbFile?: string;
  namespace?: string;
  headless?: boolean;
  readyTimeoutMs?: number;
  /** Serves the server's own Prometheus metrics (requests by operation) on this port. */
  metricsPort?: number;
}

export interface DevServer {
  address: string;
  uiUrl?: string;
  /** The server's process, when it runs as a child of this one. */
  pid?: number;
  stop(): Promise<void>;
}

/** The Temporal CLI binary to run, or undefined when none is installed. */
export function resolveTemporalCli(cliPath?: string): string | undefined {
  if (cliPath) return cliPath;
  const found = spawnSync('temporal', ['--version'], { stdio: 'ignore' });
  return found.status === 0 ? 'temporal' : undefined;
}

export async function waitForTemporal(address: string, namespace: string, timeoutMs: number, child?: ChildProcess): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  while (Date.now() < deadline) {
    if (child && child.exitCode !== null) throw new Error(`the Temporal dev server exited with code ${child.exitCode}`);
    try {
      const connection = await Connection.connect({ address, connectTimeout: 1000 });
      try {
        await connection.workflowService.describeNamespace({ namespace });
        return;
      } finally {
        await connection.close();
      }
    } catch (error) {
      lastError = error;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
  throw new Error(`Temporal at ${address} was not ready after ${timeoutMs} ms: ${(lastError as Error)?.message}`);
}

/** Starts the Temporal dev server (with its Web UI) and waits until its namespace answers. */
export async function startDevServer(options: DevServerOptions): Promise<DevServer> {
  const namespace = options.namespace ?? 'default';
  const address = `127.0.0.1:${options.port}`;
  const cli = resolveTemporalCli(options.cliPath);
  if (!cli) return startDownloadedDevServer(options, namespace);

  if (options.dbFile) mkdirSync(dirname(options.dbFile), { recursive: true });
  const args = [
    'server', 'start-dev',
    '--ip', '127.0.0.1',
    '--port', String(options.port),
    '--namespace', namespace,
    '--log-level', 'error',
    ...devServerSearchAttributeFlags(),
    ...(options.headless ? ['--headless'] : ['--ui-port', String(options.uiPort)]),
    ...(options.dbFile ? ['--db-filename', options.dbFile] : []),
    ...(options.metricsPort ? ['--metrics-port', String(options.metricsPort)] : []),
  ];
  const child = spawn(cli, args, { stdio: ['ignore', 'ignore', 'inherit'] });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  // The dev server never outlives the process that started it, however that process ends.
  const orphanGuard = () => child.kill('SIGTERM');
  process.once('exit', orphanGuard);
  void exited.then(() => process.off('exit', orphanGuard));
  try {
    await waitForTemporal(address, namespace, options.readyTimeoutMs ?? 60_000, child);
  } catch (error) {
    child.kill('SIGKILL');
    throw error;
  }
  return {
    address,
    uiUrl: options.headless ? undefined : `http://127.0.0.1:${options.uiPort}`,
    pid: child.pid,
    async stop() {
      if (child.exitCode !== null) return;
      child.kill('SIGTERM');
      const killer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(killer);
    },
  };
}

/** For users with internet and no CLI installed: the SDK downloads and runs the dev server. */
async function startDownloadedDevServer(options: DevServerOptions, namespace: string): Promise<DevServer> {
  const { TestWorkflowEnvironment } = await import('@temporalio/testing');
  const { ALL_SEARCH_ATTRIBUTE_KEYS } = await import('../../workflows/search-attributes.js');
  const env = await TestWorkflowEnvironment.createLocal({
    server: {
      executable: { type: 'cached-download' },
      ip: '127.0.0.1',
      port: options.port,
      ui: !options.headless,
      uiPort: options.uiPort,
      namespace,
      dbFilename: options.dbFile,
      searchAttributes: [...ALL_SEARCH_ATTRIBUTE_KEYS],
      ...(options.metricsPort ? { extraArgs: ['--metrics-port', String(options.metricsPort)] } : {}),
    },
  });
  return {
    address: `127.0.0.1:${options.port}`,
    uiUrl: options.headless ? undefined : `http://127.0.0.1:${options.uiPort}`,
    stop: () => env.teardown(),
  };
}

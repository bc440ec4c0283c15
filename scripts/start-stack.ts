import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ConfigError, loadConfig } from '../libs/config/config.js';
import { migrate } from '../libs/db/orm.js';
import { startDevServer, type DevServer } from '../libs/temporal/dev-server.js';
import { startEmbeddedPostgres, type EmbeddedDatabase } from './embedded-postgres.js';

/**
 * `npm start`: the whole stack on embedded defaults. Without DATABASE_URL an embedded
 * PostgreSQL starts; without TEMPORAL_ADDRESS a Temporal dev server (with its Web UI) starts;
 * both keep their data under HIREFLOW_DATA_DIR. Then migrations run, and the worker and the
 * API start as separate processes, as they run in production.
 */
const root = fileURLToPath(new URL('..', import.meta.url));
const children: ChildProcess[] = [];
let database: EmbeddedDatabase | undefined;
let temporal: DevServer | undefined;

function log(message: string) {
  console.log(`[hireflow] ${message}`);
}

function startApp(name: string, entry: string, env: NodeJS.ProcessEnv): ChildProcess {
  const child = spawn(process.execPath, [join(root, entry)], { env, stdio: 'inherit' });
  child.once('exit', (code, signal) => {
    if (!stopping) {
      log(`${name} exited (${signal ?? code}); stopping the stack`);
      void stop(1);
    }
  });
  children.push(child);
  // Children stop with the stack even when something else ends this process first.
  process.once('exit', () => child.kill('SIGTERM'));
  return child;
}

async function waitForHealth(url: string, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`the API did not become healthy at ${url} within ${timeoutMs / 1000} s`);
}

let stopping = false;
async function stop(code: number) {
  if (stopping) return;
  stopping = true;
  log('stopping…');
  await Promise.all(
    children.map(
      (child) =>
        new Promise<void>((done) => {
          if (child.exitCode !== null || child.signalCode !== null) return done();
          child.once('exit', () => done());
          child.kill('SIGTERM');
        }),
    ),
  );
  await temporal?.stop();
  await database?.stop();
  process.exit(code);
}

async function main() {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(2);
    }
    throw error;
  }
  const dataDir = resolve(config.dataDir);
  process.once('SIGINT', () => void stop(0));
  process.once('SIGTERM', () => void stop(0));

  let databaseUrl = config.database.url;
  if (!databaseUrl) {
    log(`starting embedded PostgreSQL on 127.0.0.1:${config.database.embeddedPort} (data in ${join(dataDir, 'postgres')})`);
    database = await startEmbeddedPostgres(join(dataDir, 'postgres'), config.database.embeddedPort);
    databaseUrl = database.url;
  }

  let temporalAddress = config.temporal.address;
  if (!temporalAddress) {
    log(`starting the Temporal dev server on 127.0.0.1:${config.temporal.devPort} (data in ${join(dataDir, 'temporal.db')})`);
    temporal = await startDevServer({
      cliPath: config.temporal.cliPath,
      port: config.temporal.devPort,
      uiPort: config.temporal.uiPort,
      dbFile: join(dataDir, 'temporal.db'),
      namespace: config.temporal.namespace,
    });
    temporalAddress = temporal.address;
  }

  const applied = await migrate({ url: databaseUrl });
  log(applied.length ? `migrations applied: ${applied.join(', ')}` : 'database schema is up to date');

  const env = { ...process.env, DATABASE_URL: databaseUrl, TEMPORAL_ADDRESS: temporalAddress };
  startApp('worker', 'apps/worker/src/main.js', env);
  startApp('api', 'apps/api/src/main.js', env);
  const apiUrl = `http://${config.http.host}:${config.http.port}`;
  await waitForHealth(`${apiUrl}/health`, 90_000);

  log('the stack is up:');
  if (existsSync(join(resolve(config.web.distDir), 'index.html'))) log(`  Web app      ${apiUrl}/`);
  else log(`  Web app      not built (npm run build:web), so not served`);
  log(`  API          ${apiUrl}/v1   (OpenAPI: ${apiUrl}/docs)`);
  log(`  Temporal UI  ${temporal?.uiUrl ?? config.temporal.uiUrl}`);
  log(`  Temporal     ${temporalAddress} (namespace ${config.temporal.namespace})`);
  log(`  PostgreSQL   ${databaseUrl.replace(/\/\/[^@]*@/, '//***@')}`);
  log('press Ctrl+C to stop');
}

main().catch(async (error) => {
  console.error(error instanceof Error ? error.message : error);
  await stop(1);
});

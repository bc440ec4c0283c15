import { z } from 'zod';

/**
 * The benchmark's own settings, read from the environment in this one place and validated
 * once. Defaults are sized so that `npm run bench` finishes well inside 20 minutes on a
 * 2-core machine; raise them on bigger hardware.
 */
const int = (fallback: number, min = 1) => z.coerce.number().int().min(min).default(fallback);

const schema = z.object({
  /** Lifecycle: complete hires driven through the REST API, and the same number through bare Temporal. */
  BENCH_HIRES: int(500),
  /** Lifecycle: hires in flight at once (each one runs its steps in order). */
  BENCH_CONCURRENCY: int(32),
  /** Instant-interview questions per hire (one answer update each). */
  BENCH_QUESTIONS: int(2),
  /** Cost: complete hires driven one step at a time, each step's history measured on its own. */
  BENCH_COST_HIRES: int(2),
  /** Scale: open proposals in the largest run; the 2× and 4× smaller runs follow. */
  BENCH_SCALE_PROPOSALS: int(10_000),
  BENCH_SCALE_JOBS: int(100),
  /** Scale: applications and submissions in flight at once while the proposals are opened. */
  BENCH_SCALE_CONCURRENCY: int(16),
  /** Scale: reads of each kind sampled while the proposals are open, and how many run at once. */
  BENCH_SCALE_READS: int(1_000),
  BENCH_READ_CONCURRENCY: int(4),
  /** growing: one stack through every size, reporting each step's marginal cost; separate: a fresh stack per size. */
  BENCH_SCALE_MODE: z.enum(['growing', 'separate']).default('growing'),
  /** Scale sizes as a comma-separated list of divisors of BENCH_SCALE_PROPOSALS. */
  BENCH_SCALE_DIVISORS: z
    .string()
    .default('1,2,4')
    .transform((value) => value.split(',').map((part) => Number(part.trim())))
    .refine((values) => values.every((n) => Number.isInteger(n) && n >= 1), 'must be positive integers, e.g. "1,2,4"'),
  /** Thread: messages posted to one proposal's thread, alternating client and freelancer. */
  BENCH_THREAD_MESSAGES: int(10_000),
  BENCH_THREAD_CONCURRENCY: int(4),
  /** Thread: pages read (50 messages each) spread over the whole thread. */
  BENCH_THREAD_PAGES: int(500),
  /**
   * Before measuring, wait up to this long for the 1-minute load average to fall below
   * BENCH_QUIET_LOAD (the build that `npm run bench` runs first leaves it high); 0 to start at once.
   */
  BENCH_SETTLE_SECONDS: int(180, 0),
  BENCH_QUIET_LOAD: z.coerce.number().positive().default(0.5),
  /** Record CPU profiles of the API and worker processes (written under bench/results/profiles). */
  BENCH_PROFILE: z.enum(['0', '1']).default('0'),
  /** Where results are written; git-ignored. */
  BENCH_RESULTS_DIR: z.string().default('bench/results'),
  /** An existing cluster instead of a dev server of the benchmark's own (no server-side request counts then). */
  TEMPORAL_ADDRESS: z.string().optional(),
  TEMPORAL_NAMESPACE: z.string().default('default'),
  TEMPORAL_CLI_PATH: z.string().optional(),
  /** A PostgreSQL server on which the benchmark creates (and drops) databases of its own; an embedded one otherwise. */
  DATABASE_URL: z.string().optional(),
});

export type BenchConfig = ReturnType<typeof loadBenchConfig>;

export function loadBenchConfig(env: Record<string, string | undefined> = process.env) {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    throw new Error(`Invalid benchmark configuration:\n${parsed.error.issues.map((i) => `  - ${i.path.join('.')}: ${i.message}`).join('\n')}`);
  }
  const e = parsed.data;
  return {
    lifecycle: { hires: e.BENCH_HIRES, concurrency: e.BENCH_CONCURRENCY, questions: e.BENCH_QUESTIONS },
    cost: { hires: e.BENCH_COST_HIRES, questions: e.BENCH_QUESTIONS },
    scale: {
      proposals: e.BENCH_SCALE_PROPOSALS,
      jobs: e.BENCH_SCALE_JOBS,
      divisors: e.BENCH_SCALE_DIVISORS,
      mode: e.BENCH_SCALE_MODE,
      concurrency: e.BENCH_SCALE_CONCURRENCY,
      reads: e.BENCH_SCALE_READS,
      readConcurrency: e.BENCH_READ_CONCURRENCY,
    },
    thread: { messages: e.BENCH_THREAD_MESSAGES, concurrency: e.BENCH_THREAD_CONCURRENCY, pages: e.BENCH_THREAD_PAGES },
    settle: { seconds: e.BENCH_SETTLE_SECONDS, quietLoad: e.BENCH_QUIET_LOAD },
    profile: e.BENCH_PROFILE === '1',
    resultsDir: e.BENCH_RESULTS_DIR,
    temporal: { address: e.TEMPORAL_ADDRESS || undefined, namespace: e.TEMPORAL_NAMESPACE, cliPath: e.TEMPORAL_CLI_PATH || undefined },
    databaseUrl: e.DATABASE_URL || undefined,
    /** The whole environment, passed on to the API and worker processes the benchmark starts. */
    inherited: env,
  };
}

/** Latency samples by action, and the summaries the tables print. */

export interface LatencySummary {
  count: number;
  errors: number;
  meanMs: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  maxMs: number;
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  // Nearest-rank: the smallest sample with at least p% of the samples at or below it.
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(Math.max(rank, 1), sorted.length) - 1]!;
}

export function summarizeSamples(samples: number[], errors = 0): LatencySummary {
  const sorted = [...samples].sort((a, b) => a - b);
  const round = (ms: number) => Math.round(ms * 10) / 10;
  return {
    count: sorted.length,
    errors,
    meanMs: round(sorted.reduce((a, b) => a + b, 0) / (sorted.length || 1)),
    p50Ms: round(percentile(sorted, 50)),
    p95Ms: round(percentile(sorted, 95)),
    p99Ms: round(percentile(sorted, 99)),
    maxMs: round(sorted.at(-1) ?? NaN),
  };
}

export class Recorder {
  private readonly samples = new Map<string, number[]>();
  private readonly failures = new Map<string, number>();
  /** The first few failures, kept for the report. */
  readonly failureExamples: string[] = [];

  record(action: string, ms: number): void {
    let list = this.samples.get(action);
    if (!list) this.samples.set(action, (list = []));
    list.push(ms);
  }

  fail(action: string, detail: string): void {
    this.failures.set(action, (this.failures.get(action) ?? 0) + 1);
    if (this.failureExamples.length < 10) this.failureExamples.push(`${action}: ${detail}`);
  }

  /** Times `fn` under `action`; a rejection counts as a failure of that action and is rethrown. */
  async time<T>(action: string, fn: () => Promise<T>): Promise<T> {
    const started = performance.now();
    try {
      const result = await fn();
      this.record(action, performance.now() - started);
      return result;
    } catch (error) {
      this.fail(action, error instanceof Error ? error.message : String(error));
      throw error;
    }
  }

  /** The samples of several actions taken together. */
  samplesOf(actions: string[]): number[] {
    return actions.flatMap((action) => this.samples.get(action) ?? []);
  }

  get totalFailures(): number {
    return [...this.failures.values()].reduce((a, b) => a + b, 0);
  }

  summary(): Record<string, LatencySummary> {
    const actions = new Set([...this.samples.keys(), ...this.failures.keys()]);
    return Object.fromEntries([...actions].map((action) => [action, summarizeSamples(this.samples.get(action) ?? [], this.failures.get(action) ?? 0)]));
  }
}

/**
 * Runs `count` tasks with at most `concurrency` at once. A task that fails does not stop the
 * others; the failures are answered once all have settled.
 */
export async function runBounded(count: number, concurrency: number, task: (index: number) => Promise<void>): Promise<unknown[]> {
  let next = 0;
  const failures: unknown[] = [];
  const lanes = Array.from({ length: Math.min(concurrency, count) }, async () => {
    while (next < count) {
      const index = next++;
      try {
        await task(index);
      } catch (error) {
        failures.push(error);
      }
    }
  });
  await Promise.all(lanes);
  return failures;
}

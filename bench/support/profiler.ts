import { writeFileSync } from 'node:fs';

/**
 * Samples the CPU of a child Node process through its inspector (`--inspect=127.0.0.1:<port>`),
 * only while a benchmark phase runs: start-up and workflow bundling stay out of the profile,
 * and the process need not exit for the profile to be written.
 */
export class InspectorProfiler {
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: (value: any) => void; reject: (error: Error) => void }>();

  private constructor(private readonly socket: WebSocket) {
    socket.addEventListener('message', (event) => {
      const message = JSON.parse(String(event.data));
      const waiter = message.id === undefined ? undefined : this.pending.get(message.id);
      if (!waiter) return;
      this.pending.delete(message.id);
      if (message.error) waiter.reject(new Error(message.error.message));
      else waiter.resolve(message.result);
    });
  }

  static async connect(inspectPort: number, timeoutMs = 30_000): Promise<InspectorProfiler> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      try {
        const targets = (await (await fetch(`http://127.0.0.1:${inspectPort}/json/list`)).json()) as { webSocketDebuggerUrl: string }[];
        const socket = new WebSocket(targets[0]!.webSocketDebuggerUrl);
        await new Promise<void>((resolve, reject) => {
          socket.addEventListener('open', () => resolve(), { once: true });
          socket.addEventListener('error', () => reject(new Error('inspector connection failed')), { once: true });
        });
        return new InspectorProfiler(socket);
      } catch (error) {
        if (Date.now() > deadline) throw error;
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
    }
  }

  async start(): Promise<void> {
    await this.send('Profiler.enable');
    // 1 ms between samples: fine enough for request paths, light enough not to move the figures much.
    await this.send('Profiler.setSamplingInterval', { interval: 1000 });
    await this.send('Profiler.start');
  }

  /** Stops sampling, writes the profile (open it in Chrome DevTools) and answers a summary of it. */
  async stop(file: string): Promise<ProfileSummary> {
    const { profile } = (await this.send('Profiler.stop')) as { profile: CpuProfile };
    writeFileSync(file, JSON.stringify(profile));
    return summarize(profile);
  }

  close(): void {
    this.socket.close();
  }

  private send(method: string, params: object = {}): Promise<any> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.socket.send(JSON.stringify({ id, method, params }));
    });
  }
}

interface CpuProfile {
  nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; hitCount?: number; children?: number[] }[];
  startTime: number;
  endTime: number;
  samples?: number[];
  timeDeltas?: number[];
}

export interface ProfileSummary {
  /** Sampled time on the main thread, ms; idle excluded. */
  busyMs: number;
  idleMs: number;
  /** Self time by where the code lives: a package name, "hireflow" for our own code, or a V8 category. */
  byOrigin: { origin: string; ms: number; share: number }[];
  /** The functions with the most self time. */
  topFunctions: { fn: string; origin: string; ms: number; share: number }[];
}

function originOf(url: string, functionName: string): string {
  if (!url) {
    if (functionName === '(idle)') return '(idle)';
    if (functionName === '(garbage collector)') return '(gc)';
    if (functionName === '(program)') return '(v8/native)';
    return '(native)';
  }
  const packageMatch = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (packageMatch) return packageMatch[1]!;
  if (url.startsWith('node:')) return 'node:internal';
  // Workflow code runs from the worker's bundle, evaluated in a V8 context.
  if (/\/dist\/(apps|libs|activities|workflows)\//.test(url)) return 'hireflow';
  if (url.includes('workflow-bundle') || url.startsWith('evalmachine')) return 'workflow bundle';
  return url.replace(/^file:\/\//, '').split('/').slice(-2).join('/');
}

export function summarize(profile: CpuProfile): ProfileSummary {
  const byNode = new Map(profile.nodes.map((node) => [node.id, node]));
  const selfMs = new Map<number, number>();
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  for (let i = 0; i < samples.length; i += 1) {
    // A sample's time is the gap to the next one.
    const ms = (deltas[i + 1] ?? 0) / 1000;
    selfMs.set(samples[i]!, (selfMs.get(samples[i]!) ?? 0) + ms);
  }
  const origins = new Map<string, number>();
  const functions = new Map<string, { fn: string; origin: string; ms: number }>();
  let idleMs = 0;
  for (const [id, ms] of selfMs) {
    const { callFrame } = byNode.get(id)!;
    const origin = originOf(callFrame.url, callFrame.functionName);
    if (origin === '(idle)') {
      idleMs += ms;
      continue;
    }
    origins.set(origin, (origins.get(origin) ?? 0) + ms);
    const where = callFrame.url ? `${callFrame.url.split('/').slice(-2).join('/')}:${callFrame.lineNumber + 1}` : '';
    const key = `${callFrame.functionName || '(anonymous)'} ${where}`.trim();
    const entry = functions.get(key) ?? { fn: key, origin, ms: 0 };
    entry.ms += ms;
    functions.set(key, entry);
  }
  const busyMs = [...origins.values()].reduce((a, b) => a + b, 0);
  const share = (ms: number) => (busyMs ? ms / busyMs : 0);
  return {
    busyMs,
    idleMs,
    byOrigin: [...origins]
      .map(([origin, ms]) => ({ origin, ms, share: share(ms) }))
      .sort((a, b) => b.ms - a.ms)
      .slice(0, 15),
    topFunctions: [...functions.values()]
      .sort((a, b) => b.ms - a.ms)
      .slice(0, 15)
      .map((f) => ({ ...f, share: share(f.ms) })),
  };
}

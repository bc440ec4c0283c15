import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';

/**
 * A misbehaving network between hireflow and a provider's fake, on 127.0.0.1. Each request is
 * forwarded to the fake, or answered with a fault, drawn from a seeded generator so a run can
 * be repeated: a 5xx (never forwarded), a 429 with Retry-After, a stall before forwarding, or
 * a malformed body after forwarding (the provider acted; the answer is lost). A rule can also
 * pick out requests by their body, for a fault that must last.
 */

export interface ChaosRates {
  serverError: number;
  rateLimit: number;
  stall: number;
  malformed: number;
}

export type Fault = keyof ChaosRates | 'rule';

export interface ChaosRule {
  /** Requests whose body contains this are answered by `reply` instead of being forwarded. */
  bodyContains: string;
  reply: { status: number; body: string };
}

export interface ChaosProxy {
  url: string;
  rates: ChaosRates;
  stallMs: number;
  rules: ChaosRule[];
  /** How many requests met each fate. */
  counts: Record<Fault | 'forwarded', number>;
  faults(): number;
  close(): Promise<void>;
}

/** mulberry32: small, fast, and the same sequence for the same seed. */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const CALM: ChaosRates = { serverError: 0, rateLimit: 0, stall: 0, malformed: 0 };

export async function startChaosProxy(target: string, options: { rates?: ChaosRates; stallMs?: number; seed: number }): Promise<ChaosProxy> {
  const random = seeded(options.seed);
  const proxy: Omit<ChaosProxy, 'url' | 'close'> = {
    rates: options.rates ?? CALM,
    stallMs: options.stallMs ?? 10_000,
    rules: [],
    counts: { forwarded: 0, serverError: 0, rateLimit: 0, stall: 0, malformed: 0, rule: 0 },
    faults: () => proxy.counts.serverError + proxy.counts.rateLimit + proxy.counts.stall + proxy.counts.malformed + proxy.counts.rule,
  };
  const sockets = new Set<import('node:net').Socket>();

  async function forward(req: IncomingMessage, body: Buffer) {
    const headers = Object.fromEntries(
      Object.entries(req.headers).filter(([name]) => !['host', 'connection', 'content-length', 'transfer-encoding'].includes(name)),
    ) as Record<string, string>;
    const response = await fetch(`${target}${req.url}`, {
      method: req.method,
      headers,
      body: req.method === 'GET' || req.method === 'HEAD' ? undefined : body,
      redirect: 'manual',
    });
    return { status: response.status, headers: response.headers, body: Buffer.from(await response.arrayBuffer()) };
  }

  function reply(res: ServerResponse, status: number, body: string, headers: Record<string, string> = {}) {
    res.writeHead(status, { 'content-type': 'application/json', ...headers }).end(body);
  }

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks);
    const text = body.toString('utf8');

    const rule = proxy.rules.find((r) => text.includes(r.bodyContains));
    if (rule) {
      proxy.counts.rule += 1;
      return reply(res, rule.reply.status, rule.reply.body);
    }
    const roll = random();
    const { serverError, rateLimit, stall, malformed } = proxy.rates;
    if (roll < serverError) {
      proxy.counts.serverError += 1;
      return reply(res, 503, JSON.stringify({ error: { message: 'upstream unavailable', type: 'server_error' }, code: 20503, status: 503 }));
    }
    if (roll < serverError + rateLimit) {
      proxy.counts.rateLimit += 1;
      return reply(res, 429, JSON.stringify({ error: { message: 'rate limit reached', type: 'rate_limit_error' }, code: 20429, status: 429 }), { 'retry-after': '1' });
    }
    if (roll < serverError + rateLimit + stall) {
      proxy.counts.stall += 1;
      await new Promise((resolve) => setTimeout(resolve, proxy.stallMs));
    } else if (roll < serverError + rateLimit + stall + malformed) {
      proxy.counts.malformed += 1;
      const answered = await forward(req, body);
      // The provider did the work; what comes back is cut off mid-document.
      return reply(res, answered.status < 300 ? 200 : answered.status, answered.body.toString('utf8').slice(0, Math.max(1, Math.floor(answered.body.length / 2))));
    }
    proxy.counts.forwarded += 1;
    const answered = await forward(req, body);
    const headers: Record<string, string> = {};
    answered.headers.forEach((value, name) => {
      if (!['content-length', 'transfer-encoding', 'connection', 'content-encoding'].includes(name)) headers[name] = value;
    });
    res.writeHead(answered.status, headers).end(answered.body);
  }

  const server: Server = createServer((req, res) => {
    void handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) reply(res, 502, JSON.stringify({ error: { message: String(error) } }));
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return Object.assign(proxy, {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        // A stalled request must not hold the test open.
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  });
}

import { Agent, request } from 'node:http';
import type { Recorder } from './stats.js';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly body: string,
    method: string,
    path: string,
  ) {
    super(`${method} ${path} answered ${status}: ${body.slice(0, 300)}`);
  }
}

export interface Actor {
  id: string;
  token: string;
}

/**
 * The REST API as an outside consumer calls it, over kept-alive connections (node:http, which
 * costs the driving process less CPU than fetch). Every call is timed under an action name.
 */
export class ApiClient {
  private readonly agent: Agent;
  private readonly host: string;
  private readonly port: number;

  constructor(
    baseUrl: string,
    private readonly recorder: Recorder,
    maxSockets = 64,
  ) {
    const url = new URL(baseUrl);
    this.host = url.hostname;
    this.port = Number(url.port);
    this.agent = new Agent({ keepAlive: true, maxSockets });
  }

  /** A call that must succeed (2xx); its latency is recorded under `action`. */
  call<T = any>(action: string, method: string, path: string, token?: string, body?: unknown): Promise<T> {
    return this.recorder.time(action, async () => {
      const { status, text } = await this.raw(method, path, token, body);
      if (status < 200 || status >= 300) throw new ApiError(status, text, method, path);
      return (text ? JSON.parse(text) : undefined) as T;
    });
  }

  /** An untimed call for set-up steps (accounts, jobs). */
  async setup<T = any>(method: string, path: string, token?: string, body?: unknown): Promise<T> {
    const { status, text } = await this.raw(method, path, token, body);
    if (status < 200 || status >= 300) throw new ApiError(status, text, method, path);
    return (text ? JSON.parse(text) : undefined) as T;
  }

  async account(role: 'client' | 'freelancer', displayName: string, skills?: string[]): Promise<Actor> {
    const created = await this.setup<{ id: string; token: string }>('POST', '/v1/accounts', undefined, { role, displayName, ...(skills ? { skills } : {}) });
    return { id: created.id, token: created.token };
  }

  close(): void {
    this.agent.destroy();
  }

  private raw(method: string, path: string, token?: string, body?: unknown): Promise<{ status: number; text: string }> {
    const payload = body === undefined ? undefined : JSON.stringify(body);
    const headers: Record<string, string> = { accept: 'application/json' };
    if (token) headers.authorization = `Bearer ${token}`;
    if (payload !== undefined) {
      headers['content-type'] = 'application/json';
      headers['content-length'] = String(Buffer.byteLength(payload));
    }
    return new Promise((resolve, reject) => {
      const req = request({ host: this.host, port: this.port, method, path, headers, agent: this.agent }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }));
        res.on('error', reject);
      });
      // A request that hangs is a failure, not a stalled benchmark.
      req.setTimeout(60_000, () => req.destroy(new Error(`${method} ${path} timed out after 60 s`)));
      req.on('error', reject);
      req.end(payload);
    });
  }
}

import type { Finding } from './contract.js';

/** A refusal from the API, in the contract's `{ error: { code, message, details } }` shape. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'ApiError';
  }

  /** What moderation found, when the API refused content (422 `content_rejected`). */
  get findings(): (Finding & { field?: string })[] {
    if (this.code !== 'content_rejected') return [];
    const findings = (this.details as { findings?: unknown } | undefined)?.findings;
    return Array.isArray(findings) ? findings : [];
  }
}

type TokenSource = () => string | undefined;

let currentToken: TokenSource = () => undefined;

/** The session decides which bearer token every request carries. */
export function setTokenSource(source: TokenSource): void {
  currentToken = source;
}

export async function request<T>(method: string, path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  const token = currentToken();
  if (token) headers.authorization = `Bearer ${token}`;
  if (body !== undefined) headers['content-type'] = 'application/json';
  let response: Response;
  try {
    response = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  } catch {
    throw new ApiError(0, 'network', 'hireflow cannot be reached; check your connection and try again');
  }
  const text = await response.text();
  const parsed: unknown = text ? safeJson(text) : undefined;
  if (!response.ok) {
    const error = (parsed as { error?: { code?: string; message?: string; details?: unknown } } | undefined)?.error;
    throw new ApiError(response.status, error?.code ?? 'error', error?.message ?? `the request failed (${response.status})`, error?.details);
  }
  return parsed as T;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

import { io, type Socket } from 'socket.io-client';
import type { Stack } from './harness.js';
import { eventually } from './http.js';

export interface Envelope {
  id: string;
  type: string;
  createdAt: string;
  payload: Record<string, any>;
}

/** A socket.io client as a frontend connects, recording every event it receives. */
export interface Listener {
  socket: Socket;
  events: Envelope[];
  errors: { code: string; message: string }[];
  /** The id the client would resume from: the last event it received, or the one it started from. */
  lastEventId(): string | undefined;
  /** Waits for events matching `predicate`; returns all the matching ones. */
  waitFor(predicate: (event: Envelope) => boolean, count?: number, timeoutMs?: number): Promise<Envelope[]>;
  close(): void;
}

/**
 * Connects with the bearer token in the handshake. `auth` is a callback, as a frontend would
 * write it, so every automatic reconnection passes the last event id received so far.
 */
export async function listen(stack: Stack, token: string, options: { lastEventId?: string } = {}): Promise<Listener> {
  const events: Envelope[] = [];
  const errors: { code: string; message: string }[] = [];
  let resumeFrom = options.lastEventId;
  const socket = io(stack.http.baseUrl, {
    transports: ['websocket'],
    reconnectionDelay: 100,
    reconnectionDelayMax: 300,
    auth: (cb) => cb({ token, ...(resumeFrom ? { lastEventId: resumeFrom } : {}) }),
  });
  socket.onAny((type: string, data: unknown) => {
    // Until an event arrives, the cursor to come back with is where the server started this socket.
    if (type === 'ready') return void (resumeFrom ??= (data as { lastEventId?: string }).lastEventId);
    if (type === 'error') return void errors.push(data as { code: string; message: string });
    const envelope = data as Envelope;
    events.push(envelope);
    resumeFrom = envelope.id;
  });
  await new Promise<void>((resolve, reject) => {
    socket.once('ready', () => resolve());
    socket.once('connect_error', reject);
  });
  return {
    socket,
    events,
    errors,
    lastEventId: () => resumeFrom,
    waitFor: (predicate, count = 1, timeoutMs) =>
      eventually(
        async () => events.filter(predicate),
        (found) => found.length >= count,
        timeoutMs,
      ),
    close: () => void socket.close(),
  };
}

/** Connects and expects to be refused; resolves with the refusal. */
export function refused(stack: Stack, auth: Record<string, unknown>): Promise<Error & { data?: { code: string } }> {
  const socket = io(stack.http.baseUrl, { transports: ['websocket'], reconnection: false, auth });
  return new Promise((resolve, reject) => {
    socket.once('connect_error', (error) => {
      socket.close();
      resolve(error as Error & { data?: { code: string } });
    });
    socket.once('connect', () => {
      socket.close();
      reject(new Error('the socket was accepted'));
    });
  });
}

import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { io } from 'socket.io-client';
import type { EventEnvelope } from '../api/contract.js';

type Handler = (event: EventEnvelope) => void;
export type LiveStatus = 'connecting' | 'live' | 'offline';

interface LiveEvents {
  status: LiveStatus;
  subscribe(handler: Handler): () => void;
}

const LiveEventsContext = createContext<LiveEvents | null>(null);
/** Connection notices, not events about the marketplace. */
const CONTROL = new Set(['ready', 'error']);

/**
 * One socket.io connection per signed-in account, authenticated with the same token as REST.
 * It reconnects with the last event id it saw, so nothing that happened while it was away is
 * lost (docs/realtime.md); screens subscribe and reload what an event touches.
 */
export function LiveEventsProvider({ token, children }: { token: string; children: ReactNode }) {
  const handlers = useRef(new Set<Handler>());
  const [status, setStatus] = useState<LiveStatus>('connecting');

  useEffect(() => {
    let lastEventId: string | undefined;
    const seen = new Set<string>();
    const socket = io({ auth: (cb) => cb(lastEventId ? { token, lastEventId } : { token }) });
    socket.on('connect', () => setStatus('live'));
    socket.on('disconnect', () => setStatus('offline'));
    socket.on('connect_error', () => setStatus('offline'));
    // Before any event arrives, come back from where the server started this socket, or what happens meanwhile is missed.
    socket.on('ready', (ready: { lastEventId?: string }) => {
      lastEventId ??= ready.lastEventId;
    });
    socket.onAny((type: string, event: EventEnvelope) => {
      // Resuming may resend events already seen; each is handled once.
      if (CONTROL.has(type) || !event?.id || seen.has(event.id)) return;
      seen.add(event.id);
      lastEventId = event.id;
      handlers.current.forEach((handler) => handler(event));
    });
    return () => {
      socket.close();
    };
  }, [token]);

  const subscribe = useCallback((handler: Handler) => {
    handlers.current.add(handler);
    return () => {
      handlers.current.delete(handler);
    };
  }, []);
  const live = useMemo(() => ({ status, subscribe }), [status, subscribe]);
  return <LiveEventsContext.Provider value={live}>{children}</LiveEventsContext.Provider>;
}

export function useLiveStatus(): LiveStatus {
  return useContext(LiveEventsContext)?.status ?? 'offline';
}

/**
 * Calls `onEvent` for every pushed event that `accept` lets through. The newest callbacks are
 * used without subscribing again, so screens can pass inline functions.
 */
export function useLiveEvent(accept: (event: EventEnvelope) => boolean, onEvent: (event: EventEnvelope) => void): void {
  const subscribe = useContext(LiveEventsContext)?.subscribe;
  const latest = useRef({ accept, onEvent });
  useEffect(() => {
    latest.current = { accept, onEvent };
  });
  useEffect(() => {
    if (!subscribe) return;
    return subscribe((event) => {
      if (latest.current.accept(event)) latest.current.onEvent(event);
    });
  }, [subscribe]);
}

/** Events about one proposal, or any of a job's proposals. */
export const aboutProposal = (proposalId: string) => (event: EventEnvelope) => event.payload.proposalId === proposalId;
export const aboutJob = (jobId: string) => (event: EventEnvelope) => event.payload.jobId === jobId;

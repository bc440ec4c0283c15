import { useEffect } from 'react';

/** How often a screen looks again at something the server finishes on its own (an evaluation). */
export const RECHECK_MS = 3_000;

/** Reloads every RECHECK_MS while `pending` holds, for changes that no event announces to this user. */
export function useRecheckWhile(pending: boolean, reload: () => void): void {
  useEffect(() => {
    if (!pending) return;
    const timer = setInterval(reload, RECHECK_MS);
    return () => clearInterval(timer);
  }, [pending, reload]);
}

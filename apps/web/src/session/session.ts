import type { Role } from '../api/contract.js';

/** Who is using the app: the bearer token from sign-up (or pasted), and what it says about them. */
export interface Session {
  token: string;
  accountId: string;
  role: Role;
  displayName?: string;
}

const KEY = 'hireflow.session';

export function loadSession(): Session | null {
  try {
    const stored = JSON.parse(localStorage.getItem(KEY) ?? 'null') as Session | null;
    return stored && typeof stored.token === 'string' ? stored : null;
  } catch {
    return null;
  }
}

export function saveSession(session: Session | null): void {
  if (session) localStorage.setItem(KEY, JSON.stringify(session));
  else localStorage.removeItem(KEY);
}

/**
 * A token issued elsewhere (OIDC, or an earlier sign-up) names its account in `sub` and its
 * role in `role`. Reading them needs no secret; the API still verifies every request.
 */
export function sessionFromToken(token: string): Session | null {
  const payload = token.trim().split('.')[1];
  if (!payload) return null;
  try {
    const claims = JSON.parse(atob(payload.replace(/-/g, '+').replace(/_/g, '/'))) as { sub?: unknown; role?: unknown };
    if (typeof claims.sub !== 'string' || (claims.role !== 'client' && claims.role !== 'freelancer')) return null;
    return { token: token.trim(), accountId: claims.sub, role: claims.role };
  } catch {
    return null;
  }
}

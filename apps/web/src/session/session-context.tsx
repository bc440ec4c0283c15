import { createContext, useContext, useMemo, useState, type ReactNode } from 'react';
import { loadSession, saveSession, type Session } from './session.js';

interface SessionState {
  session: Session | null;
  signIn(session: Session): void;
  signOut(): void;
}

const SessionContext = createContext<SessionState | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [session, setSession] = useState<Session | null>(loadSession);
  const state = useMemo<SessionState>(
    () => ({
      session,
      signIn(next) {
        saveSession(next);
        setSession(next);
      },
      signOut() {
        saveSession(null);
        setSession(null);
      },
    }),
    [session],
  );
  return <SessionContext.Provider value={state}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionState {
  const state = useContext(SessionContext);
  if (!state) throw new Error('useSession needs a SessionProvider');
  return state;
}

/** For screens that only render once someone is signed in. */
export function useSignedIn(): Session {
  const { session } = useSession();
  if (!session) throw new Error('this screen needs a signed-in account');
  return session;
}

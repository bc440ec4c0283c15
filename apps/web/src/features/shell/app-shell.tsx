import type { ReactNode } from 'react';
import { Link, useLocation } from '../../routing/router.js';
import { useLiveStatus } from '../../realtime/live-events.js';
import { useSession, useSignedIn } from '../../session/session-context.js';
import { Notifications } from './notifications.js';

const FREELANCER_NAV = [
  { to: '/jobs', label: 'Find work' },
  { to: '/proposals', label: 'My proposals' },
  { to: '/invitations', label: 'Invitations' },
  { to: '/connects', label: 'Connects' },
];
const CLIENT_NAV = [
  { to: '/client/jobs', label: 'My jobs' },
  { to: '/client/jobs/new', label: 'Post a job' },
];

const LIVE_TEXT = { connecting: 'connecting…', live: 'live', offline: 'offline: reconnecting' };

export function AppShell({ children }: { children: ReactNode }) {
  const session = useSignedIn();
  const { signOut } = useSession();
  const { path } = useLocation();
  const status = useLiveStatus();
  const nav = session.role === 'freelancer' ? FREELANCER_NAV : CLIENT_NAV;
  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="topbar">
        <strong className="brand">hireflow</strong>
        <nav aria-label="Main">
          {nav.map((item) => (
            <Link key={item.to} to={item.to} aria-current={path === item.to ? 'page' : undefined}>
              {item.label}
            </Link>
          ))}
        </nav>
        <div className="account">
          <span>
            {session.displayName ?? 'Signed in'} · {session.role}
          </span>
          <span className={`live live-${status}`} role="status" aria-label={`Live updates: ${LIVE_TEXT[status]}`}>
            {LIVE_TEXT[status]}
          </span>
          <button type="button" onClick={signOut}>
            Sign out
          </button>
        </div>
      </header>
      <Notifications />
      <main id="main">{children}</main>
      <footer className="footer">
        Your account id: <code data-testid="account-id">{session.accountId}</code>
        {session.role === 'freelancer' && ' (clients invite you with it)'}
      </footer>
    </div>
  );
}

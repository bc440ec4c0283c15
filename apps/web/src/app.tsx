import { useEffect, type ReactNode } from 'react';
import { LiveEventsProvider } from './realtime/live-events.js';
import { match, navigate, useLocation } from './routing/router.js';
import { useSession } from './session/session-context.js';
import type { Session } from './session/session.js';
import { AppShell } from './features/shell/app-shell.js';
import { SignupPage } from './features/signup/signup-page.js';
import { BrowseJobsPage } from './features/jobs/browse-jobs-page.js';
import { JobPage } from './features/jobs/job-page.js';
import { ConnectsPage } from './features/connects/connects-page.js';
import { FreelancerProposalsPage } from './features/proposals/freelancer-proposals-page.js';
import { FreelancerProposalPage } from './features/proposals/freelancer-proposal-page.js';
import { InvitationsPage } from './features/invitations/invitations-page.js';
import { ClientJobsPage } from './features/client-jobs/client-jobs-page.js';
import { PostJobPage } from './features/client-jobs/post-job-page.js';
import { ClientJobPage } from './features/client-jobs/client-job-page.js';
import { ClientProposalPage } from './features/client-proposals/client-proposal-page.js';
import { Page } from './ui/page.js';

type Route = [pattern: string, render: (params: Record<string, string>) => ReactNode];

const FREELANCER_ROUTES: Route[] = [
  ['/jobs', () => <BrowseJobsPage />],
  ['/jobs/:id', ({ id }) => <JobPage jobId={id!} />],
  ['/proposals', () => <FreelancerProposalsPage />],
  ['/proposals/:id', ({ id }) => <FreelancerProposalPage proposalId={id!} />],
  ['/invitations', () => <InvitationsPage />],
  ['/connects', () => <ConnectsPage />],
];

const CLIENT_ROUTES: Route[] = [
  ['/client/jobs', () => <ClientJobsPage />],
  ['/client/jobs/new', () => <PostJobPage />],
  ['/client/jobs/:id', ({ id }) => <ClientJobPage jobId={id!} />],
  ['/client/proposals/:id', ({ id }) => <ClientProposalPage proposalId={id!} />],
];

const HOME = { freelancer: '/jobs', client: '/client/jobs' } as const;

function Screen({ session }: { session: Session }) {
  const { path } = useLocation();
  const routes = session.role === 'freelancer' ? FREELANCER_ROUTES : CLIENT_ROUTES;
  if (path === '/') return <Redirect to={HOME[session.role]} />;
  for (const [pattern, render] of routes) {
    const params = match(pattern, path);
    if (params) return <>{render(params)}</>;
  }
  return (
    <Page title="Not found">
      <p>There is nothing at this address for a {session.role} account.</p>
    </Page>
  );
}

/** Moves to another address once shown, replacing this one in the history. */
function Redirect({ to }: { to: string }) {
  useEffect(() => {
    navigate(to, { replace: true });
  }, [to]);
  return null;
}

export function App() {
  const { session } = useSession();
  if (!session) return <SignupPage />;
  return (
    <LiveEventsProvider token={session.token}>
      <AppShell>
        <Screen session={session} />
      </AppShell>
    </LiveEventsProvider>
  );
}

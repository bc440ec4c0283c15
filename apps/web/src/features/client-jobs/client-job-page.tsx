import * as api from '../../api/endpoints.js';
import type { ClientTab, Job } from '../../api/contract.js';
import { useLocation } from '../../routing/router.js';
import { aboutJob, useLiveEvent } from '../../realtime/live-events.js';
import { Page } from '../../ui/page.js';
import { ResourceView } from '../../ui/resource-view.js';
import { TabLinks } from '../../ui/tabs.js';
import { useResource } from '../../ui/use-resource.js';
import { CancelJob } from './cancel-job.js';
import { InvitePanel } from './invite-panel.js';
import { ProposalRowCard } from './proposal-row-card.js';

const TABS: Record<ClientTab, string> = { all: 'All', shortlisted: 'Shortlisted', messaged: 'Messaged', archived: 'Archived' };
const tabList = (Object.keys(TABS) as ClientTab[]).map((value) => ({ value, label: TABS[value] }));
const isTab = (value: string | null): value is ClientTab => value !== null && value in TABS;

/** A job from its client's side: the proposals by tab, invitations, and cancelling. */
export function ClientJobPage({ jobId }: { jobId: string }) {
  const job = useResource(() => api.jobs.get(jobId), jobId);
  useLiveEvent(aboutJob(jobId), (event) => event.type.startsWith('job.') && job.reload());
  return (
    <Page title={job.data?.title ?? 'Job'}>
      <ResourceView resource={job} what="the job">
        {(data) => (
          <>
            <JobSummary job={data} />
            <JobProposals jobId={jobId} />
            {data.status === 'open' && <InvitePanel jobId={jobId} />}
            {data.status === 'open' && <CancelJob jobId={jobId} onCancelled={job.reload} />}
          </>
        )}
      </ResourceView>
    </Page>
  );
}

function JobSummary({ job }: { job: Job }) {
  return (
    <section className="card">
      <p>
        <span className={`badge job-${job.status}`}>{job.status}</span> · {job.connectsCost} Connects to apply · {job.hiredCount} of {job.openings} hired
      </p>
      <p className="description">{job.description}</p>
      {job.interview && (
        <details>
          <summary>Instant interview questions ({job.interview.questions.length})</summary>
          <ol>
            {job.interview.questions.map((q, i) => (
              <li key={i}>{q}</li>
            ))}
          </ol>
        </details>
      )}
    </section>
  );
}

function JobProposals({ jobId }: { jobId: string }) {
  const { query } = useLocation();
  const requested = query.get('tab');
  const tab: ClientTab = isTab(requested) ? requested : 'all';
  const proposals = useResource(() => api.jobs.proposals(jobId, tab), `${jobId}:${tab}`);
  const touchesList = (type: string) => type.startsWith('proposal.') || type.startsWith('offer.') || type === 'interview.evaluated';
  useLiveEvent(aboutJob(jobId), (event) => touchesList(event.type) && proposals.reload());
  return (
    <section aria-labelledby="proposals-title">
      <h2 id="proposals-title">Proposals</h2>
      <TabLinks label="Proposal tabs" tabs={tabList} current={tab} href={(t) => `/client/jobs/${jobId}?tab=${t}`} />
      <ResourceView resource={proposals} what="proposals">
        {({ items }) =>
          items.length === 0 ? (
            <p>No proposals in {TABS[tab]}.</p>
          ) : (
            <ul className="cards" aria-label={`${TABS[tab]} proposals`}>
              {items.map((row) => (
                <li key={row.id} className="card">
                  <ProposalRowCard row={row} />
                </li>
              ))}
            </ul>
          )
        }
      </ResourceView>
    </section>
  );
}

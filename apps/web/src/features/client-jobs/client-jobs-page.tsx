import * as api from '../../api/endpoints.js';
import type { JobStatus } from '../../api/contract.js';
import { Link, useLocation } from '../../routing/router.js';
import { useLiveEvent } from '../../realtime/live-events.js';
import { Page } from '../../ui/page.js';
import { ResourceView } from '../../ui/resource-view.js';
import { formatDate } from '../../ui/stage-badge.js';
import { TabLinks } from '../../ui/tabs.js';
import { useResource } from '../../ui/use-resource.js';

type Status = JobStatus;
const STATUSES: Record<Status, string> = { open: 'Open', filled: 'Filled', cancelled: 'Cancelled', expired: 'Expired' };
const tabList = (Object.keys(STATUSES) as Status[]).map((value) => ({ value, label: STATUSES[value] }));
const isStatus = (value: string | null): value is Status => value !== null && value in STATUSES;

export function ClientJobsPage() {
  const { query } = useLocation();
  const requested = query.get('status');
  const status: Status = isStatus(requested) ? requested : 'open';
  const jobs = useResource(() => api.jobs.mine(status), status);
  useLiveEvent((event) => event.type === 'offer.accepted' || event.type === 'job.expiry_warning', jobs.reload);
  return (
    <Page
      title="My jobs"
      actions={
        <Link className="button primary" to="/client/jobs/new">
          Post a job
        </Link>
      }
    >
      <TabLinks label="Job status" tabs={tabList} current={status} href={(s) => `/client/jobs?status=${s}`} />
      <ResourceView resource={jobs} what="your jobs">
        {({ items }) =>
          items.length === 0 ? (
            <p>No {STATUSES[status].toLowerCase()} jobs.</p>
          ) : (
            <ul className="cards" aria-label={`${STATUSES[status]} jobs`}>
              {items.map((job) => (
                <li key={job.id} className="card">
                  <h2>
                    <Link to={`/client/jobs/${job.id}`}>{job.title}</Link>
                  </h2>
                  <p className="hint">
                    Posted {formatDate(job.createdAt)} · {job.connectsCost} Connects · {job.hiredCount} of {job.openings} hired
                    {job.interviewRequired && ' · instant interview'}
                  </p>
                </li>
              ))}
            </ul>
          )
        }
      </ResourceView>
    </Page>
  );
}

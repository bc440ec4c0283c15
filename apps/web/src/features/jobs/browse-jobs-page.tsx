import * as api from '../../api/endpoints.js';
import { Link } from '../../routing/router.js';
import { Page } from '../../ui/page.js';
import { ResourceView } from '../../ui/resource-view.js';
import { useResource } from '../../ui/use-resource.js';
import { JobFacts } from './job-facts.js';

export function BrowseJobsPage() {
  const jobs = useResource(() => api.jobs.browse(), 'open-jobs');
  return (
    <Page title="Find work" actions={<button type="button" onClick={jobs.reload}>Refresh</button>}>
      <ResourceView resource={jobs} what="open jobs">
        {({ items }) =>
          items.length === 0 ? (
            <p>No open jobs right now.</p>
          ) : (
            <ul className="cards" aria-label="Open jobs">
              {items.map((job) => (
                <li key={job.id} className="card">
                  <h2>
                    <Link to={`/jobs/${job.id}`}>{job.title}</Link>
                  </h2>
                  <p className="excerpt">{job.description.slice(0, 240)}</p>
                  <JobFacts job={job} />
                </li>
              ))}
            </ul>
          )
        }
      </ResourceView>
    </Page>
  );
}

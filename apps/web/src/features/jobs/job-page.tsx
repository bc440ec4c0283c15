import { useState } from 'react';
import * as api from '../../api/endpoints.js';
import type { Job } from '../../api/contract.js';
import { ApiError } from '../../api/http.js';
import { navigate } from '../../routing/router.js';
import { ErrorNotice } from '../../ui/error-notice.js';
import { Page } from '../../ui/page.js';
import { ResourceView } from '../../ui/resource-view.js';
import { useAction } from '../../ui/use-action.js';
import { useResource } from '../../ui/use-resource.js';
import { JobFacts } from './job-facts.js';

/** A job as a freelancer reads it, and the way in: Apply, with a word about the interview first. */
export function JobPage({ jobId }: { jobId: string }) {
  const job = useResource(() => api.jobs.get(jobId), jobId);
  return (
    <Page title={job.data?.title ?? 'Job'}>
      <ResourceView resource={job} what="the job">
        {(data) => (
          <>
            <JobFacts job={data} />
            <p className="description">{data.description}</p>
            {data.status === 'open' ? <Apply job={data} /> : <p>This job is {data.status}; it takes no more proposals.</p>}
          </>
        )}
      </ResourceView>
    </Page>
  );
}

function Apply({ job }: { job: Job }) {
  const [confirming, setConfirming] = useState(false);
  const apply = useAction(async () => {
    try {
      const proposal = await api.jobs.apply(job.id);
      navigate(`/proposals/${proposal.id}`);
    } catch (error) {
      // Already applied: take the freelancer to the proposal they have.
      if (error instanceof ApiError && error.code === 'already_exists') {
        const mine = await api.proposals.mine('all');
        const existing = mine.items.find((p) => p.jobId === job.id);
        if (existing) return navigate(`/proposals/${existing.id}`);
      }
      throw error;
    }
  });
  if (job.interviewRequired && confirming) {
    return (
      <div className="card callout" role="region" aria-labelledby="interview-intro">
        <h2 id="interview-intro">This job requires an instant interview</h2>
        <p>
          You will answer the client's questions one at a time, in English, within a time limit for each. It usually takes 5–10 minutes. The interview replaces the cover
          letter, and it cannot be retaken once completed. Connects are only charged when you submit.
        </p>
        <ErrorNotice error={apply.error} />
        <div className="row">
          <button type="button" className="primary" onClick={() => void apply.run()} disabled={apply.busy}>
            Continue to interview
          </button>
          <button type="button" onClick={() => setConfirming(false)}>
            Not now
          </button>
        </div>
      </div>
    );
  }
  return (
    <div>
      <ErrorNotice error={apply.error} />
      <button type="button" className="primary" onClick={() => (job.interviewRequired ? setConfirming(true) : void apply.run())} disabled={apply.busy}>
        Apply
      </button>
    </div>
  );
}

import { useState } from 'react';
import * as api from '../../api/endpoints.js';
import { ErrorNotice } from '../../ui/error-notice.js';
import { useAction } from '../../ui/use-action.js';

/** Cancelling before any contract closes every proposal and refunds the Connects they cost. */
export function CancelJob({ jobId, onCancelled }: { jobId: string; onCancelled: () => void }) {
  const [confirming, setConfirming] = useState(false);
  const cancel = useAction(async () => {
    await api.jobs.cancel(jobId);
    onCancelled();
  });
  return (
    <section className="card danger-zone" aria-labelledby="cancel-title">
      <h2 id="cancel-title">Cancel this job</h2>
      {confirming ? (
        <>
          <p>Every open proposal closes and freelancers get their Connects back. This cannot be undone.</p>
          <div className="row">
            <button type="button" className="danger" onClick={() => void cancel.run()} disabled={cancel.busy}>
              Yes, cancel the job
            </button>
            <button type="button" onClick={() => setConfirming(false)}>
              Keep it open
            </button>
          </div>
        </>
      ) : (
        <button type="button" className="danger-outline" onClick={() => setConfirming(true)}>
          Cancel job
        </button>
      )}
      <ErrorNotice error={cancel.error} />
    </section>
  );
}

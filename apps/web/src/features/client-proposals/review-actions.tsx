import { useState } from 'react';
import * as api from '../../api/endpoints.js';
import type { Proposal } from '../../api/contract.js';
import { ErrorNotice } from '../../ui/error-notice.js';
import { TextArea } from '../../ui/fields.js';
import { useAction } from '../../ui/use-action.js';

/** Shortlist and archive are private marks; declining tells the freelancer the reason. */
export function ReviewActions({ proposal, onChanged }: { proposal: Proposal; onChanged: () => void }) {
  const [declining, setDeclining] = useState(false);
  const [reason, setReason] = useState('');
  const can = (action: Proposal['allowedActions'][number]) => proposal.allowedActions.includes(action);
  const shortlist = useAction(async () => {
    await api.proposals.shortlist(proposal.id, !proposal.shortlisted);
    onChanged();
  });
  const archive = useAction(async () => {
    await api.proposals.archive(proposal.id, !proposal.archived);
    onChanged();
  });
  const decline = useAction(async () => {
    await api.proposals.decline(proposal.id, { reason });
    setDeclining(false);
    onChanged();
  });
  if (!can('shortlist') && !can('archive') && !can('decline')) return null;
  return (
    <section className="card" aria-label="Review">
      <div className="row">
        {can('shortlist') && (
          <button type="button" aria-pressed={Boolean(proposal.shortlisted)} onClick={() => void shortlist.run()} disabled={shortlist.busy}>
            {proposal.shortlisted ? 'Remove from shortlist' : 'Shortlist'}
          </button>
        )}
        {can('archive') && (
          <button type="button" aria-pressed={Boolean(proposal.archived)} onClick={() => void archive.run()} disabled={archive.busy}>
            {proposal.archived ? 'Restore from archive' : 'Archive'}
          </button>
        )}
        {can('decline') && !declining && (
          <button type="button" className="danger-outline" onClick={() => setDeclining(true)}>
            Decline
          </button>
        )}
      </div>
      <ErrorNotice error={shortlist.error ?? archive.error} />
      {declining && (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            void decline.run();
          }}
        >
          <TextArea label="Reason for declining" hint="The freelancer sees this reason." value={reason} onChange={(e) => setReason(e.target.value)} required maxLength={2000} rows={2} />
          <ErrorNotice error={decline.error} />
          <div className="row">
            <button type="submit" className="danger" disabled={decline.busy}>
              Decline proposal
            </button>
            <button type="button" onClick={() => setDeclining(false)}>
              Cancel
            </button>
          </div>
        </form>
      )}
    </section>
  );
}

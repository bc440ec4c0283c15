import { useState } from 'react';
import * as api from '../../api/endpoints.js';
import type { Invitation } from '../../api/contract.js';
import { Link, navigate } from '../../routing/router.js';
import { ErrorNotice } from '../../ui/error-notice.js';
import { formatDate } from '../../ui/stage-badge.js';
import { useAction } from '../../ui/use-action.js';
import { JobTitle } from '../shell/names.js';
import { DeclineInvitationForm } from './decline-invitation-form.js';

/** One invitation: accepting starts a proposal (free of Connects, still interview-gated). */
export function InvitationCard({ invitation, onChanged }: { invitation: Invitation; onChanged: () => void }) {
  const [declining, setDeclining] = useState(false);
  const can = (action: Invitation['allowedActions'][number]) => invitation.allowedActions.includes(action);
  const accept = useAction(async () => {
    const accepted = await api.invitations.accept(invitation.id);
    navigate(`/proposals/${accepted.proposalId}`);
  });
  const archive = useAction(async () => {
    await api.invitations.archive(invitation.id);
    onChanged();
  });
  return (
    <article aria-label="Invitation">
      <h2>
        <Link to={`/jobs/${invitation.jobId}`}>
          <JobTitle jobId={invitation.jobId} />
        </Link>
      </h2>
      {invitation.message && <blockquote>{invitation.message}</blockquote>}
      <p className="hint">
        {invitation.status} · sent {formatDate(invitation.sentAt)}
        {invitation.status === 'pending' && ` · expires ${formatDate(invitation.expiresAt)}`}
      </p>
      {invitation.proposalId && <Link to={`/proposals/${invitation.proposalId}`}>Go to your proposal</Link>}
      {declining ? (
        <DeclineInvitationForm
          invitationId={invitation.id}
          onDone={() => {
            setDeclining(false);
            onChanged();
          }}
          onCancel={() => setDeclining(false)}
        />
      ) : (
        <div className="row">
          {can('accept') && (
            <button type="button" className="primary" onClick={() => void accept.run()} disabled={accept.busy}>
              Accept and apply for free
            </button>
          )}
          {can('decline') && (
            <button type="button" onClick={() => setDeclining(true)}>
              Decline
            </button>
          )}
          {can('archive') && (
            <button type="button" onClick={() => void archive.run()} disabled={archive.busy}>
              Archive
            </button>
          )}
        </div>
      )}
      <ErrorNotice error={accept.error ?? archive.error} />
    </article>
  );
}

import { useState, type FormEvent } from 'react';
import * as api from '../../api/endpoints.js';
import type { Invitation } from '../../api/contract.js';
import { aboutJob, useLiveEvent } from '../../realtime/live-events.js';
import { ErrorNotice } from '../../ui/error-notice.js';
import { TextArea, TextField } from '../../ui/fields.js';
import { ResourceView } from '../../ui/resource-view.js';
import { formatDate } from '../../ui/stage-badge.js';
import { useAction } from '../../ui/use-action.js';
import { useResource } from '../../ui/use-resource.js';
import { DECLINE_REASON_LABELS } from '../invitations/decline-reasons.js';
import { FreelancerName } from '../shell/names.js';

/** Invite a freelancer by their account id; the invitations sent for this job, with withdraw. */
export function InvitePanel({ jobId }: { jobId: string }) {
  const sent = useResource(() => api.invitations.sent(jobId), `sent:${jobId}`);
  useLiveEvent(aboutJob(jobId), (event) => event.type.startsWith('invitation.') && sent.reload());
  return (
    <section className="card" aria-labelledby="invite-title">
      <h2 id="invite-title">Invite freelancers</h2>
      <InviteForm jobId={jobId} onInvited={sent.reload} />
      <ResourceView resource={sent} what="invitations">
        {({ items }) =>
          items.length > 0 && (
            <ul aria-label="Invitations sent">
              {items.map((invitation) => (
                <SentInvitation key={invitation.id} invitation={invitation} onChanged={sent.reload} />
              ))}
            </ul>
          )
        }
      </ResourceView>
    </section>
  );
}

function InviteForm({ jobId, onInvited }: { jobId: string; onInvited: () => void }) {
  const [freelancerId, setFreelancerId] = useState('');
  const [message, setMessage] = useState('');
  const invite = useAction(async () => {
    await api.jobs.invite(jobId, { freelancerId: freelancerId.trim(), ...(message.trim() ? { message: message.trim() } : {}) });
    setFreelancerId('');
    setMessage('');
    onInvited();
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void invite.run();
  };
  return (
    <form onSubmit={submit}>
      <TextField label="Freelancer's account id" hint="Freelancers find it at the bottom of their screen." value={freelancerId} onChange={(e) => setFreelancerId(e.target.value)} required />
      <TextArea label="Invitation message (optional)" value={message} onChange={(e) => setMessage(e.target.value)} rows={2} maxLength={5000} />
      <ErrorNotice error={invite.error} />
      <button type="submit" disabled={invite.busy}>
        Send invitation
      </button>
    </form>
  );
}

function SentInvitation({ invitation, onChanged }: { invitation: Invitation; onChanged: () => void }) {
  const withdraw = useAction(async () => {
    await api.invitations.withdraw(invitation.id);
    onChanged();
  });
  return (
    <li>
      <FreelancerName freelancerId={invitation.freelancerId} /> · {invitation.status} · sent {formatDate(invitation.sentAt)}
      {invitation.declineReasons && invitation.declineReasons.length > 0 && ` · ${invitation.declineReasons.map((r) => DECLINE_REASON_LABELS[r]).join(', ')}`}
      {invitation.declineMessage && ` · “${invitation.declineMessage}”`}
      {invitation.allowedActions.includes('withdraw') && (
        <button type="button" className="link-button" onClick={() => void withdraw.run()} disabled={withdraw.busy}>
          Withdraw invitation
        </button>
      )}
      <ErrorNotice error={withdraw.error} />
    </li>
  );
}

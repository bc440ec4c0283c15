import { useState, type FormEvent } from 'react';
import * as api from '../../api/endpoints.js';
import type { DeclineReason } from '../../api/contract.js';
import { ErrorNotice } from '../../ui/error-notice.js';
import { Checkbox, TextArea } from '../../ui/fields.js';
import { useAction } from '../../ui/use-action.js';
import { DECLINE_REASON_LABELS as REASONS } from './decline-reasons.js';

/** Declining names one or more reasons from the fixed list; the client sees them, and the optional message. */
export function DeclineInvitationForm({ invitationId, onDone, onCancel }: { invitationId: string; onDone: () => void; onCancel: () => void }) {
  const [reasons, setReasons] = useState<DeclineReason[]>([]);
  const [message, setMessage] = useState('');
  const decline = useAction(async () => {
    await api.invitations.decline(invitationId, { reasons, ...(message.trim() ? { message: message.trim() } : {}) });
    onDone();
  });
  const toggle = (reason: DeclineReason) => setReasons((current) => (current.includes(reason) ? current.filter((r) => r !== reason) : [...current, reason]));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void decline.run();
  };
  return (
    <form onSubmit={submit}>
      <fieldset>
        <legend>Why are you declining? (one or more)</legend>
        {(Object.keys(REASONS) as DeclineReason[]).map((reason) => (
          <Checkbox key={reason} label={REASONS[reason]} checked={reasons.includes(reason)} onChange={() => toggle(reason)} />
        ))}
      </fieldset>
      <TextArea label="Message to the client (optional)" value={message} onChange={(e) => setMessage(e.target.value)} maxLength={2000} rows={2} />
      <ErrorNotice error={decline.error} />
      <div className="row">
        <button type="submit" disabled={decline.busy || reasons.length === 0}>
          Decline invitation
        </button>
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}

import { useState } from 'react';
import * as api from '../../api/endpoints.js';
import { ErrorNotice } from '../../ui/error-notice.js';
import { TextField } from '../../ui/fields.js';
import { useAction } from '../../ui/use-action.js';

/** Withdrawing is possible until an offer arrives; the Connects spent are not refunded. */
export function WithdrawProposal({ proposalId, onWithdrawn }: { proposalId: string; onWithdrawn: () => void }) {
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const withdraw = useAction(async () => {
    await api.proposals.withdraw(proposalId, { reason });
    onWithdrawn();
  });
  if (!open) {
    return (
      <button type="button" className="danger-outline" onClick={() => setOpen(true)}>
        Withdraw proposal
      </button>
    );
  }
  return (
    <form
      className="card"
      onSubmit={(event) => {
        event.preventDefault();
        void withdraw.run();
      }}
    >
      <TextField label="Reason for withdrawing" value={reason} onChange={(e) => setReason(e.target.value)} required maxLength={2000} />
      <p className="hint">Connects spent on this proposal are not refunded.</p>
      <ErrorNotice error={withdraw.error} />
      <div className="row">
        <button type="submit" className="danger" disabled={withdraw.busy}>
          Withdraw proposal
        </button>
        <button type="button" onClick={() => setOpen(false)}>
          Keep it
        </button>
      </div>
    </form>
  );
}

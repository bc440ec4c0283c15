import { useState } from 'react';
import * as api from '../../api/endpoints.js';
import type { Proposal } from '../../api/contract.js';
import { ErrorNotice } from '../../ui/error-notice.js';
import { TextField } from '../../ui/fields.js';
import { formatDate } from '../../ui/stage-badge.js';
import { useAction } from '../../ui/use-action.js';
import { OfferTermsForm } from './offer-terms-form.js';
import { OfferTermsView } from './offer-terms.js';

type Offer = NonNullable<Proposal['offer']>;

/** The client's offer: accept (the contract starts), decline (the proposal is withdrawn), or ask for other terms. */
export function FreelancerOffer({ proposal, offer, onChanged }: { proposal: Proposal; offer: Offer; onChanged: () => void }) {
  const [mode, setMode] = useState<'view' | 'decline' | 'changes'>('view');
  const [reason, setReason] = useState('');
  const can = (action: Proposal['allowedActions'][number]) => proposal.allowedActions.includes(action);
  const accept = useAction(async () => {
    await api.offers.accept(offer.id);
    onChanged();
  });
  const decline = useAction(async () => {
    await api.offers.decline(offer.id, reason.trim() || undefined);
    onChanged();
  });
  const requestChanges = useAction(async (terms: Offer['terms'], message?: string) => {
    await api.offers.requestChanges(offer.id, { terms, ...(message ? { message } : {}) });
    setMode('view');
    onChanged();
  });

  return (
    <section className="card offer" aria-labelledby="offer-title">
      <h2 id="offer-title">Offer ({offer.status})</h2>
      <OfferTermsView terms={offer.terms} />
      {offer.status === 'pending' && <p>Expires {formatDate(offer.expiresAt)}.</p>}
      {offer.requestedChanges && <p className="hint">You asked for changes on {formatDate(offer.requestedChanges.at)}; the client can modify the offer.</p>}
      {mode === 'view' && can('accept_offer') && (
        <div className="row">
          <button type="button" className="primary" onClick={() => void accept.run()} disabled={accept.busy}>
            Accept offer
          </button>
          {can('request_changes') && (
            <button type="button" onClick={() => setMode('changes')}>
              Request changes
            </button>
          )}
          {can('decline_offer') && (
            <button type="button" onClick={() => setMode('decline')}>
              Decline offer
            </button>
          )}
        </div>
      )}
      <ErrorNotice error={accept.error} />
      {mode === 'decline' && (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            void decline.run();
          }}
        >
          <TextField label="Reason for declining (optional)" value={reason} onChange={(e) => setReason(e.target.value)} maxLength={2000} />
          <p className="hint">Declining the offer withdraws your proposal.</p>
          <ErrorNotice error={decline.error} />
          <div className="row">
            <button type="submit" disabled={decline.busy}>
              Decline offer
            </button>
            <button type="button" onClick={() => setMode('view')}>
              Keep the offer
            </button>
          </div>
        </form>
      )}
      {mode === 'changes' && (
        <OfferTermsForm
          title="Terms you would accept"
          initial={offer.terms}
          submitLabel="Send request"
          withMessage
          busy={requestChanges.busy}
          error={requestChanges.error}
          onSubmit={(terms, message) => void requestChanges.run(terms, message)}
          onCancel={() => setMode('view')}
        />
      )}
    </section>
  );
}

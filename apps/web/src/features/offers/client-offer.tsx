import { useState } from 'react';
import * as api from '../../api/endpoints.js';
import type { OfferTerms, Proposal } from '../../api/contract.js';
import { ErrorNotice } from '../../ui/error-notice.js';
import { formatDate } from '../../ui/stage-badge.js';
import { useAction } from '../../ui/use-action.js';
import { OfferTermsForm } from './offer-terms-form.js';
import { OfferTermsView } from './offer-terms.js';

/** The client's side of an offer: make one, modify or withdraw it until the freelancer accepts. */
export function ClientOffer({ proposal, onChanged }: { proposal: Proposal; onChanged: () => void }) {
  const [editing, setEditing] = useState(false);
  const offer = proposal.offer;
  const can = (action: Proposal['allowedActions'][number]) => proposal.allowedActions.includes(action);
  const make = useAction(async (terms: OfferTerms) => {
    await api.proposals.offer(proposal.id, { terms });
    setEditing(false);
    onChanged();
  });
  const modify = useAction(async (terms: OfferTerms) => {
    await api.offers.modify(offer!.id, { terms });
    setEditing(false);
    onChanged();
  });
  const withdraw = useAction(async () => {
    await api.offers.withdraw(offer!.id);
    onChanged();
  });

  const current = offer && (offer.status === 'pending' || offer.status === 'accepted') ? offer : undefined;
  if (!current) {
    if (!can('make_offer')) return null;
    return editing ? (
      <OfferTermsForm title="Make an offer" submitLabel="Send offer" busy={make.busy} error={make.error} onSubmit={(terms) => void make.run(terms)} onCancel={() => setEditing(false)} />
    ) : (
      <div>
        {offer && <p>Your last offer was {offer.status}.</p>}
        <button type="button" className="primary" onClick={() => setEditing(true)}>
          Make an offer
        </button>
      </div>
    );
  }
  return (
    <section className="card offer" aria-labelledby="client-offer-title">
      <h2 id="client-offer-title">Your offer ({current.status})</h2>
      <OfferTermsView terms={current.terms} />
      {current.status === 'pending' && <p>Expires {formatDate(current.expiresAt)}.</p>}
      {current.requestedChanges && (
        <div className="callout" role="note">
          <h3>The freelancer asked for changes</h3>
          {current.requestedChanges.message && <p>{current.requestedChanges.message}</p>}
          <OfferTermsView terms={current.requestedChanges.terms} />
        </div>
      )}
      {editing ? (
        <OfferTermsForm
          title="Modify the offer"
          initial={current.requestedChanges?.terms ?? current.terms}
          submitLabel="Send modified offer"
          busy={modify.busy}
          error={modify.error}
          onSubmit={(terms) => void modify.run(terms)}
          onCancel={() => setEditing(false)}
        />
      ) : (
        <div className="row">
          {can('modify_offer') && (
            <button type="button" onClick={() => setEditing(true)}>
              Modify offer
            </button>
          )}
          {can('withdraw_offer') && (
            <button type="button" onClick={() => void withdraw.run()} disabled={withdraw.busy}>
              Withdraw offer
            </button>
          )}
        </div>
      )}
      <ErrorNotice error={withdraw.error} />
    </section>
  );
}

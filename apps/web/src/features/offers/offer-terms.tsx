import type { OfferTerms } from '../../api/contract.js';

const money = (amount: number | undefined) => (amount === undefined ? '—' : `$${amount.toFixed(2)}`);

/** An offer's terms as both parties read them. */
export function OfferTermsView({ terms }: { terms: OfferTerms }) {
  return (
    <dl className="summary-list">
      <dt>Type</dt>
      <dd>{terms.type === 'hourly' ? 'Hourly' : 'Fixed price'}</dd>
      {terms.type === 'hourly' ? (
        <>
          <dt>Rate</dt>
          <dd>{money(terms.rate)} / hour</dd>
          {terms.weeklyLimit !== undefined && (
            <>
              <dt>Weekly limit</dt>
              <dd>{terms.weeklyLimit} hours</dd>
            </>
          )}
        </>
      ) : (
        <>
          <dt>Amount</dt>
          <dd>{money(terms.amount)}</dd>
        </>
      )}
      {terms.milestones && terms.milestones.length > 0 && (
        <>
          <dt>Milestones</dt>
          <dd>
            <ol>
              {terms.milestones.map((m, i) => (
                <li key={i}>
                  {m.description}: {money(m.amount)}
                </li>
              ))}
            </ol>
          </dd>
        </>
      )}
      {terms.startDate && (
        <>
          <dt>Start date</dt>
          <dd>{terms.startDate}</dd>
        </>
      )}
      <dt>Description</dt>
      <dd>{terms.description}</dd>
    </dl>
  );
}

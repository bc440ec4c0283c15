import { useState, type FormEvent } from 'react';
import * as api from '../../api/endpoints.js';
import { ErrorNotice } from '../../ui/error-notice.js';
import { TextField } from '../../ui/fields.js';
import { Page } from '../../ui/page.js';
import { ResourceView } from '../../ui/resource-view.js';
import { formatDate } from '../../ui/stage-badge.js';
import { useAction } from '../../ui/use-action.js';
import { useResource } from '../../ui/use-resource.js';
import { useLiveEvent } from '../../realtime/live-events.js';

/** Balance, buying more, and the append-only ledger: every grant, purchase, charge and refund. */
export function ConnectsPage() {
  const statement = useResource(() => api.connects.statement(), 'connects');
  // Charges and refunds happen in workflows; a proposal event is the cue to read the ledger again.
  useLiveEvent((event) => event.type.startsWith('proposal.'), statement.reload);
  return (
    <Page title="Connects">
      <ResourceView resource={statement} what="your Connects">
        {(data) => (
          <>
            <p className="balance">
              Balance: <strong data-testid="connects-balance">{data.balance}</strong> Connects
            </p>
            <BuyConnects onBought={statement.reload} />
            <h2>Ledger</h2>
            {data.entries.length === 0 ? (
              <p>No entries yet.</p>
            ) : (
              <table>
                <caption className="visually-hidden">Connects ledger, newest first</caption>
                <thead>
                  <tr>
                    <th scope="col">When</th>
                    <th scope="col">Kind</th>
                    <th scope="col">Amount</th>
                    <th scope="col">Balance after</th>
                    <th scope="col">Why</th>
                  </tr>
                </thead>
                <tbody>
                  {data.entries.map((entry) => (
                    <tr key={entry.id}>
                      <td>{formatDate(entry.createdAt)}</td>
                      <td>{entry.kind}</td>
                      <td className={entry.amount < 0 ? 'negative' : 'positive'}>{entry.amount > 0 ? `+${entry.amount}` : entry.amount}</td>
                      <td>{entry.balanceAfter}</td>
                      <td>{entry.reason}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </>
        )}
      </ResourceView>
    </Page>
  );
}

function BuyConnects({ onBought }: { onBought: () => void }) {
  const [quantity, setQuantity] = useState('10');
  const buy = useAction(async () => {
    await api.connects.purchase({ quantity: Number(quantity) });
    onBought();
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void buy.run();
  };
  return (
    <form className="inline-form" onSubmit={submit}>
      <TextField label="Connects to buy" type="number" min={1} step={1} value={quantity} onChange={(e) => setQuantity(e.target.value)} required />
      <button type="submit" disabled={buy.busy}>
        {buy.busy ? 'Buying…' : 'Buy Connects'}
      </button>
      <ErrorNotice error={buy.error} />
    </form>
  );
}

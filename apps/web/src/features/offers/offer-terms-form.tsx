import { useState, type FormEvent } from 'react';
import type { OfferTerms } from '../../api/contract.js';
import { ErrorNotice } from '../../ui/error-notice.js';
import { SelectField, TextArea, TextField } from '../../ui/fields.js';

interface Draft {
  type: OfferTerms['type'];
  rate: string;
  weeklyLimit: string;
  amount: string;
  startDate: string;
  description: string;
}

const fromTerms = (terms?: OfferTerms): Draft => ({
  type: terms?.type ?? 'fixed',
  rate: terms?.rate?.toString() ?? '',
  weeklyLimit: terms?.weeklyLimit?.toString() ?? '',
  amount: terms?.amount?.toString() ?? '',
  startDate: terms?.startDate ?? '',
  description: terms?.description ?? '',
});

const toTerms = (d: Draft): OfferTerms => ({
  type: d.type,
  ...(d.type === 'hourly' ? { rate: Number(d.rate), ...(d.weeklyLimit ? { weeklyLimit: Number(d.weeklyLimit) } : {}) } : { amount: Number(d.amount) }),
  ...(d.startDate ? { startDate: d.startDate } : {}),
  description: d.description.trim(),
});

/** Terms for making, modifying or asking to change an offer: hourly (rate, weekly limit) or fixed price. */
export function OfferTermsForm({
  title,
  initial,
  submitLabel,
  busy,
  error,
  withMessage,
  onSubmit,
  onCancel,
}: {
  title: string;
  initial?: OfferTerms;
  submitLabel: string;
  busy: boolean;
  error: unknown;
  withMessage?: boolean;
  onSubmit: (terms: OfferTerms, message?: string) => void;
  onCancel?: () => void;
}) {
  const [draft, setDraft] = useState(() => fromTerms(initial));
  const [message, setMessage] = useState('');
  const set = (field: keyof Draft) => (event: { target: { value: string } }) => setDraft((d) => ({ ...d, [field]: event.target.value }));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit(toTerms(draft), message.trim() || undefined);
  };
  return (
    <form className="card" onSubmit={submit} aria-label={title}>
      <h3>{title}</h3>
      <SelectField
        label="Contract type"
        value={draft.type}
        onChange={set('type')}
        options={[
          { value: 'fixed', label: 'Fixed price' },
          { value: 'hourly', label: 'Hourly' },
        ]}
      />
      {draft.type === 'hourly' ? (
        <div className="row">
          <TextField label="Hourly rate (USD)" type="number" min={0.01} step={0.01} value={draft.rate} onChange={set('rate')} required />
          <TextField label="Weekly limit (hours)" type="number" min={1} max={168} step={1} value={draft.weeklyLimit} onChange={set('weeklyLimit')} />
        </div>
      ) : (
        <TextField label="Fixed price (USD)" type="number" min={0.01} step={0.01} value={draft.amount} onChange={set('amount')} required />
      )}
      <TextField label="Start date" type="date" value={draft.startDate} onChange={set('startDate')} />
      <TextArea label="Offer description" value={draft.description} onChange={set('description')} required maxLength={5000} />
      {withMessage && <TextArea label="Message to the client (optional)" value={message} onChange={(e) => setMessage(e.target.value)} maxLength={2000} />}
      <ErrorNotice error={error} />
      <div className="row">
        <button type="submit" className="primary" disabled={busy}>
          {submitLabel}
        </button>
        {onCancel && (
          <button type="button" onClick={onCancel}>
            Cancel
          </button>
        )}
      </div>
    </form>
  );
}

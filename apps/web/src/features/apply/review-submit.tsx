import { Fragment, useState, type FormEvent } from 'react';
import * as api from '../../api/endpoints.js';
import type { Job, Proposal, Submit } from '../../api/contract.js';
import { Link } from '../../routing/router.js';
import { ErrorNotice } from '../../ui/error-notice.js';
import { SelectField, TextArea, TextField } from '../../ui/fields.js';
import { useAction } from '../../ui/use-action.js';
import { useResource } from '../../ui/use-resource.js';

type Draft = { bidType: Submit['bid']['type']; amount: string; coverLetter: string; notes: string; attachmentName: string; attachmentUrl: string };

const toSubmit = (draft: Draft, interviewIncluded: boolean): Submit => ({
  bid: { type: draft.bidType, amount: Number(draft.amount) },
  ...(!interviewIncluded && draft.coverLetter.trim() ? { coverLetter: draft.coverLetter.trim() } : {}),
  ...(draft.notes.trim() ? { notes: draft.notes.trim() } : {}),
  ...(draft.attachmentName.trim() && draft.attachmentUrl.trim() ? { attachments: [{ name: draft.attachmentName.trim(), url: draft.attachmentUrl.trim() }] } : {}),
});

/**
 * The last step before a proposal reaches the client: bid, optional notes and a work sample
 * (the interview replaces the cover letter), then a confirmation that states the Connects it costs.
 */
export function ReviewAndSubmit({ proposal, job, onSubmitted }: { proposal: Proposal; job: Job; onSubmitted: () => void }) {
  const [draft, setDraft] = useState<Draft>({ bidType: 'fixed', amount: '', coverLetter: '', notes: '', attachmentName: '', attachmentUrl: '' });
  const [confirming, setConfirming] = useState(false);
  const interviewIncluded = proposal.interviewIncluded;
  const set = (field: keyof Draft) => (event: { target: { value: string } }) => setDraft((d) => ({ ...d, [field]: event.target.value }));

  const review = (event: FormEvent) => {
    event.preventDefault();
    setConfirming(true);
  };
  if (confirming) {
    return <ConfirmSubmit proposal={proposal} job={job} body={toSubmit(draft, interviewIncluded)} onBack={() => setConfirming(false)} onSubmitted={onSubmitted} />;
  }
  return (
    <form className="card" onSubmit={review} aria-labelledby="review-title">
      <h2 id="review-title">Your proposal</h2>
      {interviewIncluded && <p className="badge interview-badge">Instant interview included: it replaces the cover letter.</p>}
      <div className="row">
        <SelectField
          label="Bid type"
          value={draft.bidType}
          onChange={set('bidType')}
          options={[
            { value: 'fixed', label: 'Fixed price' },
            { value: 'hourly', label: 'Hourly rate' },
          ]}
        />
        <TextField label={draft.bidType === 'hourly' ? 'Hourly rate (USD)' : 'Amount (USD)'} type="number" min={0.01} step={0.01} value={draft.amount} onChange={set('amount')} required />
      </div>
      {!interviewIncluded && <TextArea label="Cover letter" value={draft.coverLetter} onChange={set('coverLetter')} maxLength={5000} />}
      <TextArea label="Notes (optional)" hint="Anything else the client should know." value={draft.notes} onChange={set('notes')} maxLength={5000} />
      <fieldset>
        <legend>Work sample (optional)</legend>
        <div className="row">
          <TextField label="Sample name" value={draft.attachmentName} onChange={set('attachmentName')} />
          <TextField label="Sample link" type="url" value={draft.attachmentUrl} onChange={set('attachmentUrl')} />
        </div>
      </fieldset>
      <button type="submit" className="primary">
        Review proposal
      </button>
    </form>
  );
}

function ConfirmSubmit({ proposal, job, body, onBack, onSubmitted }: { proposal: Proposal; job: Job; body: Submit; onBack: () => void; onSubmitted: () => void }) {
  const connects = useResource(() => api.connects.statement(), 'balance');
  const cost = proposal.invited ? 0 : job.connectsCost;
  const balance = connects.data?.balance;
  const short = balance !== undefined && balance < cost;
  const submit = useAction(async () => {
    await api.proposals.submit(proposal.id, body);
    onSubmitted();
  });
  return (
    <section className="card" aria-labelledby="confirm-title">
      <h2 id="confirm-title">Confirm and submit</h2>
      <dl className="summary-list">
        <dt>Bid</dt>
        <dd>
          ${body.bid.amount.toFixed(2)} {body.bid.type === 'hourly' ? 'per hour' : 'fixed price'}
        </dd>
        {body.coverLetter && (
          <>
            <dt>Cover letter</dt>
            <dd>{body.coverLetter}</dd>
          </>
        )}
        {body.notes && (
          <>
            <dt>Notes</dt>
            <dd>{body.notes}</dd>
          </>
        )}
        {body.attachments?.map((a) => (
          <Fragment key={a.url}>
            <dt>Work sample</dt>
            <dd>
              <a href={a.url}>{a.name}</a>
            </dd>
          </Fragment>
        ))}
      </dl>
      <p className="cost" data-testid="submit-cost">
        {proposal.invited
          ? 'You were invited: submitting is free.'
          : `Submitting costs ${cost} ${cost === 1 ? 'Connect' : 'Connects'}${balance !== undefined ? `; your balance is ${balance}, ${balance - cost} after submitting` : ''}.`}
      </p>
      {short && (
        <p className="notice notice-error" role="alert">
          Your balance is too low. <Link to="/connects">Buy Connects</Link>, then come back.
        </p>
      )}
      <ErrorNotice error={submit.error} />
      <div className="row">
        <button type="button" className="primary" onClick={() => void submit.run()} disabled={submit.busy || short}>
          {cost === 0 ? 'Submit proposal' : `Submit for ${cost} Connects`}
        </button>
        <button type="button" onClick={onBack}>
          Back to edit
        </button>
      </div>
    </section>
  );
}

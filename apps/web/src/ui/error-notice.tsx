import type { FindingKind } from '../api/contract.js';
import { ApiError } from '../api/http.js';

/** What to change for each kind of finding; typed by the API's list, so a new kind must be explained here. */
const FIX: Record<FindingKind, string> = {
  email: 'Remove the email address.',
  phone: 'Remove the phone number.',
  messenger: 'Remove the messenger handle or the invitation to talk elsewhere.',
  link: 'Remove the link to a messenger or social profile.',
  off_platform_payment: 'Keep payment on hireflow: remove the talk of paying another way.',
  reward: 'Remove the offer of something extra for being hired.',
};

/**
 * A refusal shown next to the control that caused it. Moderation refusals list each finding
 * and what to change, so the sender can fix the text and send again.
 */
export function ErrorNotice({ error, id }: { error: unknown; id?: string }) {
  if (!error) return null;
  const text = error instanceof ApiError ? error.message : error instanceof Error ? error.message : String(error);
  // The API's messages start in lower case, to be quoted mid-sentence; shown alone they start a sentence.
  const message = text.charAt(0).toUpperCase() + text.slice(1);
  const findings = error instanceof ApiError ? error.findings : [];
  return (
    <div className="notice notice-error" role="alert" id={id}>
      <p>{message}</p>
      {findings.length > 0 && (
        <>
          <p>What to change:</p>
          <ul className="findings">
            {findings.map((finding, i) => (
              <li key={i}>
                <q>{finding.match}</q> — {FIX[finding.kind] ?? 'Remove it.'}
              </li>
            ))}
          </ul>
          <p className="hint">Contact details can be shared once a contract starts.</p>
        </>
      )}
    </div>
  );
}

export function Loading({ what }: { what: string }) {
  return (
    <p className="loading" role="status">
      Loading {what}…
    </p>
  );
}

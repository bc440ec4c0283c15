import type { Proposal } from '../../api/contract.js';
import { formatDate } from '../../ui/stage-badge.js';

/** What was submitted and what happened since, for either party. */
export function ProposalFacts({ proposal }: { proposal: Proposal }) {
  return (
    <dl className="summary-list card">
      {proposal.bid && (
        <>
          <dt>Bid</dt>
          <dd>
            ${proposal.bid.amount.toFixed(2)} {proposal.bid.type === 'hourly' ? 'per hour' : 'fixed price'}
          </dd>
        </>
      )}
      {proposal.coverLetter && (
        <>
          <dt>Cover letter</dt>
          <dd>{proposal.coverLetter}</dd>
        </>
      )}
      {proposal.notes && (
        <>
          <dt>Notes</dt>
          <dd>{proposal.notes}</dd>
        </>
      )}
      {proposal.attachments.length > 0 && (
        <>
          <dt>Work samples</dt>
          <dd>
            <ul>
              {proposal.attachments.map((a) => (
                <li key={a.url}>
                  <a href={a.url} rel="noreferrer noopener" target="_blank">
                    {a.name}
                  </a>
                </li>
              ))}
            </ul>
          </dd>
        </>
      )}
      <dt>Submitted</dt>
      <dd>{formatDate(proposal.submittedAt)}</dd>
      {proposal.connectsCharged > 0 && (
        <>
          <dt>Connects</dt>
          <dd>
            {proposal.connectsCharged} charged{proposal.connectsRefunded > 0 ? `, ${proposal.connectsRefunded} refunded` : ''}
          </dd>
        </>
      )}
      {proposal.declineReason && (
        <>
          <dt>Declined because</dt>
          <dd>{proposal.declineReason}</dd>
        </>
      )}
      {proposal.withdrawReason && (
        <>
          <dt>Withdrawn because</dt>
          <dd>{proposal.withdrawReason}</dd>
        </>
      )}
      {proposal.closedReason && (
        <>
          <dt>Closed</dt>
          <dd>the job was {proposal.closedReason}</dd>
        </>
      )}
    </dl>
  );
}

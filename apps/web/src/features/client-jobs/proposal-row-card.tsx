import * as api from '../../api/endpoints.js';
import type { ProposalRow } from '../../api/contract.js';
import { Link } from '../../routing/router.js';
import { InterviewBadge, StageBadge, formatDate } from '../../ui/stage-badge.js';
import { aboutProposal, useLiveEvent } from '../../realtime/live-events.js';
import { useResource } from '../../ui/use-resource.js';
import { FreelancerName } from '../shell/names.js';

/**
 * One proposal in the client's list. The list rows carry the badge; the score and summary
 * come with the proposal itself, read per row, and again when the row changes or its
 * interview is evaluated.
 */
export function ProposalRowCard({ row }: { row: ProposalRow }) {
  const detail = useResource(() => api.proposals.get(row.id), `${row.id}:${row.stage}:${row.lastTransitionAt}`);
  const result = detail.data?.interviewResult;
  useLiveEvent(aboutProposal(row.id), (event) => event.type === 'interview.evaluated' && detail.reload());
  return (
    <article aria-label="Proposal">
      <h3>
        <Link to={`/client/proposals/${row.id}`}>
          <FreelancerName freelancerId={row.freelancerId} />
        </Link>
      </h3>
      <p>
        <StageBadge stage={row.stage} /> <InterviewBadge included={row.interviewIncluded} score={result?.score} />
        {row.shortlisted && <span className="badge">shortlisted</span>}
        {row.invited && <span className="badge">invited</span>}
      </p>
      {result?.summary && <p className="summary">{result.summary}</p>}
      {result && result.included && result.score === null && <p className="hint">Interview evaluation in progress…</p>}
      <p className="hint">
        {row.bid ? `$${row.bid.amount.toFixed(2)} ${row.bid.type === 'hourly' ? '/ hour' : 'fixed'} · ` : ''}submitted {formatDate(row.submittedAt)}
      </p>
    </article>
  );
}

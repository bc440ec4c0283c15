import type { ProposalStage } from '../api/contract.js';

const LABEL: Record<ProposalStage, string> = {
  draft: 'draft',
  interviewing: 'interviewing',
  ready: 'ready to submit',
  submitted: 'submitted',
  viewed: 'viewed',
  messaged: 'messaged',
  offer_pending: 'offer pending',
  hired: 'hired',
  declined: 'declined',
  withdrawn: 'withdrawn',
  closed: 'closed',
  abandoned: 'abandoned',
};

export function StageBadge({ stage }: { stage: ProposalStage }) {
  return (
    <span className={`badge stage stage-${stage}`} data-testid="stage">
      {LABEL[stage]}
    </span>
  );
}

export function InterviewBadge({ included, score }: { included: boolean; score?: number | null }) {
  if (!included) return null;
  return (
    <span className="badge interview-badge">
      Instant interview included{typeof score === 'number' ? ` · score ${score.toFixed(1)} / 5` : ''}
    </span>
  );
}

export const formatDate = (iso: string | Date | null | undefined) => (iso ? new Date(iso).toLocaleString() : '—');

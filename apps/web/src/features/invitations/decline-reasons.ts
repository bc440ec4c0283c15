import type { DeclineReason } from '../../api/contract.js';

/** The API's fixed list of reasons for declining an invitation, in the words both sides read. */
export const DECLINE_REASON_LABELS: Record<DeclineReason, string> = {
  not_interested: 'Not interested in this work',
  not_available: 'Not available',
  budget_too_low: 'Budget too low',
  skills_mismatch: 'My skills do not match',
  unclear_requirements: 'Requirements are unclear',
  duration_not_suitable: 'The duration does not suit me',
  other: 'Other',
};

import { defineSearchAttributeKey, SearchAttributeType } from '@temporalio/common';

/**
 * Custom search attributes every hireflow workflow carries, so operators can find and
 * explain a hire from the Temporal UI with one query, e.g.
 * `HireflowKind = "proposal" AND HireflowWaitingOn = "client" AND HireflowLastTransitionAt < "2026-11-20T00:00:00Z"`.
 */
export const KindKey = defineSearchAttributeKey('HireflowKind', SearchAttributeType.KEYWORD);
export const StageKey = defineSearchAttributeKey('HireflowStage', SearchAttributeType.KEYWORD);
export const WaitingOnKey = defineSearchAttributeKey('HireflowWaitingOn', SearchAttributeType.KEYWORD);
export const JobIdKey = defineSearchAttributeKey('HireflowJobId', SearchAttributeType.KEYWORD);
export const ClientIdKey = defineSearchAttributeKey('HireflowClientId', SearchAttributeType.KEYWORD);
export const FreelancerIdKey = defineSearchAttributeKey('HireflowFreelancerId', SearchAttributeType.KEYWORD);
export const LastTransitionAtKey = defineSearchAttributeKey('HireflowLastTransitionAt', SearchAttributeType.DATETIME);
export const ActivityFailingKey = defineSearchAttributeKey('HireflowActivityFailing', SearchAttributeType.BOOL);
/** When a pending invitation expires, so ops can list those near expiry. */
export const ExpiresAtKey = defineSearchAttributeKey('HireflowExpiresAt', SearchAttributeType.DATETIME);

export const ALL_SEARCH_ATTRIBUTE_KEYS = [
  KindKey,
  StageKey,
  WaitingOnKey,
  JobIdKey,
  ClientIdKey,
  FreelancerIdKey,
  LastTransitionAtKey,
  ActivityFailingKey,
  ExpiresAtKey,
] as const;

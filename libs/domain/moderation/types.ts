/** What moderation looks for. The first four share contact details; the last two move money or reward a hire. */
export const FINDING_KINDS = ['email', 'phone', 'messenger', 'link', 'off_platform_payment', 'reward'] as const;
export type FindingKind = (typeof FINDING_KINDS)[number];

/** Contact details: allowed once a contract has started. */
export const CONTACT_KINDS: readonly FindingKind[] = ['email', 'phone', 'messenger', 'link'];

export interface Finding {
  kind: FindingKind;
  /** The text that was found, as written (after Unicode normalisation). */
  match: string;
}

/** A finding with its place in the normalised text, so it can be redacted. */
export interface Span extends Finding {
  start: number;
  end: number;
}

export interface ModerationOptions {
  /** Once the parties have a contract, contact details may be shared. */
  contractStarted: boolean;
}

export interface ModerationVerdict {
  /** False when the text must not be delivered as written. */
  allowed: boolean;
  /**
   * Everything found that matters under the options. After a contract starts this keeps
   * off-platform payment and reward findings (allowed, but worth a review) and drops contact details.
   */
  findings: Finding[];
}

/** Moderation policy for content that breaks the rules: refuse it, or keep a redacted copy flagged for review. */
export type ModerationMode = 'reject' | 'redact';

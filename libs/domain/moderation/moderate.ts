import { findEmails, findLinks, findMessengerHandles, findPhones } from './contact-detectors.js';
import { findOffPlatformPayments, findRewards } from './payment-detectors.js';
import { CONTACT_KINDS, type Finding, type FindingKind, type ModerationOptions, type ModerationVerdict, type Span } from './types.js';

/**
 * Pre-contract moderation, as pure functions. Before a contract starts, text must not share
 * contact details, move payment off the platform or offer a reward for winning the contract.
 * Once a contract starts nothing is blocked, but payment and reward findings are still
 * reported so the caller can flag them for review.
 */

/** Full-width and look-alike characters fold to plain ones; invisible characters that split words go. */
export function normalize(text: string): string {
  return text.normalize('NFKC').replace(/[\u200B-\u200D\u2060\uFEFF\u00AD]/g, '');
}

const DETECTORS = [findEmails, findPhones, findLinks, findMessengerHandles, findOffPlatformPayments, findRewards];

/** Every finding in already-normalised text, without overlaps: the longest span wins. */
export function scan(normalized: string): Span[] {
  const longestFirst = DETECTORS.flatMap((detect) => detect(normalized)).sort(
    (a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start,
  );
  const kept: Span[] = [];
  for (const span of longestFirst) {
    if (!kept.some((k) => span.start < k.end && k.start < span.end)) kept.push(span);
  }
  return kept.sort((a, b) => a.start - b.start);
}

function relevant(spans: Span[], options: ModerationOptions): Span[] {
  return options.contractStarted ? spans.filter((s) => !CONTACT_KINDS.includes(s.kind)) : spans;
}

export function moderate(text: string, options: ModerationOptions): ModerationVerdict {
  const findings = relevant(scan(normalize(text)), options).map(({ kind, match }): Finding => ({ kind, match }));
  return { allowed: options.contractStarted || findings.length === 0, findings };
}

const PLACEHOLDER: Record<FindingKind, string> = {
  email: '[email removed]',
  phone: '[phone number removed]',
  messenger: '[contact handle removed]',
  link: '[link removed]',
  off_platform_payment: '[off-platform payment removed]',
  reward: '[reward offer removed]',
};

/** The text with every finding that blocks it replaced by a placeholder naming what was removed. */
export function redact(text: string, options: ModerationOptions): string {
  if (options.contractStarted) return text;
  const normalized = normalize(text);
  let out = '';
  let at = 0;
  for (const span of scan(normalized)) {
    out += normalized.slice(at, span.start) + PLACEHOLDER[span.kind];
    at = span.end;
  }
  return out + normalized.slice(at);
}

import { ContentRejectedError } from '../errors.js';
import { moderate, redact } from './moderate.js';
import type { Finding, ModerationMode, ModerationOptions } from './types.js';

export interface FieldFinding extends Finding {
  field: string;
}

export interface Screened<T> {
  /** The fields as they may be stored: as written, or with findings redacted in `redact` mode. */
  fields: T;
  /** What a reviewer should look at: redacted findings, or payment talk after a contract. Empty when clean. */
  findings: FieldFinding[];
  redacted: boolean;
}

/**
 * Applies the moderation policy to the text fields of one piece of content. In `reject` mode
 * blocked content throws `ContentRejectedError` naming every finding and its field; in
 * `redact` mode it comes back redacted, with the findings to flag for review.
 */
export function screen<T extends Record<string, string | undefined>>(
  what: string,
  fields: T,
  options: ModerationOptions & { mode: ModerationMode },
): Screened<T> {
  const findings: FieldFinding[] = [];
  let blocked = false;
  for (const [field, text] of Object.entries(fields)) {
    if (!text) continue;
    const verdict = moderate(text, options);
    blocked ||= !verdict.allowed;
    findings.push(...verdict.findings.map((f) => ({ field, ...f })));
  }
  if (!blocked) return { fields, findings, redacted: false };
  if (options.mode === 'reject') throw new ContentRejectedError(what, findings);
  const redacted = Object.fromEntries(
    Object.entries(fields).map(([field, text]) => [field, text ? redact(text, options) : text]),
  ) as T;
  return { fields: redacted, findings, redacted: true };
}

export { describeFindings } from './describe.js';
export { moderate, normalize, redact, scan } from './moderate.js';
export { CONTACT_KINDS, FINDING_KINDS } from './types.js';
export type { Finding, FindingKind, ModerationMode, ModerationOptions, ModerationVerdict, Span } from './types.js';
export { screen } from './screen.js';
export type { FieldFinding, Screened } from './screen.js';

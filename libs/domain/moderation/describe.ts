import type { Finding, FindingKind } from './types.js';

const DESCRIPTION: Record<FindingKind, string> = {
  email: 'an email address',
  phone: 'a phone number',
  messenger: 'a messenger or social handle',
  link: 'a link to a messenger or social profile',
  off_platform_payment: 'payment outside the platform',
  reward: 'an extra reward for winning the contract',
};

/** "an email address ("john@example.com") and a phone number ("+1 415 555 2671")": what the sender is told. */
export function describeFindings(findings: readonly Finding[]): string {
  const parts = findings.map((f) => `${DESCRIPTION[f.kind]} ("${f.match.length > 60 ? `${f.match.slice(0, 57)}...` : f.match}")`);
  if (parts.length <= 1) return parts.join('');
  return `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}`;
}

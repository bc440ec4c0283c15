import { alternation, sentencesOf, spansOf } from './patterns.js';
import type { Span } from './types.js';

/**
 * Detectors for moving payment off the platform and for extra rewards offered for winning
 * the contract. Payment words alone are not enough ("integrate PayPal checkout" is a job):
 * a finding needs someone asking to pay or be paid that way, an account or wallet to pay
 * into, or talk of paying outside the platform or around its fees.
 */

const METHODS = alternation([
  '(?:wire|bank|swift|sepa|ach|direct)\\s+transfers?', 'wire', 'bank\\s+(?:account|details|deposit)', 'iban', 'swift(?:\\s+code)?',
  'western\\s+union', 'money\\s?gram', 'pay\\s?pal', 'payoneer', 'venmo', 'zelle', 'cash\\s?app', 'wise', 'transferwise',
  'revolut', 'skrill', 'neteller', 'alipay', 'wechat\\s+pay', 'crypto(?:currenc(?:y|ies))?', 'bitcoins?', 'btc', 'ether(?:eum)?',
  'eth', 'usdt', 'tether', 'usdc', 'bnb', 'binance(?:\\s+pay)?', 'litecoin', 'ltc', 'solana', 'sol', 'trc-?20', 'erc-?20',
  'dogecoin', 'doge', 'xrp', 'monero', 'gift\\s?cards?', '(?:amazon|itunes|apple|google\\s+play|steam|visa|ebay)\\s+(?:gift\\s+)?cards?',
  'cash', 'cheques?', 'checks?', 'money\\s+orders?',
]);
const OWNER = String.raw`(?:(?:my|your|our|a|an|the)\s+)?`;
const PREP = String.raw`(?:in|via|with|through|by|using|over|on|to|into|thru)`;
const PLATFORM = String.raw`(?:upwork|hireflow|(?:the\s+|this\s+)?(?:platform|site|website|app|marketplace|system))`;

const PAYMENT_PATTERNS = [
  // "pay me in USDT", "I can pay you directly via PayPal", "send us the money through Western Union"
  new RegExp(
    String.raw`\b(?:pay|paying|send|sending|transfer|wire|tip|compensate|reimburse)\s+(?:me|you|us)\b[^.!?\n]{0,40}?\b${PREP}\s+${OWNER}(?:${METHODS})\b`,
    'gi',
  ),
  // "pay via PayPal", "pay with crypto", "pay by bank transfer"
  new RegExp(String.raw`\bpay(?:ing)?\s+(?:\w+\s+)?(?:in|via|with|through|by|using|over)\s+${OWNER}(?:${METHODS})\b`, 'gi'),
  // "paid via Payoneer", "get paid in BTC", "payment to my PayPal"
  new RegExp(String.raw`\b(?:paid|payments?)\s+${PREP}\s+(?:my|your|our)\s+(?:${METHODS})\b`, 'gi'),
  new RegExp(String.raw`\b(?:be|get|getting|got)\s+paid\s+${PREP}\s+${OWNER}(?:${METHODS})\b`, 'gi'),
  // "I only accept crypto", "we prefer payment via Payoneer", "I take bank transfers"
  new RegExp(
    String.raw`\b(?:i|we)\s+(?:\w+\s+){0,2}?(?:accept|take|prefer|receive)\s+(?:(?:payments?|to\s+be\s+paid|being\s+paid)\s+)?(?:${PREP}\s+)?${OWNER}(?:${METHODS})\b`,
    'gi',
  ),
  // "my PayPal email is …", "my BTC wallet: …", "your bank details"
  new RegExp(
    String.raw`\b(?:my|your|our)\s+(?:${METHODS})\s+(?:account|address|wallet|e-?mail|id|details|info|number|handle|tag)\b`,
    'gi',
  ),
  // "pay outside Upwork", "work off the platform", "payment outside of the site"
  new RegExp(
    String.raw`\b(?:pay(?:s|ing|ment|ments)?|paid|invoic\w*|deal|contract|transaction|work)\b[^.!?\n]{0,30}?\b(?:outside|off)\s+(?:of\s+)?${PLATFORM}\b`,
    'gi',
  ),
  /\bpay(?:ment)?\s+outside\b/gi,
  /\boff[-\s]platform\b/gi,
  /\bpay(?:ment)?\s+(?:me\s+|you\s+|us\s+)?(?:directly|privately|personally)\b/gi,
  new RegExp(
    String.raw`\b(?:avoid|avoiding|skip|save\s+on|bypass|get\s+around|around|without)\s+(?:paying\s+)?(?:the\s+)?(?:(?:upwork|hireflow|platform|site|service|marketplace|connects?)\s+)?(?:fees?|commission|cut)\b`,
    'gi',
  ),
  // "buy me a $100 Amazon gift card"
  /\b(?:send|buy|get|purchase|give)\s+(?:me|us)\s+(?:an?\s+|some\s+)?(?:\$?\d+\s+)?(?:\w+\s+)?gift\s?cards?\b/gi,
  // Account numbers and wallets are payment details on their own.
  /\b[A-Z]{2}\d{2}(?:\s?[A-Z0-9]{4}){3,7}(?:\s?[A-Z0-9]{1,3})?\b/g,
  /\b0x[a-fA-F0-9]{40}\b/g,
  /\b(?:bc1[ac-hj-np-z02-9]{25,60}|[13][a-km-zA-HJ-NP-Z1-9]{25,34})\b/g,
  /\bT[1-9A-HJ-NP-Za-km-z]{33}\b/g,
];

export function findOffPlatformPayments(text: string): Span[] {
  return PAYMENT_PATTERNS.flatMap((pattern) =>
    spansOf(text, pattern).map((s) => ({ ...s, kind: 'off_platform_payment' as const })),
  );
}

/** Winning the contract is the condition ... */
const HIRE_CONDITIONS = [
  /\b(?:if|once|when|after|as\s+soon\s+as)\s+(?:you\s+)?(?:hire|choose|select|pick|award|approve|give\s+the\s+(?:job|contract|project)\s+to)\s+(?:me|us|my\s+proposal|our\s+proposal)\b/i,
  /\b(?:if|once|when|after)\s+(?:i|we)\s+(?:get|win|land|receive|secure)\s+(?:the|this|your)\s+(?:job|contract|project|gig)\b/i,
  /\b(?:if|once|when|after)\s+(?:i|we)\s+(?:am|'m|are|'re|get|gets)\s+(?:hired|awarded|chosen|selected)\b/i,
  /\bfor\s+(?:hiring|choosing|selecting|picking)\s+(?:me|us)\b/i,
  /\bin\s+(?:exchange|return)\s+for\s+(?:the|this|your)\s+(?:job|contract|project|gig)\b/i,
  /\b(?:hire|choose|select|pick)\s+(?:me|us)\s+and\s+(?:i|we)(?:'ll|\s+will)\b/i,
];
/** ... and something of value is the reward. */
const REWARD =
  /\b(?:bonus|reward|gift|commission|kick-?back|cash\s?back|referral\s+fee|percent(?:age)?|free\s+\w+|extra\s+(?:money|payment|cash|\w+\s+for\s+free)|money|cash|(?:pay|give|send|transfer|refund)\s+you)\b|\$\s?\d|\b\d+(?:[.,]\d+)?\s?(?:%|usd|dollars|eur|euros|percent)\b/i;

/** A sentence that promises something of value in exchange for being hired. */
export function findRewards(text: string): Span[] {
  return sentencesOf(text)
    .filter((sentence) => REWARD.test(sentence.text) && HIRE_CONDITIONS.some((condition) => condition.test(sentence.text)))
    .map((sentence) => ({ kind: 'reward' as const, start: sentence.start, end: sentence.end, match: sentence.text }));
}

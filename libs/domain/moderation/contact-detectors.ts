import { findNumbers, type CountryCode } from 'libphonenumber-js/core';
// The full metadata as a JS module: the same data as `libphonenumber-js/max`, loadable by every ESM loader.
import metadata from 'libphonenumber-js/metadata.max';
import { alternation, spansOf } from './patterns.js';
import type { Span } from './types.js';

/**
 * Detectors for contact details: emails (plain and spelled out), phone numbers (found by
 * libphonenumber, so formats and validity follow its metadata), messenger and social
 * handles, and links to messenger or social profiles. Mentioning a product ("build a
 * Telegram bot") is not contact sharing; an address, a number or a handle is.
 */

const TLDS = alternation([
  'com', 'net', 'org', 'io', 'co', 'me', 'dev', 'info', 'biz', 'ai', 'app', 'us', 'uk', 'ca', 'de', 'fr', 'ru', 'in',
  'au', 'nl', 'pk', 'ph', 'ng', 'ua', 'pl', 'br', 'es', 'it', 'edu', 'xyz', 'tech', 'online', 'site',
]);
const MAIL_PROVIDERS = alternation(['gmail', 'googlemail', 'yahoo', 'outlook', 'hotmail', 'live', 'icloud', 'protonmail', 'proton', 'aol', 'yandex', 'mail', 'gmx', 'zoho']);

const EMAIL = /(?<![\w.%+-])[\w.%+-]+@[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,24}\b/gi;
const AT = String.raw`(?:\s*@\s*|\s*[([{<]\s*(?:at|@)\s*[)\]}>]\s*|\s+at\s+)`;
const DOT = String.raw`(?:\s*[([{<]\s*(?:dot|\.)\s*[)\]}>]\s*|\s+dot\s+|\s*\.\s*)`;
/** "john at gmail dot com", "john [at] example (dot) io", "john @ gmail . com". */
const LOCAL_DOT = String.raw`(?:\.|\s+dot\s+|\s*[([{<]\s*dot\s*[)\]}>]\s*)`;
const LOCAL_PART = String.raw`[a-z0-9][\w+-]*(?:${LOCAL_DOT}[a-z0-9][\w+-]*)*`;
const EMAIL_SPELLED = new RegExp(String.raw`\b${LOCAL_PART}${AT}[a-z0-9-]+(?:${DOT}[a-z0-9-]+)*?${DOT}(?:${TLDS})\b`, 'gi');
/** "john.smith at gmail" with no top-level domain. */
const EMAIL_PROVIDER = new RegExp(String.raw`\b[a-z0-9][\w.+-]+${AT}(?:${MAIL_PROVIDERS})\b`, 'gi');
/** "my gmail is john.smith", "e-mail: john.smith". */
const EMAIL_LABELLED = new RegExp(
  String.raw`\b(?:my|our)\s+(?:e-?mail|${MAIL_PROVIDERS})(?:\s+(?:address|id))?\s*(?:is\s+|:\s*)[\w.+-]{3,}`,
  'gi',
);

export function findEmails(text: string): Span[] {
  return [EMAIL, EMAIL_SPELLED, EMAIL_PROVIDER, EMAIL_LABELLED].flatMap((pattern) =>
    spansOf(text, pattern).map((s) => ({ ...s, kind: 'email' as const })),
  );
}

/** National numbers are read as if from these countries; international (+…) numbers are found from anywhere. */
const DEFAULT_COUNTRIES: CountryCode[] = ['US', 'GB', 'IN'];
const DIGIT_WORDS: Record<string, string> = {
  zero: '0', oh: '0', one: '1', two: '2', three: '3', four: '4', five: '5', six: '6', seven: '7', eight: '8', nine: '9',
};
/** Seven or more digits or digit words with any separators: "four one five 555 two six seven one", "4_1_5-5…". */
const DIGIT_RUN = new RegExp(
  String.raw`\+?(?:(?:\b(?:${alternation(Object.keys(DIGIT_WORDS))})\b|\d)[\s.,_\-()/*]*){7,}`,
  'gi',
);

function validNumbersIn(text: string): { start: number; end: number }[] {
  return DEFAULT_COUNTRIES.flatMap((defaultCountry) =>
    findNumbers(text, { defaultCountry, v2: true }, metadata).map((n) => ({ start: n.startsAt, end: n.endsAt })),
  );
}

export function findPhones(text: string): Span[] {
  const spans: Span[] = validNumbersIn(text).map(({ start, end }) => ({ kind: 'phone', start, end, match: text.slice(start, end) }));
  // Numbers disguised with words or odd separators: collapse the run to digits and ask the library again.
  for (const run of spansOf(text, DIGIT_RUN)) {
    const digits = run.match.replace(/[a-z]+/gi, (word) => DIGIT_WORDS[word.toLowerCase()] ?? '').replace(/[^\d+]/g, '');
    // The run's trailing separators (a full stop, a space) are not part of the number.
    const match = run.match.replace(/[^a-z\d]+$/i, '');
    if (validNumbersIn(digits).length > 0) spans.push({ kind: 'phone', start: run.start, end: run.start + match.length, match });
  }
  return spans;
}

/** Names that are only ever messengers or social networks. */
const MESSENGERS = [
  'telegram', 'whats\\s?app', 'skype', 'discord', 'signal', 'we\\s?chat', 'weixin', 'viber', 'kik', 'snapchat', 'instagram',
  'facebook', 'fb', 'messenger', 'linkedin', 'twitter', 'slack', 'zalo', 'kakao\\s?talk', 'threema',
];
/** Messengers whose name is not also an everyday word, safe to look for near a bare @handle. */
const DISTINCT_MESSENGERS = MESSENGERS.filter((m) => !['signal', 'messenger', 'slack', 'fb'].includes(m));
const ANY = alternation(MESSENGERS);
const DISTINCT = alternation(DISTINCT_MESSENGERS);
const HANDLE = String.raw`@?[a-z0-9_][\w.:#+-]{2,}`;
const ID_WORD = String.raw`(?:id|handle|user\s?name|account|number|no\.?|contact|name|tag)`;

const MESSENGER_PATTERNS = [
  // "my telegram is @john", "our skype id: live:john.smith"
  new RegExp(String.raw`\b(?:my|our)\s+(?:${ANY})(?:\s+${ID_WORD})?\s*(?:is\s+|:\s*|=\s*)${HANDLE}`, 'gi'),
  // "telegram id is john_doe", "WeChat ID: abc123", "Discord tag - john#1234"
  new RegExp(String.raw`\b(?:${ANY})\s+${ID_WORD}\s*(?:is\s+|:\s*|=\s*|-\s*)${HANDLE}`, 'gi'),
  // "Telegram: @john_doe" (only for names that are not everyday words: "Slack: daily stand-ups" is fine)
  new RegExp(String.raw`\b(?:${DISTINCT})\s*:\s*${HANDLE}`, 'gi'),
  // "add me on skype", "text me on WhatsApp", "DM us via Instagram"
  new RegExp(
    String.raw`\b(?:add|reach|contact|message|msg|text|call|ping|dm|find|write|hit|email|mail|follow)\s+(?:me|us)(?:\s+up)?\s+(?:on|via|through|over|at|in)\s+(?:${ANY})\b`,
    'gi',
  ),
  // "let's continue on Telegram", "can we move this to WhatsApp?"
  new RegExp(
    String.raw`\b(?:let'?s|let\s+us|we\s+can|can\s+we|shall\s+we|could\s+we|we\s+could|please)\s+(?:talk|chat|continue|move|switch|connect|speak|communicate|discuss|go|text|call)\b[^.!?\n]{0,30}?\b(?:on|via|to|over|in|through)\s+(?:${ANY})\b`,
    'gi',
  ),
  // "whatsapp me", "I'm on telegram as johnny"
  /\b(?:whats\s?app|telegram|skype|viber)\s+(?:me|us)\b/gi,
  new RegExp(String.raw`\b(?:i'?m|i\s+am|we'?re|we\s+are|find\s+me)\s+on\s+(?:${DISTINCT})\s+(?:as\s+)?${HANDLE}`, 'gi'),
  // Skype ids and Discord tags are contact details on their own.
  /\blive:[\w.-]{3,}/gi,
  /(?<![\w@])[a-z0-9_.]{2,32}#\d{4}\b(?=[^.!?\n]{0,40}\bdiscord\b)|\bdiscord\b[^.!?\n]{0,40}?(?<![\w@])[a-z0-9_.]{2,32}#\d{4}\b/gi,
];

/** A bare @handle counts when a messenger is named nearby or a "reach me" verb precedes it. */
const AT_HANDLE = /(?<![\w.@])@[a-z0-9_](?:[a-z0-9_.]{1,30}[a-z0-9_])/gi;
const NEAR_MESSENGER = new RegExp(String.raw`\b(?:${DISTINCT})\b`, 'i');
const REACH_ME_BEFORE = /\b(?:add|reach|contact|message|msg|text|ping|dm|find|follow|hit)\s+(?:me|us)(?:\s+up)?\s*(?:at|on)?\s*$/i;

export function findMessengerHandles(text: string): Span[] {
  const spans: Span[] = MESSENGER_PATTERNS.flatMap((pattern) =>
    spansOf(text, pattern).map((s) => ({ ...s, kind: 'messenger' as const })),
  );
  for (const handle of spansOf(text, AT_HANDLE)) {
    const before = text.slice(Math.max(0, handle.start - 40), handle.start);
    const after = text.slice(handle.end, handle.end + 40);
    if (NEAR_MESSENGER.test(before) || NEAR_MESSENGER.test(after) || REACH_ME_BEFORE.test(before)) {
      spans.push({ ...handle, kind: 'messenger' });
    }
  }
  return spans;
}

const PROFILE_HOSTS = alternation([
  't\\.me', 'telegram\\.(?:me|dog)', 'wa\\.me', '(?:api\\.|chat\\.|web\\.)?whatsapp\\.com', 'join\\.skype\\.com', 'skype\\.com',
  'discord\\.gg', 'discord(?:app)?\\.com/(?:invite|users)', 'signal\\.(?:me|group)', 'u\\.wechat\\.com', 'weixin\\.qq\\.com',
  '(?:invite\\.)?viber\\.com', 'm\\.me', 'messenger\\.com', '(?:[a-z]+\\.)?facebook\\.com', 'fb\\.(?:com|me)',
  'instagram\\.com', 'instagr\\.am', '(?:[a-z]+\\.)?linkedin\\.com/in', 'twitter\\.com', 'x\\.com', 'snapchat\\.com/add',
  'line\\.me', 'kik\\.me', 'zalo\\.me',
]);
const PROFILE_LINK = new RegExp(String.raw`(?<![\w.-])(?:https?://)?(?:www\.)?(?:${PROFILE_HOSTS})(?:/[^\s<>"')\]]*)?`, 'gi');
const APP_URI = /\b(?:tg|whatsapp|skype|viber|weixin|discord|signal|sgnl):(?:\/\/)?[^\s<>"')\]]+/gi;
const MAILTO = /\bmailto:[^\s<>"')\]]+/gi;
const TEL = /\btel:[+\d][\d\s().-]{5,}/gi;

export function findLinks(text: string): Span[] {
  return [
    ...spansOf(text, PROFILE_LINK).map((s) => ({ ...s, kind: 'link' as const })),
    ...spansOf(text, APP_URI).map((s) => ({ ...s, kind: 'link' as const })),
    ...spansOf(text, MAILTO).map((s) => ({ ...s, kind: 'email' as const })),
    ...spansOf(text, TEL).map((s) => ({ ...s, kind: 'phone' as const })),
  ];
}

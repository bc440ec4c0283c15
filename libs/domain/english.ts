import { francAll } from 'franc';

/**
 * Interviews are held in English. Language detection is statistical, so three things keep
 * it from misjudging English speakers: technical names (TypeScript, Node.js, AWS, 5yrs) are
 * set aside first because they read as any language; an answer with too few ordinary words
 * to judge ("Yes.", "React, Vue, Docker") is accepted; and when the detector prefers a close
 * relative (Scots for informal English is common), English still wins if it scores nearly
 * as well and the answer is built from English function words.
 */

/** Fewer ordinary words than this and the detector is guessing. */
export const MIN_WORDS_TO_JUDGE = 4;
/** French, Spanish or German answers leave English far behind (about 0.5–0.7 of the best). */
const ENGLISH_MARGIN = 0.75;
/** Share of words that are English function words; other languages share few of them. */
const FUNCTION_WORD_SHARE = 0.15;

const FUNCTION_WORDS = new Set(
  `a about after all also an and any are as at be because been before but by can could did do does done for from had has
   have he her here his how i i'd i'll i'm i've if in into is it it's its just me more most my no not of on one or our out
   over she so some than that the their them then there these they this those to up us was we were what when which while
   who will with would you your`.split(/\s+/),
);

/** Mixed case inside a word, runs of capitals, digits, dots or slashes: product and technology names. */
const TECHNICAL_TOKEN = /\S*[a-z]\S*[A-Z]\S*|\S*[A-Z]{2,}\S*|\S*\d\S*|\S+[./#+]\S*/g;

export interface LanguageCheck {
  english: boolean;
  /** ISO 639-3 code of the best match, or 'und' when the answer is too short to judge. */
  detected: string;
}

export function detectEnglish(text: string): LanguageCheck {
  const ordinary = text.replace(TECHNICAL_TOKEN, ' ');
  const words = (ordinary.toLowerCase().match(/[\p{L}']+/gu) ?? []).map((w) => w.replace(/^'+|'+$/g, ''));
  if (words.length < MIN_WORDS_TO_JUDGE) return { english: true, detected: 'und' };
  const ranked = francAll(ordinary, { minLength: 1 });
  const best = ranked[0]?.[0] ?? 'und';
  if (best === 'eng' || best === 'und') return { english: true, detected: best };
  const englishLikelihood = ranked.find(([code]) => code === 'eng')?.[1] ?? 0;
  const functionWordShare = words.filter((w) => FUNCTION_WORDS.has(w)).length / words.length;
  return { english: englishLikelihood >= ENGLISH_MARGIN && functionWordShare >= FUNCTION_WORD_SHARE, detected: best };
}

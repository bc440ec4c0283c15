/** Regular-expression helpers shared by the detectors. */

/** Every match of `pattern` (which must be global) as a span; `group` narrows it to one capture group. */
export function spansOf(text: string, pattern: RegExp, group = 0): { start: number; end: number; match: string }[] {
  const out: { start: number; end: number; match: string }[] = [];
  for (const m of text.matchAll(pattern)) {
    const value = m[group];
    if (!value) continue;
    const start = group === 0 ? m.index : m.index + m[0].indexOf(value);
    out.push({ start, end: start + value.length, match: value });
  }
  return out;
}

/** Sentences with their offsets: split at line breaks and at . ! ? followed by a space ("$50.00" stays whole). */
export function sentencesOf(text: string): { start: number; end: number; text: string }[] {
  const out: { start: number; end: number; text: string }[] = [];
  for (const m of text.matchAll(/[^\n]+?(?:[.!?]+(?=\s|$)|(?=\n)|$)/g)) {
    const trimmed = m[0].trim();
    if (!trimmed) continue;
    const start = m.index + m[0].indexOf(trimmed);
    out.push({ start, end: start + trimmed.length, text: trimmed });
  }
  return out;
}

export const alternation = (words: readonly string[]) => words.join('|');

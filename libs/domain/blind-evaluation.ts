import type { EvaluationInput } from '../ports/evaluator.port.js';

/**
 * What an evaluator may see: the job's requirements and what the freelancer said, with the
 * personal details people often volunteer ("I'm Ana from Lagos, ana@example.com") masked.
 * The freelancer's name is used only to mask it and never leaves this function.
 */

const EMAIL = /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g;
const LINK = /\bhttps?:\/\/\S+|\bwww\.\S+/gi;
const HANDLE = /(^|\s)@\w{2,}/g;
/** Nine or more digits in one run of digits and separators: phone numbers, not years or durations. */
const PHONE = /\+?\d[\d\s().-]{7,}\d/g;
/** "I'm from Lagos, Nigeria", "based in São Paulo": the capitalised place names after such a phrase. */
const LOCATION =
  /(\bI'm from|\bI am from|\boriginally from|\bbased in|\bbased out of|\blocated in|\bliving in|\bI live in|\bI'm in|\bI am in|\[name\],? from)(\s+)(\p{Lu}[\p{L}'’-]*(?:(?:,\s*|\s+)\p{Lu}[\p{L}'’-]*)*)/gu;

export interface InterviewAnswerText {
  question: string;
  answer: string;
}

export interface JobRequirements {
  title: string;
  description: string;
  skills: string[];
}

/** The requirements an interview is scored on: the job's skills, or its title when it lists none. */
export function requirementsOf(job: JobRequirements): string[] {
  const skills = [...new Set(job.skills.map((s) => s.trim()).filter(Boolean))];
  return skills.length > 0 ? skills : [job.title];
}

export function maskPersonalDetails(text: string, freelancerName?: string): string {
  let masked = text
    .replace(EMAIL, '[email]')
    .replace(LINK, '[link]')
    .replace(PHONE, (match) => (match.replace(/\D/g, '').length >= 9 ? '[phone]' : match))
    .replace(HANDLE, '$1[handle]');
  for (const part of nameParts(freelancerName)) masked = maskWord(masked, part, '[name]');
  // After the name, so "I'm [name] from Toronto" is caught too.
  return masked.replace(LOCATION, '$1$2[location]');
}

export function blindEvaluationInput(
  job: JobRequirements,
  answers: InterviewAnswerText[],
  freelancerName?: string,
): EvaluationInput {
  return {
    job: { title: job.title, description: job.description, requirements: requirementsOf(job) },
    answers: answers.map(({ question, answer }) => ({ question, answer: maskPersonalDetails(answer, freelancerName) })),
  };
}

function nameParts(name?: string): string[] {
  if (!name) return [];
  // Longest first, so "Mary Ann" is masked before "Mary".
  return [name.trim(), ...name.split(/\s+/)].filter((part) => part.length >= 2).sort((a, b) => b.length - a.length);
}

/** A letter or digit of any script: a name inside a longer word is not that name. */
const WORD_CHARACTER = /[\p{L}\p{N}]/u;

/**
 * Replaces `word` wherever it stands alone, in any letter case. The boundary is checked per match
 * with one precompiled Unicode class: compiling a Unicode-aware pattern for every name took a
 * millisecond per answer.
 */
function maskWord(text: string, word: string, mask: string): string {
  return text.replace(new RegExp(escape(word), 'gi'), (match: string, offset: number) => {
    const before = [...text.slice(Math.max(offset - 2, 0), offset)].at(-1) ?? ' ';
    const after = String.fromCodePoint(text.codePointAt(offset + match.length) ?? 32);
    return WORD_CHARACTER.test(before) || WORD_CHARACTER.test(after) ? match : mask;
  });
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

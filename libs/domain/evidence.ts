import type { EvaluationInput, RequirementAlignment, RubricScore } from '../ports/evaluator.port.js';

/**
 * Evidence rules every evaluator's output passes through: a quote counts only if it appears
 * in the answers word for word (spacing, letter case and typographic quotes aside); a
 * requirement scored above 1 must rest on at least one such quote; the overall score is
 * derived from the requirement scores, never taken from the evaluator.
 */

/** Shorter than this a "quote" is a word, and any answer contains it. */
const MIN_QUOTE_LENGTH = 8;

const normalise = (text: string) =>
  text
    .replace(/[‘’‛`]/g, "'")
    .replace(/[“”„]/g, '"')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();

/** Strips the wrapping an evaluator tends to add around a quote: quotation marks and ellipses. */
const unwrap = (quote: string) => quote.trim().replace(/^["'“‘«…\s]+|["'”’»…\s]+$/g, '').replace(/^\.\.\.|\.\.\.$/g, '').trim();

export function appearsVerbatim(quote: string, answers: string[]): boolean {
  const needle = normalise(unwrap(quote));
  if (needle.length < MIN_QUOTE_LENGTH) return false;
  return answers.some((answer) => normalise(answer).includes(needle));
}

export interface ProposedAlignment {
  requirement: string;
  score: number;
  evidence: string[];
  rationale: string;
}

/**
 * One entry per job requirement, in the job's order. Unknown requirements are ignored,
 * missing ones score 1, unsupported quotes are dropped, and a score without surviving
 * evidence falls to 1.
 */
export function groundAlignment(
  input: EvaluationInput,
  proposed: ProposedAlignment[],
): { alignment: RequirementAlignment[]; droppedQuotes: string[] } {
  const answers = input.answers.map((a) => a.answer);
  const droppedQuotes: string[] = [];
  const byRequirement = new Map(proposed.map((p) => [p.requirement.trim().toLowerCase(), p]));
  const alignment = input.job.requirements.map((requirement): RequirementAlignment => {
    const entry = byRequirement.get(requirement.trim().toLowerCase());
    if (!entry) return { requirement, score: 1, evidence: [], rationale: 'The evaluator did not assess this requirement.' };
    const evidence: string[] = [];
    for (const quote of entry.evidence) {
      if (appearsVerbatim(quote, answers)) evidence.push(unwrap(quote));
      else droppedQuotes.push(quote);
    }
    const supported = evidence.length > 0;
    const score = supported ? clampScore(entry.score) : 1;
    const rationale =
      supported || entry.evidence.length === 0
        ? entry.rationale
        : `${entry.rationale} (Scored 1: none of the quoted evidence appears in the answers.)`;
    return { requirement, score, evidence: [...new Set(evidence)], rationale };
  });
  return { alignment, droppedQuotes };
}

export function overallScore(alignment: RequirementAlignment[]): number {
  if (alignment.length === 0) return 1;
  const mean = alignment.reduce((sum, a) => sum + a.score, 0) / alignment.length;
  return Math.round(mean * 10) / 10;
}

function clampScore(score: number): RubricScore {
  const rounded = Math.round(Number.isFinite(score) ? score : 1);
  return Math.min(5, Math.max(1, rounded)) as RubricScore;
}

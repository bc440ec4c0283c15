import { groundAlignment, overallScore, type ProposedAlignment } from '../domain/evidence.js';
import type { Evaluation, EvaluationInput, InterviewEvaluator, RequirementAlignment } from '../ports/evaluator.port.js';

/**
 * The offline evaluator: deterministic, explainable, and blind by design. A requirement is
 * evidenced by the sentences that name it; the score grows with hands-on verbs, stated
 * durations or scale, and mentions across answers. Nothing else in the text counts, so
 * names, pronouns, spelling variants and dialect words cannot move a score.
 */

export const LOCAL_PROMPT_VERSION = 'local-rubric/v1';
const LOCAL_MODEL = 'hireflow-local-evaluator';
const RUBRIC = `${LOCAL_PROMPT_VERSION}: per requirement, 1 when no sentence names it; otherwise 2, +1 for a hands-on verb, +1 for a stated duration or scale, +1 when named in two or more sentences (at most 5). Evidence: up to two sentences naming it, verbatim.`;

const HANDS_ON =
  /\b(built|build|building|developed|develop|designed|implemented|shipped|led|lead|maintained|migrated|architected|created|deployed|wrote|written|optimi[sz]ed|delivered|managed|refactored|automated|launched|owned|integrated|tested|scaled|set up|rewrote|ran)\b/i;
const DURATION_OR_SCALE =
  /\b(\d+(\.\d+)?\+?\s*(years?|yrs?|months?)|(one|two|three|four|five|six|seven|eight|nine|ten|several|many)\s+years?|\d[\d,.]*\s*(k|m)?\s*(users|customers|clients|requests|projects|apps|sites|dashboards|teams?|people|engineers|%))\b|\d+%/i;
const MAX_QUOTES = 2;

/** Lowercase; a dot inside a name is dropped ("Node.js" matches "nodejs"), other punctuation separates words. */
const canonical = (text: string) =>
  text
    .toLowerCase()
    .replace(/(\w)\.(?=\w)/g, '$1')
    .replace(/[^\p{L}\p{N}+#]+/gu, ' ')
    .trim();

export function sentencesOf(text: string): string[] {
  return text
    .split(/(?<=[.!?])\s+|\n+/)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

function mentions(sentence: string, requirement: string): boolean {
  const needle = canonical(requirement);
  if (!needle) return false;
  return ` ${canonical(sentence)} `.includes(` ${needle} `);
}

export function scoreRequirement(requirement: string, sentences: string[]): ProposedAlignment {
  const evidence = sentences.filter((s) => mentions(s, requirement));
  if (evidence.length === 0) {
    return { requirement, score: 1, evidence: [], rationale: `No answer mentions ${requirement}.` };
  }
  const handsOn = evidence.some((s) => HANDS_ON.test(s));
  const scale = evidence.some((s) => DURATION_OR_SCALE.test(s));
  const repeated = evidence.length >= 2;
  const score = 2 + Number(handsOn) + Number(scale) + Number(repeated);
  const reasons = [
    `named in ${evidence.length} sentence${evidence.length === 1 ? '' : 's'}`,
    handsOn ? 'with hands-on work' : 'without hands-on work described',
    ...(scale ? ['with a stated duration or scale'] : []),
  ];
  return { requirement, score, evidence: evidence.slice(0, MAX_QUOTES), rationale: `${requirement}: ${reasons.join(', ')}.` };
}

export function summarise(alignment: RequirementAlignment[]): string {
  const evidenced = alignment.filter((a) => a.score > 1);
  const missing = alignment.filter((a) => a.score === 1).map((a) => a.requirement);
  const parts: string[] = [];
  if (evidenced.length > 0) {
    parts.push(`Describes experience with ${evidenced.map((a) => `${a.requirement} (${a.score}/5)`).join(', ')}.`);
  } else {
    parts.push('The answers describe no experience with the listed requirements.');
  }
  if (missing.length > 0 && evidenced.length > 0) parts.push(`No evidence for ${missing.join(', ')}.`);
  return parts.join(' ');
}

export class LocalEvaluator implements InterviewEvaluator {
  readonly name = 'local' as const;

  async evaluate(input: EvaluationInput): Promise<Evaluation> {
    const sentences = input.answers.flatMap((a) => sentencesOf(a.answer));
    const proposed = input.job.requirements.map((requirement) => scoreRequirement(requirement, sentences));
    // The same evidence rules as any other evaluator, so both produce the same shape.
    const { alignment, droppedQuotes } = groundAlignment(input, proposed);
    return {
      summary: summarise(alignment),
      score: overallScore(alignment),
      alignment,
      droppedQuotes,
      evaluator: { provider: 'local', model: LOCAL_MODEL, promptVersion: LOCAL_PROMPT_VERSION, prompt: RUBRIC },
    };
  }
}

import type { EvaluationInput } from '../ports/evaluator.port.js';

/**
 * The instructions an LLM evaluator gets. The version is stored with every result, so a
 * score can always be traced to the exact rubric that produced it; change the text, bump
 * the version.
 */
export const PROMPT_VERSION = 'interview-evaluation/v1';

export const SYSTEM_PROMPT = `You assess how well a freelancer's instant-interview answers match a client's job requirements.

Judge only the skills and work experience the answers describe. Ignore writing style, fluency, grammar, dialect, accent markers, names, pronouns, places and anything else about who the person is. Masked details appear as [name], [email], [phone], [link], [handle] or [location]; never guess them.

Score every requirement from the list, using its exact text, on this rubric:
1 = no evidence in the answers
2 = mentioned, without concrete experience
3 = some relevant hands-on experience
4 = solid, specific experience (named projects, responsibilities or outcomes)
5 = extensive, specific and recent experience clearly matching the requirement

For each requirement give 0–3 evidence quotes copied word for word from the answers (no paraphrase, no ellipses, no added words). A score above 1 needs at least one quote; quotes that are not in the answers are discarded and the score drops to 1. Give a one-sentence rationale per requirement and a neutral summary of at most three sentences about the experience described.`;

/** Structured-output schema: strict mode needs every property required and no extras. */
export const EVALUATION_JSON_SCHEMA = {
  type: 'object',
  additionalProperties: false,
  required: ['summary', 'requirements'],
  properties: {
    summary: { type: 'string' },
    requirements: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['requirement', 'score', 'evidence', 'rationale'],
        properties: {
          requirement: { type: 'string' },
          score: { type: 'integer', enum: [1, 2, 3, 4, 5] },
          evidence: { type: 'array', items: { type: 'string' } },
          rationale: { type: 'string' },
        },
      },
    },
  },
} as const;

export function evaluationMessages(input: EvaluationInput): { role: 'system' | 'user'; content: string }[] {
  const user = {
    job: input.job,
    interview: input.answers.map((a, i) => ({ question_number: i + 1, question: a.question, answer: a.answer })),
  };
  return [
    { role: 'system', content: SYSTEM_PROMPT },
    { role: 'user', content: JSON.stringify(user, null, 2) },
  ];
}

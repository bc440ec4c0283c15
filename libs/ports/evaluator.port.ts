/**
 * The evaluator port. Input is blind by construction: the job's requirements and the
 * freelancer's answers, with personal details already masked — never a name, email,
 * location, photo or voice. OpenAI (or any compatible server) and a deterministic local
 * evaluator sit behind it, chosen by configuration.
 */

export interface EvaluationInput {
  job: { title: string; description: string; requirements: string[] };
  answers: { question: string; answer: string }[];
}

/** 1: no evidence · 2: mentioned without substance · 3: some relevant experience · 4: solid, specific experience · 5: extensive, specific, recent. */
export type RubricScore = 1 | 2 | 3 | 4 | 5;

export interface RequirementAlignment {
  requirement: string;
  score: RubricScore;
  /** Quotes taken verbatim from the answers; a score above 1 always rests on at least one. */
  evidence: string[];
  rationale: string;
}

export interface Evaluation {
  summary: string;
  /** Mean of the requirement scores, one decimal, 1–5. */
  score: number;
  alignment: RequirementAlignment[];
  /** Which evaluator produced this, with what model and prompt: stored beside the result. */
  evaluator: { provider: 'openai' | 'local'; model: string; promptVersion: string; prompt: string };
  /** Quotes the evaluator offered that do not appear in the answers; dropped from `alignment`. */
  droppedQuotes: string[];
}

export interface InterviewEvaluator {
  readonly name: 'openai' | 'local';
  evaluate(input: EvaluationInput): Promise<Evaluation>;
}

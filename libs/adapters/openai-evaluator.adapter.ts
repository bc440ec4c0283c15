import OpenAI from 'openai';
import { z } from 'zod';
import { UpstreamRejectedError } from '../domain/errors.js';
import { groundAlignment, overallScore } from '../domain/evidence.js';
import type { Evaluation, EvaluationInput, InterviewEvaluator } from '../ports/evaluator.port.js';
import { EVALUATION_JSON_SCHEMA, PROMPT_VERSION, evaluationMessages } from './evaluation-prompt.js';
import { classifyUpstreamError } from './upstream-errors.js';

export interface OpenAiEvaluatorOptions {
  apiKey: string;
  /** Any OpenAI-compatible server (vLLM, Ollama, llama.cpp, a proxy); the SDK default otherwise. */
  baseUrl?: string;
  model: string;
  timeoutMs: number;
}

const ResponseSchema = z.object({
  summary: z.string().max(4_000),
  requirements: z
    .array(
      z.object({
        requirement: z.string(),
        score: z.number(),
        evidence: z.array(z.string()).max(10),
        rationale: z.string().max(2_000),
      }),
    )
    .max(100),
});

/**
 * Scores answers with a chat model and a written rubric, using a JSON-schema response format.
 * The model's quotes are checked against the answers and its overall score is recomputed,
 * so what is stored never rests on text the freelancer did not say.
 */
export class OpenAiEvaluator implements InterviewEvaluator {
  readonly name = 'openai' as const;
  private readonly client: OpenAI;

  constructor(private readonly options: OpenAiEvaluatorOptions) {
    // Retries belong to the activity (Temporal backoff, visible in history), not to the SDK.
    this.client = new OpenAI({ apiKey: options.apiKey, baseURL: options.baseUrl ?? null, timeout: options.timeoutMs, maxRetries: 0 });
  }

  async evaluate(input: EvaluationInput): Promise<Evaluation> {
    const messages = evaluationMessages(input);
    const completion = await this.client.chat.completions
      .create({
        model: this.options.model,
        messages,
        temperature: 0,
        response_format: {
          type: 'json_schema',
          json_schema: { name: 'interview_evaluation', strict: true, schema: EVALUATION_JSON_SCHEMA },
        },
      })
      .catch((error: unknown) => {
        throw classifyUpstreamError('OpenAI', error);
      });

    const message = completion.choices[0]?.message;
    if (!message?.content) {
      throw new UpstreamRejectedError('OpenAI', undefined, message?.refusal ? `the model refused: ${message.refusal}` : 'the response had no content');
    }
    const parsed = ResponseSchema.safeParse(parseJson(message.content));
    if (!parsed.success) {
      throw new UpstreamRejectedError('OpenAI', undefined, `the response does not match the evaluation schema: ${parsed.error.message}`);
    }
    const { alignment, droppedQuotes } = groundAlignment(input, parsed.data.requirements);
    return {
      summary: parsed.data.summary,
      score: overallScore(alignment),
      alignment,
      droppedQuotes,
      evaluator: {
        provider: 'openai',
        // The server's answer names the exact model snapshot; the configured name is an alias.
        model: completion.model || this.options.model,
        promptVersion: PROMPT_VERSION,
        prompt: JSON.stringify(messages),
      },
    };
  }
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

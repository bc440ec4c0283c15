import { z } from 'zod';

export const AnswerSchema = z.strictObject({
  questionIndex: z.number().int().min(0).max(50),
  /** The transcript of the answer: typed, or transcribed by the client from its recording. */
  text: z.string().trim().min(1).max(10_000),
});
export type Answer = z.infer<typeof AnswerSchema>;

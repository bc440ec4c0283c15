import { z } from 'zod';

export const CreateAccountSchema = z.strictObject({
  role: z.enum(['client', 'freelancer']),
  displayName: z.string().trim().min(1).max(120),
  skills: z.array(z.string().trim().min(1).max(60)).max(50).optional(),
});
export type CreateAccount = z.infer<typeof CreateAccountSchema>;

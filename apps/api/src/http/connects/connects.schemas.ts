import { z } from 'zod';

export const PurchaseSchema = z.strictObject({
  quantity: z.number().int().min(1).max(10_000),
});
export type Purchase = z.infer<typeof PurchaseSchema>;

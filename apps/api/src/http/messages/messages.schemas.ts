import { z } from 'zod';
import { PageQuery, UuidSchema } from '../jobs/jobs.schemas.js';

export const PostMessageSchema = z.strictObject({ body: z.string().trim().min(1).max(10_000) });
export type PostMessage = z.infer<typeof PostMessageSchema>;

/** Newest first; `after` is the `nextCursor` of the previous page. */
export const MessagesQuerySchema = z.strictObject({ ...PageQuery });
export type MessagesQuery = z.infer<typeof MessagesQuerySchema>;

/** Without `upTo`, every message to the caller is marked read. */
export const MarkReadSchema = z.strictObject({ upTo: UuidSchema.optional() }).optional();
export type MarkRead = z.infer<typeof MarkReadSchema>;

export const FlagMessageSchema = z.strictObject({ reason: z.string().trim().min(1).max(2_000) });
export type FlagMessage = z.infer<typeof FlagMessageSchema>;

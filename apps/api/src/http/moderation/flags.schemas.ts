import { z } from 'zod';
import { PageQuery } from '../jobs/jobs.schemas.js';

export const FlagsQuerySchema = z.strictObject({ ...PageQuery });
export type FlagsQuery = z.infer<typeof FlagsQuerySchema>;

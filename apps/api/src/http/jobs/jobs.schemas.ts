import { z } from 'zod';
import { CLIENT_TABS } from '../../../../../libs/db/repositories/proposals.repository.js';

export const UuidSchema = z.uuid({ message: 'must be a UUID' });

export const CreateJobSchema = z.strictObject({
  title: z.string().trim().min(3).max(200),
  description: z.string().trim().min(1).max(20_000),
  skills: z.array(z.string().trim().min(1).max(60)).max(30),
  connectsCost: z.number().int().min(0).max(100),
  openings: z.number().int().min(1).max(100).optional(),
  interview: z
    .strictObject({
      questions: z.array(z.string().trim().min(5).max(1_000)).min(1).max(10),
    })
    .optional(),
});
export type CreateJob = z.infer<typeof CreateJobSchema>;

export const PageQuery = {
  limit: z.coerce.number().int().min(1).max(200).default(50),
  after: UuidSchema.optional(),
};

export const JobProposalsQuerySchema = z.strictObject({ tab: z.enum(CLIENT_TABS).default('all'), ...PageQuery });
export type JobProposalsQuery = z.infer<typeof JobProposalsQuerySchema>;

export const JobsQuerySchema = z.strictObject({
  status: z.enum(['open', 'filled', 'cancelled', 'expired']).default('open'),
  mine: z.enum(['true', 'false']).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type JobsQuery = z.infer<typeof JobsQuerySchema>;

import { z } from 'zod';
import { FREELANCER_TABS } from '../../../../../libs/db/repositories/proposals.repository.js';
import { PageQuery } from '../jobs/jobs.schemas.js';

const money = z.number().positive().max(1_000_000).multipleOf(0.01);
const text = (max: number) => z.string().trim().min(1).max(max);

export const BidSchema = z.strictObject({ type: z.enum(['hourly', 'fixed']), amount: money });
export const AttachmentSchema = z.strictObject({ name: text(200), url: z.url().max(2_000) });

export const SubmitSchema = z.strictObject({
  bid: BidSchema,
  coverLetter: text(5_000).optional(),
  notes: text(5_000).optional(),
  attachments: z.array(AttachmentSchema).max(10).optional(),
});
export type Submit = z.infer<typeof SubmitSchema>;

export const EditSchema = z
  .strictObject({
    bid: BidSchema.optional(),
    coverLetter: text(5_000).optional(),
    notes: text(5_000).optional(),
    attachments: z.array(AttachmentSchema).max(10).optional(),
  })
  .refine((edit) => Object.keys(edit).length > 0, 'name at least one of bid, coverLetter, notes, attachments');
export type Edit = z.infer<typeof EditSchema>;

export const ReasonSchema = z.strictObject({ reason: text(2_000) });
export type Reason = z.infer<typeof ReasonSchema>;

export const OptionalReasonSchema = z.strictObject({ reason: text(2_000).optional() }).optional();
export type OptionalReason = z.infer<typeof OptionalReasonSchema>;

export const FlagSchema = z.strictObject({ value: z.boolean().default(true) }).optional();
export type Flag = z.infer<typeof FlagSchema>;

export const FreelancerProposalsQuerySchema = z.strictObject({ tab: z.enum(FREELANCER_TABS).default('all'), ...PageQuery });
export type FreelancerProposalsQuery = z.infer<typeof FreelancerProposalsQuerySchema>;

const MilestoneSchema = z.strictObject({ description: text(500), amount: money });

export const OfferTermsSchema = z
  .strictObject({
    type: z.enum(['hourly', 'fixed']),
    rate: money.optional(),
    weeklyLimit: z.number().int().min(1).max(168).optional(),
    amount: money.optional(),
    milestones: z.array(MilestoneSchema).max(20).optional(),
    startDate: z.iso.date().optional(),
    description: text(5_000),
  })
  .superRefine((terms, ctx) => {
    if (terms.type === 'hourly' && terms.rate === undefined) {
      ctx.addIssue({ code: 'custom', path: ['rate'], message: 'an hourly offer needs a rate' });
    }
    if (terms.type === 'fixed' && terms.amount === undefined) {
      ctx.addIssue({ code: 'custom', path: ['amount'], message: 'a fixed-price offer needs an amount' });
    }
    if (terms.type === 'fixed' && terms.milestones && terms.amount !== undefined) {
      const total = terms.milestones.reduce((sum, m) => sum + m.amount, 0);
      if (Math.abs(total - terms.amount) > 0.001) {
        ctx.addIssue({ code: 'custom', path: ['milestones'], message: `milestones add up to ${total}, not the amount ${terms.amount}` });
      }
    }
  });

export const OfferSchema = z.strictObject({ terms: OfferTermsSchema });
export type OfferBody = z.infer<typeof OfferSchema>;

export const RequestChangesSchema = z.strictObject({ terms: OfferTermsSchema, message: text(2_000).optional() });
export type RequestChanges = z.infer<typeof RequestChangesSchema>;

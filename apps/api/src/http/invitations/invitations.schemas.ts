import { z } from 'zod';
import { FREELANCER_INVITATION_TABS } from '../../../../../libs/db/repositories/invitations.repository.js';
import { DECLINE_REASONS } from '../../../../../workflows/invitation.rules.js';
import { PageQuery, UuidSchema } from '../jobs/jobs.schemas.js';

const text = (max: number) => z.string().trim().min(1).max(max);

export const InviteSchema = z.strictObject({
  freelancerId: UuidSchema,
  message: text(5_000).optional(),
});
export type Invite = z.infer<typeof InviteSchema>;

export const DeclineInvitationSchema = z.strictObject({
  reasons: z
    .array(z.enum(DECLINE_REASONS))
    .min(1, 'name at least one reason for declining')
    .max(DECLINE_REASONS.length)
    .transform((reasons) => [...new Set(reasons)]),
  message: text(2_000).optional(),
});
export type DeclineInvitation = z.infer<typeof DeclineInvitationSchema>;

/** Freelancers read the pending, accepted, declined and archived tabs; clients the invitations they sent. */
export const INVITATION_TABS = [...FREELANCER_INVITATION_TABS, 'sent'] as const;

export const InvitationsQuerySchema = z.strictObject({
  tab: z.enum(INVITATION_TABS).optional(),
  jobId: UuidSchema.optional(),
  ...PageQuery,
});
export type InvitationsQuery = z.infer<typeof InvitationsQuerySchema>;

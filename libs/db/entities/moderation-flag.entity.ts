import { defineEntity, p } from '@mikro-orm/core';
import type { FieldFinding } from '../../domain/moderation/index.js';

export type FlagSubject = 'message' | 'proposal' | 'job' | 'invitation';

/** Content put in front of ops: reported by a participant, or stored redacted by moderation (no reporter). */
const ModerationFlagSchema = defineEntity({
  name: 'ModerationFlag',
  tableName: 'moderation_flags',
  properties: {
    id: p.uuid().primary(),
    subjectType: p.string().$type<FlagSubject>(),
    subjectId: p.uuid(),
    proposalId: p.uuid().nullable(),
    reporterId: p.uuid().nullable(),
    reason: p.text(),
    findings: p.json<FieldFinding[]>(),
    excerpt: p.text().nullable(),
    createdAt: p.datetime().onCreate(() => new Date()),
  },
});

export class ModerationFlag extends ModerationFlagSchema.class {}
ModerationFlagSchema.setClass(ModerationFlag);
export { ModerationFlagSchema };

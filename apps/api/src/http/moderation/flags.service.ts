import { Injectable } from '@nestjs/common';
import type { ModerationFlag } from '../../../../../libs/db/entities/moderation-flag.entity.js';
import { ModerationFlagsRepository } from '../../../../../libs/db/repositories/index.js';
import type { FlagsQuery } from './flags.schemas.js';

export function presentFlag(flag: ModerationFlag) {
  return {
    id: flag.id,
    subjectType: flag.subjectType,
    subjectId: flag.subjectId,
    proposalId: flag.proposalId,
    reporterId: flag.reporterId,
    automatic: flag.reporterId === null,
    reason: flag.reason,
    findings: flag.findings,
    excerpt: flag.excerpt,
    createdAt: flag.createdAt,
  };
}

/** What ops review: participants' reports and content moderation stored redacted. */
@Injectable()
export class FlagsService {
  constructor(private readonly flags: ModerationFlagsRepository) {}

  async list(query: FlagsQuery) {
    const rows = await this.flags.list(query);
    return { items: rows.map(presentFlag), nextCursor: rows.length === query.limit ? rows.at(-1)!.id : null };
  }
}

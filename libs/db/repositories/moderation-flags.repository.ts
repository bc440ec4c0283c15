import { randomUUID } from 'node:crypto';
import type { MikroORM } from '@mikro-orm/postgresql';
import { AlreadyExistsError } from '../../domain/errors.js';
import type { FieldFinding } from '../../domain/moderation/index.js';
import { ModerationFlag, type FlagSubject } from '../entities/moderation-flag.entity.js';

export interface NewFlag {
  subjectType: FlagSubject;
  subjectId: string;
  proposalId?: string | null;
  /** Null for flags raised by moderation itself. */
  reporterId: string | null;
  reason: string;
  findings?: FieldFinding[];
  excerpt?: string | null;
}

/** Flags for ops to review; a participant flags a given message once. */
export class ModerationFlagsRepository {
  constructor(private readonly orm: MikroORM) {}

  async record(flag: NewFlag): Promise<ModerationFlag> {
    const em = this.orm.em.fork();
    const id = randomUUID();
    const inserted = await em.execute<{ id: string }[]>(
      `insert into moderation_flags (id, subject_type, subject_id, proposal_id, reporter_id, reason, findings, excerpt)
       values (?, ?, ?, ?, ?, ?, ?, ?) on conflict (subject_type, subject_id, reporter_id) do nothing returning id`,
      [id, flag.subjectType, flag.subjectId, flag.proposalId ?? null, flag.reporterId, flag.reason, JSON.stringify(flag.findings ?? []), flag.excerpt ?? null],
    );
    if (inserted.length === 0) throw new AlreadyExistsError(`you already flagged this ${flag.subjectType}`);
    return em.findOneOrFail(ModerationFlag, { id });
  }

  /** Newest first; `after` is the last flag of the previous page. */
  async list(page: { limit: number; after?: string }): Promise<ModerationFlag[]> {
    const em = this.orm.em.fork();
    const cursor = page.after ? await em.findOne(ModerationFlag, { id: page.after }) : null;
    const where = cursor
      ? { $or: [{ createdAt: { $lt: cursor.createdAt } }, { createdAt: cursor.createdAt, id: { $lt: cursor.id } }] }
      : {};
    return em.find(ModerationFlag, where, { orderBy: [{ createdAt: 'desc' }, { id: 'desc' }], limit: page.limit });
  }
}

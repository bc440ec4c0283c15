import type { MikroORM } from '@mikro-orm/postgresql';

export interface OpsAuditEntry {
  opsAccountId: string;
  action: string;
  targetType: string;
  targetId: string;
  reason: string | null;
  outcome: 'succeeded' | 'refused' | 'failed';
  status: number;
}

/** Append-only record of what operations staff did. */
export class OpsAuditRepository {
  constructor(private readonly orm: MikroORM) {}

  async record(entry: OpsAuditEntry): Promise<void> {
    await this.orm.em
      .fork()
      .execute(
        'insert into ops_audit (ops_account_id, action, target_type, target_id, reason, outcome, status) values (?, ?, ?, ?, ?, ?, ?)',
        [entry.opsAccountId, entry.action, entry.targetType, entry.targetId, entry.reason, entry.outcome, entry.status],
      );
  }

  list(target: { type: string; id: string }): Promise<(OpsAuditEntry & { createdAt: Date })[]> {
    return this.orm.em
      .fork()
      .execute(
        `select ops_account_id as "opsAccountId", action, target_type as "targetType", target_id as "targetId", reason, outcome, status,
           created_at as "createdAt" from ops_audit where target_type = ? and target_id = ? order by id`,
        [target.type, target.id],
      );
  }
}

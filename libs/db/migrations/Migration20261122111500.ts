import { Migration } from '@mikro-orm/migrations';

/** Every operations action, who took it, on what, why, and how it ended. */
export class Migration20261122111500 extends Migration {
  override up(): void {
    this.addSql(`create table "ops_audit" (
      "id" bigserial primary key,
      "ops_account_id" uuid not null references "accounts" ("id"),
      "action" varchar(100) not null,
      "target_type" varchar(50) not null,
      "target_id" varchar(255) not null,
      "reason" text null,
      "outcome" varchar(20) not null,
      "status" int not null,
      "created_at" timestamptz not null default now(),
      constraint "ops_audit_outcome_known" check ("outcome" in ('succeeded', 'refused', 'failed')));`);
    this.addSql(`create index "ops_audit_target_index" on "ops_audit" ("target_type", "target_id", "created_at");`);
  }
}

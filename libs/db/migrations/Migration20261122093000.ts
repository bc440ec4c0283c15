import { Migration } from '@mikro-orm/migrations';

/** Responses remembered per Idempotency-Key, so a retried POST is answered, not repeated. */
export class Migration20261122093000 extends Migration {
  override up(): void {
    this.addSql(`create table "idempotency_keys" (
      "scope" varchar(255) not null,
      "key" varchar(255) not null,
      "request_hash" varchar(64) not null,
      "state" varchar(16) not null default 'pending',
      "status" int null,
      "response" json null, -- json keeps the body byte for byte; jsonb would reorder keys
      "created_at" timestamptz not null default now(),
      primary key ("scope", "key"),
      constraint "idempotency_keys_state_known" check ("state" in ('pending', 'done')));`);
    this.addSql(`create index "idempotency_keys_created_at_index" on "idempotency_keys" ("created_at");`);
  }
}

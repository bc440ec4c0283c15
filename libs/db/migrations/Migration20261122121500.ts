import { Migration } from '@mikro-orm/migrations';

/**
 * When an Idempotency-Key claim was last renewed by the request holding it. A pending claim
 * nobody renews any more belongs to an API process that died mid-request; a repeat may take it over.
 */
export class Migration20261122121500 extends Migration {
  override up(): void {
    this.addSql(`alter table "idempotency_keys" add column "renewed_at" timestamptz not null default now();`);
  }
}

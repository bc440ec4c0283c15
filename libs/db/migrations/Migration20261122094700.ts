import { Migration } from '@mikro-orm/migrations';

/** The invitations read model: one row per invitation, written from its workflow. */
export class Migration20261122094700 extends Migration {
  override up(): void {
    this.addSql(`create table "invitations" ("id" uuid not null, "job_id" uuid not null references "jobs" ("id"), "client_id" uuid not null, "freelancer_id" uuid not null references "accounts" ("id"), "workflow_id" varchar(255) not null, "run_id" varchar(255) null, "status" varchar(255) not null, "message" text null, "decline_reasons" jsonb null, "decline_message" text null, "closed_reason" varchar(255) null, "proposal_id" uuid null, "sent_at" timestamptz not null, "expires_at" timestamptz not null, "reminded_at" timestamptz null, "responded_at" timestamptz null, "ended_at" timestamptz null, "last_transition_at" timestamptz not null, "version" int not null default 0, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), primary key ("id"),
      constraint "invitations_status_known" check ("status" in ('pending', 'accepted', 'declined', 'archived', 'withdrawn', 'expired', 'closed')));`);
    this.addSql(`create index "invitations_freelancer_id_status_id_index" on "invitations" ("freelancer_id", "status", "id");`);
    this.addSql(`create index "invitations_client_id_id_index" on "invitations" ("client_id", "id");`);
    this.addSql(`create index "invitations_job_id_status_id_index" on "invitations" ("job_id", "status", "id");`);
    // Response metrics read a freelancer's recent invitations by send time.
    this.addSql(`create index "invitations_freelancer_id_sent_at_index" on "invitations" ("freelancer_id", "sent_at");`);
  }

  override down(): void {
    this.addSql(`drop table if exists "invitations";`);
  }
}

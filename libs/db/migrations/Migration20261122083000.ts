import { Migration } from '@mikro-orm/migrations';

/** Accounts, the Connects ledger, jobs, and the proposal/offer/contract read models, plus the event outbox. */
export class Migration20261122083000 extends Migration {
  override up(): void {
    this.addSql(`create table "accounts" ("id" uuid not null, "role" varchar(255) not null, "display_name" varchar(255) not null, "skills" jsonb not null, "connects_balance" int not null default 0, "created_at" timestamptz not null default now(), primary key ("id"),
      constraint "accounts_connects_balance_not_negative" check ("connects_balance" >= 0),
      constraint "accounts_role_known" check ("role" in ('client', 'freelancer', 'ops')));`);

    this.addSql(`create table "ledger_entries" ("id" uuid not null, "account_id" uuid not null references "accounts" ("id"), "kind" varchar(255) not null, "amount" int not null, "balance_after" int not null, "reason" varchar(255) not null, "idempotency_key" varchar(255) not null, "job_id" uuid null, "proposal_id" uuid null, "created_at" timestamptz not null default now(), primary key ("id"),
      constraint "ledger_entries_kind_known" check ("kind" in ('grant', 'purchase', 'charge', 'refund')),
      constraint "ledger_entries_balance_after_not_negative" check ("balance_after" >= 0));`);
    this.addSql(`create index "ledger_entries_account_id_index" on "ledger_entries" ("account_id");`);
    this.addSql(`alter table "ledger_entries" add constraint "ledger_entries_idempotency_key_unique" unique ("idempotency_key");`);
    // Append-only: the ledger refuses updates and deletes outright.
    this.addSql(`create function "ledger_entries_append_only"() returns trigger language plpgsql as $$ begin raise exception 'ledger_entries is append-only'; end $$;`);
    this.addSql(`create trigger "ledger_entries_no_update" before update or delete on "ledger_entries" for each row execute function "ledger_entries_append_only"();`);

    this.addSql(`create table "jobs" ("id" uuid not null, "client_id" uuid not null references "accounts" ("id"), "title" varchar(255) not null, "description" text not null, "skills" jsonb not null, "connects_cost" int not null, "openings" int not null default 1, "interview_questions" jsonb null, "status" varchar(255) not null default 'open', "hired_count" int not null default 0, "workflow_id" varchar(255) not null, "last_activity_at" timestamptz not null, "created_at" timestamptz not null default now(), "closed_at" timestamptz null, primary key ("id"),
      constraint "jobs_connects_cost_not_negative" check ("connects_cost" >= 0),
      constraint "jobs_openings_positive" check ("openings" >= 1));`);
    this.addSql(`create index "jobs_client_id_index" on "jobs" ("client_id");`);
    this.addSql(`create index "jobs_status_index" on "jobs" ("status", "created_at");`);
    this.addSql(`alter table "jobs" add constraint "jobs_workflow_id_unique" unique ("workflow_id");`);

    this.addSql(`create table "proposals" ("id" uuid not null, "job_id" uuid not null references "jobs" ("id"), "freelancer_id" uuid not null references "accounts" ("id"), "client_id" uuid not null, "workflow_id" varchar(255) not null, "stage" varchar(255) not null, "waiting_on" varchar(255) not null, "shortlisted" boolean not null default false, "archived" boolean not null default false, "invited" boolean not null default false, "interview_required" boolean not null default false, "interview_status" varchar(255) not null default 'not_started', "bid" jsonb null, "cover_letter" text null, "notes" text null, "attachments" jsonb not null default '[]', "connects_charged" int not null default 0, "connects_refunded" int not null default 0, "decline_reason" text null, "withdraw_reason" text null, "closed_reason" varchar(255) null, "offer_id" uuid null, "contract_id" uuid null, "submitted_at" timestamptz null, "viewed_at" timestamptz null, "last_transition_at" timestamptz not null, "version" int not null default 0, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), primary key ("id"));`);
    this.addSql(`create index "proposals_client_id_index" on "proposals" ("client_id");`);
    this.addSql(`alter table "proposals" add constraint "proposals_workflow_id_unique" unique ("workflow_id");`);
    this.addSql(`create index "proposals_job_id_stage_index" on "proposals" ("job_id", "stage");`);
    this.addSql(`create index "proposals_freelancer_id_stage_index" on "proposals" ("freelancer_id", "stage");`);
    this.addSql(`alter table "proposals" add constraint "proposals_job_id_freelancer_id_unique" unique ("job_id", "freelancer_id");`);

    this.addSql(`create table "offers" ("id" uuid not null, "proposal_id" uuid not null references "proposals" ("id"), "terms" jsonb not null, "status" varchar(255) not null, "sent_at" timestamptz not null, "expires_at" timestamptz not null, "requested_changes" jsonb null, "version" int not null default 0, primary key ("id"));`);
    this.addSql(`create index "offers_proposal_id_index" on "offers" ("proposal_id");`);

    this.addSql(`create table "contracts" ("id" uuid not null, "proposal_id" uuid not null references "proposals" ("id"), "offer_id" uuid not null, "job_id" uuid not null references "jobs" ("id"), "client_id" uuid not null, "freelancer_id" uuid not null, "terms" jsonb not null, "started_at" timestamptz not null default now(), primary key ("id"));`);
    this.addSql(`alter table "contracts" add constraint "contracts_proposal_id_unique" unique ("proposal_id");`);
    this.addSql(`create index "contracts_job_id_index" on "contracts" ("job_id");`);

    this.addSql(`create table "events" ("id" bigserial primary key, "recipient_id" uuid not null, "type" varchar(255) not null, "payload" jsonb not null, "dedupe_key" varchar(255) not null, "created_at" timestamptz not null default now());`);
    this.addSql(`alter table "events" add constraint "events_dedupe_key_unique" unique ("dedupe_key");`);
    this.addSql(`create index "events_recipient_id_id_index" on "events" ("recipient_id", "id");`);
  }
}

import { Migration } from '@mikro-orm/migrations';

/**
 * Message threads (bodies live here, never in workflow history), moderation flags, and a
 * NOTIFY on every outbox insert so the API can push events without polling for each one.
 */
export class Migration20261122101500 extends Migration {
  override up(): void {
    // One row per proposal thread: who the parties are, whether the client opened it, and the
    // last message, so the reminder sweep reads only threads awaiting an answer.
    this.addSql(`create table "message_threads" ("proposal_id" uuid not null references "proposals" ("id"), "client_id" uuid not null, "freelancer_id" uuid not null, "client_opened_at" timestamptz null, "last_message_id" uuid null, "last_seq" bigint not null default 0, "last_sender_id" uuid null, "last_message_at" timestamptz null, "reminder_due" boolean not null default false, "message_count" int not null default 0, "created_at" timestamptz not null default now(), primary key ("proposal_id"));`);
    this.addSql(`create index "message_threads_reminder_due_index" on "message_threads" ("last_message_at") where "reminder_due";`);

    this.addSql(`create table "messages" ("id" uuid not null, "seq" bigint generated always as identity, "proposal_id" uuid not null references "message_threads" ("proposal_id"), "sender_id" uuid not null references "accounts" ("id"), "recipient_id" uuid not null references "accounts" ("id"), "body" text not null, "flagged" boolean not null default false, "redacted" boolean not null default false, "read_at" timestamptz null, "reminded_at" timestamptz null, "created_at" timestamptz not null default now(), primary key ("id"));`);
    // Pages are read newest first by position in the thread.
    this.addSql(`create unique index "messages_proposal_id_seq_index" on "messages" ("proposal_id", "seq");`);
    this.addSql(`create index "messages_unread_index" on "messages" ("proposal_id", "recipient_id", "seq") where "read_at" is null;`);

    // A participant's report, or an automatic one (no reporter) for content stored redacted.
    this.addSql(`create table "moderation_flags" ("id" uuid not null, "subject_type" varchar(255) not null, "subject_id" uuid not null, "proposal_id" uuid null, "reporter_id" uuid null references "accounts" ("id"), "reason" text not null, "findings" jsonb not null default '[]', "excerpt" text null, "created_at" timestamptz not null default now(), primary key ("id"),
      constraint "moderation_flags_subject_type_known" check ("subject_type" in ('message', 'proposal', 'job', 'invitation')));`);
    this.addSql(`alter table "moderation_flags" add constraint "moderation_flags_subject_reporter_unique" unique ("subject_type", "subject_id", "reporter_id");`);
    this.addSql(`create index "moderation_flags_created_at_index" on "moderation_flags" ("created_at", "id");`);

    // Delivered at commit, so a listener never sees an event that could still roll back.
    this.addSql(`create function "events_notify"() returns trigger language plpgsql as $$ begin perform pg_notify('hireflow_events', new.recipient_id::text); return null; end $$;`);
    this.addSql(`create trigger "events_notify" after insert on "events" for each row execute function "events_notify"();`);
  }

  override down(): void {
    this.addSql(`drop trigger if exists "events_notify" on "events";`);
    this.addSql(`drop function if exists "events_notify"();`);
    this.addSql(`drop table if exists "moderation_flags";`);
    this.addSql(`drop table if exists "messages";`);
    this.addSql(`drop table if exists "message_threads";`);
  }
}

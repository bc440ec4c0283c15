import { Migration } from '@mikro-orm/migrations';

/** Instant interview artefacts: one row per attempt, written by the interview workflow. */
export class Migration20261122104530 extends Migration {
  override up(): void {
    this.addSql(`create table "interviews" ("id" uuid not null, "workflow_id" varchar(255) not null, "proposal_id" uuid not null references "proposals" ("id"), "job_id" uuid not null references "jobs" ("id"), "freelancer_id" uuid not null references "accounts" ("id"), "attempt" int not null, "status" varchar(255) not null, "questions" jsonb not null, "transcript" jsonb not null default '[]', "summary" text null, "score" numeric(2,1) null, "alignment" jsonb null, "dropped_quotes" jsonb null, "evaluator_provider" varchar(255) null, "model" varchar(255) null, "prompt_version" varchar(255) null, "prompt" text null, "video" jsonb not null, "failure" jsonb null, "evaluation_runs" int not null default 0, "ended_by" varchar(255) null, "started_at" timestamptz null, "completed_at" timestamptz null, "evaluated_at" timestamptz null, "version" int not null default 0, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), primary key ("id"),
      constraint "interviews_status_known" check ("status" in ('created', 'started', 'completed', 'evaluating', 'evaluated', 'failed')),
      constraint "interviews_score_in_range" check ("score" is null or ("score" >= 1 and "score" <= 5)));`);
    this.addSql(`alter table "interviews" add constraint "interviews_workflow_id_unique" unique ("workflow_id");`);
    this.addSql(`alter table "interviews" add constraint "interviews_proposal_id_attempt_unique" unique ("proposal_id", "attempt");`);
  }
}

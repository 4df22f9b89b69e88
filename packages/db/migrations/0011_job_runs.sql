CREATE TABLE "job_runs" (
	"name" text PRIMARY KEY NOT NULL,
	"leased_by" text,
	"leased_until" timestamp with time zone,
	"last_started_at" timestamp with time zone,
	"last_finished_at" timestamp with time zone,
	"last_error" text,
	"run_count" integer DEFAULT 0 NOT NULL
);

CREATE TABLE "benchmark_batches" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"year" integer NOT NULL,
	"number" integer NOT NULL,
	"title" text NOT NULL,
	"issuer" text NOT NULL,
	"entry_count" integer NOT NULL,
	"published_at" timestamp with time zone NOT NULL,
	"published_by" uuid
);
--> statement-breakpoint
CREATE TABLE "benchmark_entries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"batch_id" uuid NOT NULL,
	"seq" integer NOT NULL,
	"version" integer NOT NULL,
	"is_current" boolean NOT NULL,
	"submission_id" uuid NOT NULL,
	"name" text NOT NULL,
	"issuer" text NOT NULL,
	"sector" text NOT NULL,
	"region_code" text,
	"results_text" text NOT NULL,
	"acceptance_report" text,
	"winner" text,
	"erratum" text,
	"published_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid
);
--> statement-breakpoint
ALTER TABLE "benchmark_batches" ADD CONSTRAINT "benchmark_batches_published_by_users_id_fk" FOREIGN KEY ("published_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "benchmark_entries" ADD CONSTRAINT "benchmark_entries_batch_id_benchmark_batches_id_fk" FOREIGN KEY ("batch_id") REFERENCES "public"."benchmark_batches"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "benchmark_entries" ADD CONSTRAINT "benchmark_entries_submission_id_submissions_id_fk" FOREIGN KEY ("submission_id") REFERENCES "public"."submissions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "benchmark_entries" ADD CONSTRAINT "benchmark_entries_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "benchmark_batches_year_number_uq" ON "benchmark_batches" USING btree ("year","number");--> statement-breakpoint
CREATE INDEX "benchmark_batches_published_idx" ON "benchmark_batches" USING btree ("published_at");--> statement-breakpoint
CREATE UNIQUE INDEX "benchmark_entries_version_uq" ON "benchmark_entries" USING btree ("batch_id","seq","version");--> statement-breakpoint
CREATE UNIQUE INDEX "benchmark_entries_submission_uq" ON "benchmark_entries" USING btree ("submission_id","version");--> statement-breakpoint
CREATE INDEX "benchmark_entries_batch_idx" ON "benchmark_entries" USING btree ("batch_id","seq");--> statement-breakpoint
-- A published 标杆案例 is a public record like batch_entries: the only change allowed is retiring
-- a version when its correction is published; the rule is batch_entries_guard's (0003).
CREATE TRIGGER benchmark_entries_immutable BEFORE UPDATE OR DELETE ON benchmark_entries
  FOR EACH ROW EXECUTE FUNCTION batch_entries_guard();
--> statement-breakpoint
CREATE TRIGGER benchmark_batches_immutable BEFORE UPDATE OR DELETE ON benchmark_batches
  FOR EACH ROW EXECUTE FUNCTION batches_guard();

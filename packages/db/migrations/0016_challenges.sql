CREATE TABLE "challenges" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"source_need_id" uuid,
	"title" text NOT NULL,
	"problem" text NOT NULL,
	"indicators" jsonb NOT NULL,
	"reward_fen" bigint NOT NULL,
	"milestones" jsonb NOT NULL,
	"delivery_period" jsonb NOT NULL,
	"mode" text NOT NULL,
	"max_teams" integer,
	"application_deadline" timestamp with time zone NOT NULL,
	"review_scheme" jsonb NOT NULL,
	"eligibility" jsonb NOT NULL,
	"status" text NOT NULL,
	"status_reason" text,
	"change_summary" jsonb,
	"submitted_at" timestamp with time zone,
	"first_opened_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "challenges_reward_positive" CHECK ("challenges"."reward_fen" > 0),
	CONSTRAINT "challenges_mode_teams" CHECK (("challenges"."mode" = 'single' and "challenges"."max_teams" is null) or ("challenges"."mode" = 'horse_race' and "challenges"."max_teams" >= 2))
);
--> statement-breakpoint
ALTER TABLE "challenges" ADD CONSTRAINT "challenges_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "challenges" ADD CONSTRAINT "challenges_source_need_id_submissions_id_fk" FOREIGN KEY ("source_need_id") REFERENCES "public"."submissions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "challenges" ADD CONSTRAINT "challenges_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "challenges_status_idx" ON "challenges" USING btree ("status","application_deadline");--> statement-breakpoint
CREATE INDEX "challenges_organization_idx" ON "challenges" USING btree ("organization_id","created_at");
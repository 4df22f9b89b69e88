CREATE TABLE "application_participants" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"application_id" uuid NOT NULL,
	"challenge_id" uuid NOT NULL,
	"organization_id" uuid NOT NULL,
	"role" text NOT NULL,
	"status" text NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"reason" text,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "application_participants_role" CHECK ("application_participants"."role" in ('lead', 'member'))
);
--> statement-breakpoint
CREATE TABLE "applications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"challenge_id" uuid NOT NULL,
	"lead_organization_id" uuid NOT NULL,
	"status" text NOT NULL,
	"status_reason" text,
	"plan" text NOT NULL,
	"team_leader" jsonb NOT NULL,
	"quote_fen" bigint NOT NULL,
	"schedule" jsonb NOT NULL,
	"submitted_at" timestamp with time zone,
	"withdrawn_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "applications_quote_positive" CHECK ("applications"."quote_fen" > 0)
);
--> statement-breakpoint
ALTER TABLE "application_participants" ADD CONSTRAINT "application_participants_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "application_participants" ADD CONSTRAINT "application_participants_challenge_id_challenges_id_fk" FOREIGN KEY ("challenge_id") REFERENCES "public"."challenges"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "application_participants" ADD CONSTRAINT "application_participants_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "application_participants" ADD CONSTRAINT "application_participants_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "applications" ADD CONSTRAINT "applications_challenge_id_challenges_id_fk" FOREIGN KEY ("challenge_id") REFERENCES "public"."challenges"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "applications" ADD CONSTRAINT "applications_lead_organization_id_organizations_id_fk" FOREIGN KEY ("lead_organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "applications" ADD CONSTRAINT "applications_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "application_participants_app_org" ON "application_participants" USING btree ("application_id","organization_id");--> statement-breakpoint
CREATE UNIQUE INDEX "application_participants_one_per_challenge" ON "application_participants" USING btree ("challenge_id","organization_id") WHERE active;--> statement-breakpoint
CREATE INDEX "application_participants_org_idx" ON "application_participants" USING btree ("organization_id");--> statement-breakpoint
CREATE INDEX "applications_challenge_idx" ON "applications" USING btree ("challenge_id","status");--> statement-breakpoint
CREATE INDEX "applications_lead_idx" ON "applications" USING btree ("lead_organization_id","status");--> statement-breakpoint
CREATE UNIQUE INDEX "applications_one_per_lead" ON "applications" USING btree ("challenge_id","lead_organization_id") WHERE status <> 'withdrawn';
CREATE TABLE "organization_policy_profiles" (
	"organization_id" uuid PRIMARY KEY NOT NULL,
	"employees" integer,
	"revenue_band" text,
	"rd_share_percent" numeric(5, 2),
	"sectors" text[],
	"founded_on" date,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"confirmed_by" uuid,
	"confirmed_at" timestamp with time zone,
	CONSTRAINT "organization_policy_profiles_rd_ck" CHECK ("organization_policy_profiles"."rd_share_percent" is null or "organization_policy_profiles"."rd_share_percent" between 0 and 100)
);
--> statement-breakpoint
CREATE TABLE "policies" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"title" text NOT NULL,
	"issuer" text,
	"issued_on" date,
	"document_number" text,
	"valid_from" date,
	"valid_until" date,
	"validity_phrase" text,
	"region_code" text,
	"source_text" text NOT NULL,
	"source_format" text NOT NULL,
	"source_filename" text,
	"source_sha256" text NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"status_reason" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"published_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "policy_calculators" (
	"measure_id" uuid PRIMARY KEY NOT NULL,
	"definition" jsonb NOT NULL,
	"status" text DEFAULT 'proposed' NOT NULL,
	"confirmed_by" uuid,
	"confirmed_at" timestamp with time zone,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "policy_digest_items" (
	"digest_id" uuid NOT NULL,
	"policy_id" uuid NOT NULL,
	"seq" integer NOT NULL,
	"summary" text NOT NULL,
	"measure_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL
);
--> statement-breakpoint
CREATE TABLE "policy_digests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"title" text NOT NULL,
	"intro" text,
	"directions" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"year" integer,
	"issue_no" integer,
	"total_no" integer,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"published_at" timestamp with time zone,
	"published_by" uuid
);
--> statement-breakpoint
CREATE TABLE "policy_measures" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"policy_id" uuid NOT NULL,
	"seq" integer NOT NULL,
	"path" text NOT NULL,
	"depth" integer NOT NULL,
	"marker" text NOT NULL,
	"heading" text,
	"span_start" integer NOT NULL,
	"span_end" integer NOT NULL,
	"support_type" text,
	"responsible_units" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"lead_unit" text,
	"beneficiaries" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"condition_texts" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"conditions" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"deadline_on" date,
	"edited" boolean DEFAULT false NOT NULL,
	CONSTRAINT "policy_measures_span_ck" CHECK ("policy_measures"."span_start" >= 0 and "policy_measures"."span_end" > "policy_measures"."span_start")
);
--> statement-breakpoint
CREATE TABLE "policy_redemption_runs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"measure_id" uuid NOT NULL,
	"started_by" uuid,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone,
	"organizations" integer DEFAULT 0 NOT NULL,
	"eligible" integer DEFAULT 0 NOT NULL,
	"unknown" integer DEFAULT 0 NOT NULL,
	"added" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "policy_redemptions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"measure_id" uuid NOT NULL,
	"organization_id" uuid NOT NULL,
	"run_id" uuid NOT NULL,
	"stage" text DEFAULT 'matched' NOT NULL,
	"checks" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"matched_at" timestamp with time zone DEFAULT now() NOT NULL,
	"decided_at" timestamp with time zone,
	"decided_by" uuid,
	"redeemed_at" timestamp with time zone,
	"redeemed_by" uuid,
	"amount_fen" bigint,
	"note" text
);
--> statement-breakpoint
CREATE TABLE "policy_terms" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"measure_id" uuid NOT NULL,
	"type" text NOT NULL,
	"value_number" numeric,
	"value_text" text,
	"unit" text NOT NULL,
	"qualifier" text,
	"span_start" integer NOT NULL,
	"span_end" integer NOT NULL,
	"edited" boolean DEFAULT false NOT NULL
);
--> statement-breakpoint
ALTER TABLE "organization_policy_profiles" ADD CONSTRAINT "organization_policy_profiles_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "organization_policy_profiles" ADD CONSTRAINT "organization_policy_profiles_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "organization_policy_profiles" ADD CONSTRAINT "organization_policy_profiles_confirmed_by_users_id_fk" FOREIGN KEY ("confirmed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "policies" ADD CONSTRAINT "policies_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "policy_calculators" ADD CONSTRAINT "policy_calculators_measure_id_policy_measures_id_fk" FOREIGN KEY ("measure_id") REFERENCES "public"."policy_measures"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "policy_calculators" ADD CONSTRAINT "policy_calculators_confirmed_by_users_id_fk" FOREIGN KEY ("confirmed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "policy_digest_items" ADD CONSTRAINT "policy_digest_items_digest_id_policy_digests_id_fk" FOREIGN KEY ("digest_id") REFERENCES "public"."policy_digests"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "policy_digest_items" ADD CONSTRAINT "policy_digest_items_policy_id_policies_id_fk" FOREIGN KEY ("policy_id") REFERENCES "public"."policies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "policy_digests" ADD CONSTRAINT "policy_digests_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "policy_digests" ADD CONSTRAINT "policy_digests_published_by_users_id_fk" FOREIGN KEY ("published_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "policy_measures" ADD CONSTRAINT "policy_measures_policy_id_policies_id_fk" FOREIGN KEY ("policy_id") REFERENCES "public"."policies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "policy_redemption_runs" ADD CONSTRAINT "policy_redemption_runs_measure_id_policy_measures_id_fk" FOREIGN KEY ("measure_id") REFERENCES "public"."policy_measures"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "policy_redemption_runs" ADD CONSTRAINT "policy_redemption_runs_started_by_users_id_fk" FOREIGN KEY ("started_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "policy_redemptions" ADD CONSTRAINT "policy_redemptions_measure_id_policy_measures_id_fk" FOREIGN KEY ("measure_id") REFERENCES "public"."policy_measures"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "policy_redemptions" ADD CONSTRAINT "policy_redemptions_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "policy_redemptions" ADD CONSTRAINT "policy_redemptions_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "policy_redemptions" ADD CONSTRAINT "policy_redemptions_redeemed_by_users_id_fk" FOREIGN KEY ("redeemed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "policy_terms" ADD CONSTRAINT "policy_terms_measure_id_policy_measures_id_fk" FOREIGN KEY ("measure_id") REFERENCES "public"."policy_measures"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "policies_source_uq" ON "policies" USING btree ("source_sha256");--> statement-breakpoint
CREATE INDEX "policies_status_idx" ON "policies" USING btree ("status","issued_on");--> statement-breakpoint
CREATE INDEX "policies_valid_until_idx" ON "policies" USING btree ("valid_until");--> statement-breakpoint
CREATE UNIQUE INDEX "policy_digest_items_uq" ON "policy_digest_items" USING btree ("digest_id","policy_id");--> statement-breakpoint
CREATE UNIQUE INDEX "policy_digests_issue_uq" ON "policy_digests" USING btree ("year","issue_no");--> statement-breakpoint
CREATE UNIQUE INDEX "policy_digests_total_uq" ON "policy_digests" USING btree ("total_no");--> statement-breakpoint
CREATE UNIQUE INDEX "policy_measures_path_uq" ON "policy_measures" USING btree ("policy_id","path");--> statement-breakpoint
CREATE INDEX "policy_redemption_runs_measure_idx" ON "policy_redemption_runs" USING btree ("measure_id","started_at");--> statement-breakpoint
CREATE UNIQUE INDEX "policy_redemptions_measure_org_uq" ON "policy_redemptions" USING btree ("measure_id","organization_id");--> statement-breakpoint
CREATE INDEX "policy_redemptions_org_idx" ON "policy_redemptions" USING btree ("organization_id","stage");--> statement-breakpoint
CREATE INDEX "policy_terms_measure_idx" ON "policy_terms" USING btree ("measure_id");
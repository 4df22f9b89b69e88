CREATE TABLE "broker_profiles" (
	"user_id" uuid PRIMARY KEY NOT NULL,
	"fields" text[] DEFAULT '{}'::text[] NOT NULL,
	"certificate_no" text,
	"bio" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "deal_activities" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"deal_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"note" text NOT NULL,
	"occurred_at" timestamp with time zone NOT NULL,
	"links" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"next_step" text,
	"next_step_due_on" date,
	"next_step_done_at" timestamp with time zone,
	"reminded_at" timestamp with time zone,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "deal_activities_kind" CHECK ("deal_activities"."kind" in ('call', 'meeting', 'visit', 'document', 'note')),
	CONSTRAINT "deal_activities_next_step" CHECK (("deal_activities"."next_step" is null) = ("deal_activities"."next_step_due_on" is null))
);
--> statement-breakpoint
CREATE TABLE "deals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"title" text NOT NULL,
	"source" text NOT NULL,
	"need_id" uuid NOT NULL,
	"capability_id" uuid,
	"demand_organization_id" uuid NOT NULL,
	"supply_organization_id" uuid NOT NULL,
	"interest_id" uuid,
	"award_id" uuid,
	"status" text NOT NULL,
	"status_reason" text,
	"activity" text DEFAULT 'active' NOT NULL,
	"broker_user_id" uuid,
	"expected_amount_fen" bigint,
	"intent_at" timestamp with time zone,
	"meeting_at" timestamp with time zone,
	"negotiating_at" timestamp with time zone,
	"signed_at" timestamp with time zone,
	"declined_at" timestamp with time zone,
	"last_activity_at" timestamp with time zone DEFAULT now() NOT NULL,
	"dormant_since" timestamp with time zone,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "deals_source" CHECK ("deals"."source" in ('interest', 'award', 'manual')),
	CONSTRAINT "deals_status" CHECK ("deals"."status" in ('suggested', 'intent', 'meeting', 'negotiating', 'signed', 'declined')),
	CONSTRAINT "deals_activity" CHECK ("deals"."activity" in ('active', 'dormant')),
	CONSTRAINT "deals_expected_amount" CHECK ("deals"."expected_amount_fen" is null or "deals"."expected_amount_fen" >= 0),
	CONSTRAINT "deals_two_parties" CHECK ("deals"."demand_organization_id" <> "deals"."supply_organization_id")
);
--> statement-breakpoint
CREATE TABLE "tech_contract_attachments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"contract_id" uuid NOT NULL,
	"filename" text NOT NULL,
	"media_type" text NOT NULL,
	"size" integer NOT NULL,
	"sha256" text NOT NULL,
	"content" "bytea" NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "tech_contracts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"lineage_id" uuid NOT NULL,
	"version_no" integer DEFAULT 1 NOT NULL,
	"kind" text DEFAULT 'original' NOT NULL,
	"supersedes_id" uuid,
	"superseded_at" timestamp with time zone,
	"seller_organization_id" uuid NOT NULL,
	"project_name" text NOT NULL,
	"contract_type" text NOT NULL,
	"buyer_name" text NOT NULL,
	"buyer_credit_code" text NOT NULL,
	"buyer_region_code" text NOT NULL,
	"buyer_nature_code" text NOT NULL,
	"seller_name" text NOT NULL,
	"seller_credit_code" text NOT NULL,
	"seller_region_code" text NOT NULL,
	"seller_nature_code" text NOT NULL,
	"signed_on" date NOT NULL,
	"valid_from" date NOT NULL,
	"valid_until" date NOT NULL,
	"contract_amount_fen" bigint NOT NULL,
	"technology_amount_fen" bigint NOT NULL,
	"payment_method" text NOT NULL,
	"patents" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"expected_investment_fen" bigint,
	"expected_output_fen" bigint,
	"technology_field" text,
	"deal_id" uuid,
	"need_id" uuid,
	"status" text NOT NULL,
	"status_reason" text,
	"clock_started_at" timestamp with time zone,
	"due_on" date,
	"expert_review" boolean DEFAULT false NOT NULL,
	"submitted_at" timestamp with time zone,
	"accepted_at" timestamp with time zone,
	"registered_at" timestamp with time zone,
	"decided_by" uuid,
	"registration_no" text,
	"origin" text DEFAULT 'online' NOT NULL,
	"import_key" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "tech_contracts_kind" CHECK ("tech_contracts"."kind" in ('original', 'change', 'cancellation')),
	CONSTRAINT "tech_contracts_status" CHECK ("tech_contracts"."status" in ('draft', 'submitted', 'accepted', 'returned', 'registered', 'refused', 'discarded')),
	CONSTRAINT "tech_contracts_amounts" CHECK ("tech_contracts"."contract_amount_fen" >= 0 and "tech_contracts"."technology_amount_fen" >= 0),
	CONSTRAINT "tech_contracts_technology_within_contract" CHECK ("tech_contracts"."technology_amount_fen" <= "tech_contracts"."contract_amount_fen"),
	CONSTRAINT "tech_contracts_validity" CHECK ("tech_contracts"."valid_from" <= "tech_contracts"."valid_until")
);
--> statement-breakpoint
CREATE TABLE "annual_targets" (
	"year" integer NOT NULL,
	"metric" text NOT NULL,
	"target" bigint NOT NULL,
	"set_by" uuid,
	"set_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "annual_targets_year_metric_pk" PRIMARY KEY("year","metric"),
	CONSTRAINT "annual_targets_target" CHECK ("annual_targets"."target" >= 0),
	CONSTRAINT "annual_targets_year" CHECK ("annual_targets"."year" between 2000 and 2100)
);
--> statement-breakpoint
CREATE TABLE "listing_view_counts" (
	"day" date NOT NULL,
	"submission_id" uuid NOT NULL,
	"views" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "listing_view_counts_day_submission_id_pk" PRIMARY KEY("day","submission_id")
);
--> statement-breakpoint
CREATE TABLE "listing_view_salts" (
	"day" date PRIMARY KEY NOT NULL,
	"salt" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "listing_view_visitors" (
	"day" date NOT NULL,
	"submission_id" uuid NOT NULL,
	"visitor_key" text NOT NULL,
	CONSTRAINT "listing_view_visitors_day_submission_id_visitor_key_pk" PRIMARY KEY("day","submission_id","visitor_key")
);
--> statement-breakpoint
ALTER TABLE "broker_profiles" ADD CONSTRAINT "broker_profiles_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deal_activities" ADD CONSTRAINT "deal_activities_deal_id_deals_id_fk" FOREIGN KEY ("deal_id") REFERENCES "public"."deals"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deal_activities" ADD CONSTRAINT "deal_activities_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deals" ADD CONSTRAINT "deals_need_id_submissions_id_fk" FOREIGN KEY ("need_id") REFERENCES "public"."submissions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deals" ADD CONSTRAINT "deals_capability_id_submissions_id_fk" FOREIGN KEY ("capability_id") REFERENCES "public"."submissions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deals" ADD CONSTRAINT "deals_demand_organization_id_organizations_id_fk" FOREIGN KEY ("demand_organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deals" ADD CONSTRAINT "deals_supply_organization_id_organizations_id_fk" FOREIGN KEY ("supply_organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deals" ADD CONSTRAINT "deals_interest_id_interests_id_fk" FOREIGN KEY ("interest_id") REFERENCES "public"."interests"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deals" ADD CONSTRAINT "deals_award_id_challenge_awards_id_fk" FOREIGN KEY ("award_id") REFERENCES "public"."challenge_awards"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deals" ADD CONSTRAINT "deals_broker_user_id_users_id_fk" FOREIGN KEY ("broker_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deals" ADD CONSTRAINT "deals_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tech_contract_attachments" ADD CONSTRAINT "tech_contract_attachments_contract_id_tech_contracts_id_fk" FOREIGN KEY ("contract_id") REFERENCES "public"."tech_contracts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tech_contract_attachments" ADD CONSTRAINT "tech_contract_attachments_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tech_contracts" ADD CONSTRAINT "tech_contracts_seller_organization_id_organizations_id_fk" FOREIGN KEY ("seller_organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tech_contracts" ADD CONSTRAINT "tech_contracts_deal_id_deals_id_fk" FOREIGN KEY ("deal_id") REFERENCES "public"."deals"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tech_contracts" ADD CONSTRAINT "tech_contracts_need_id_submissions_id_fk" FOREIGN KEY ("need_id") REFERENCES "public"."submissions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tech_contracts" ADD CONSTRAINT "tech_contracts_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tech_contracts" ADD CONSTRAINT "tech_contracts_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "annual_targets" ADD CONSTRAINT "annual_targets_set_by_users_id_fk" FOREIGN KEY ("set_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "listing_view_counts" ADD CONSTRAINT "listing_view_counts_submission_id_submissions_id_fk" FOREIGN KEY ("submission_id") REFERENCES "public"."submissions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "deal_activities_deal_idx" ON "deal_activities" USING btree ("deal_id","occurred_at");--> statement-breakpoint
CREATE INDEX "deal_activities_due_idx" ON "deal_activities" USING btree ("next_step_due_on") WHERE "deal_activities"."next_step_due_on" is not null and "deal_activities"."next_step_done_at" is null;--> statement-breakpoint
CREATE UNIQUE INDEX "deals_code_uq" ON "deals" USING btree ("code");--> statement-breakpoint
CREATE UNIQUE INDEX "deals_interest_uq" ON "deals" USING btree ("interest_id") WHERE "deals"."interest_id" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "deals_award_uq" ON "deals" USING btree ("award_id") WHERE "deals"."award_id" is not null;--> statement-breakpoint
CREATE INDEX "deals_status_idx" ON "deals" USING btree ("status","activity");--> statement-breakpoint
CREATE INDEX "deals_broker_idx" ON "deals" USING btree ("broker_user_id","status");--> statement-breakpoint
CREATE INDEX "deals_need_idx" ON "deals" USING btree ("need_id");--> statement-breakpoint
CREATE INDEX "deals_demand_org_idx" ON "deals" USING btree ("demand_organization_id");--> statement-breakpoint
CREATE INDEX "deals_supply_org_idx" ON "deals" USING btree ("supply_organization_id");--> statement-breakpoint
CREATE INDEX "deals_last_activity_idx" ON "deals" USING btree ("last_activity_at");--> statement-breakpoint
CREATE INDEX "tech_contract_attachments_contract_idx" ON "tech_contract_attachments" USING btree ("contract_id");--> statement-breakpoint
CREATE UNIQUE INDEX "tech_contracts_lineage_version_uq" ON "tech_contracts" USING btree ("lineage_id","version_no");--> statement-breakpoint
CREATE UNIQUE INDEX "tech_contracts_registration_no_uq" ON "tech_contracts" USING btree ("registration_no") WHERE "tech_contracts"."registration_no" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "tech_contracts_import_key_uq" ON "tech_contracts" USING btree ("import_key") WHERE "tech_contracts"."import_key" is not null;--> statement-breakpoint
CREATE INDEX "tech_contracts_seller_idx" ON "tech_contracts" USING btree ("seller_organization_id","status");--> statement-breakpoint
CREATE INDEX "tech_contracts_status_idx" ON "tech_contracts" USING btree ("status","due_on");--> statement-breakpoint
CREATE INDEX "tech_contracts_current_idx" ON "tech_contracts" USING btree ("registered_at") WHERE "tech_contracts"."status" = 'registered' and "tech_contracts"."superseded_at" is null and "tech_contracts"."kind" <> 'cancellation';--> statement-breakpoint
CREATE INDEX "tech_contracts_deal_idx" ON "tech_contracts" USING btree ("deal_id");--> statement-breakpoint
CREATE INDEX "tech_contracts_need_idx" ON "tech_contracts" USING btree ("need_id");--> statement-breakpoint
CREATE INDEX "listing_view_counts_submission_idx" ON "listing_view_counts" USING btree ("submission_id");
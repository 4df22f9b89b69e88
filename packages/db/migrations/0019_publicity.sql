
CREATE TABLE "publicities" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"subject_kind" text NOT NULL,
	"subject_id" uuid NOT NULL,
	"title" text NOT NULL,
	"working_days" integer NOT NULL,
	"status" text NOT NULL,
	"status_reason" text,
	"started_at" timestamp with time zone,
	"ends_at" timestamp with time zone,
	"last_day" text,
	"ended_at" timestamp with time zone,
	"finalized_at" timestamp with time zone,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "publicities_working_days_range" CHECK ("publicities"."working_days" between 1 and 30)
);
--> statement-breakpoint
CREATE TABLE "publicity_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"publicity_id" uuid NOT NULL,
	"seq" integer NOT NULL,
	"subject_item_id" uuid NOT NULL,
	"name" text NOT NULL,
	"organization_id" uuid,
	"organization_name" text NOT NULL,
	"status" text DEFAULT 'listed' NOT NULL,
	"revoked_reason" text,
	"revoked_at" timestamp with time zone,
	CONSTRAINT "publicity_items_status" CHECK ("publicity_items"."status" in ('listed', 'revoked'))
);
--> statement-breakpoint
CREATE TABLE "publicity_objections" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"publicity_id" uuid NOT NULL,
	"item_id" uuid NOT NULL,
	"organization_id" uuid NOT NULL,
	"lodged_by" uuid NOT NULL,
	"reasons" text NOT NULL,
	"evidence" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"contact" text NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"decision_reason" text,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "publicity_objections_status" CHECK ("publicity_objections"."status" in ('pending', 'dismissed', 'upheld'))
);
--> statement-breakpoint
ALTER TABLE "publicities" ADD CONSTRAINT "publicities_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "publicity_items" ADD CONSTRAINT "publicity_items_publicity_id_publicities_id_fk" FOREIGN KEY ("publicity_id") REFERENCES "public"."publicities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "publicity_items" ADD CONSTRAINT "publicity_items_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "publicity_objections" ADD CONSTRAINT "publicity_objections_publicity_id_publicities_id_fk" FOREIGN KEY ("publicity_id") REFERENCES "public"."publicities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "publicity_objections" ADD CONSTRAINT "publicity_objections_item_id_publicity_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."publicity_items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "publicity_objections" ADD CONSTRAINT "publicity_objections_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "publicity_objections" ADD CONSTRAINT "publicity_objections_lodged_by_users_id_fk" FOREIGN KEY ("lodged_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "publicity_objections" ADD CONSTRAINT "publicity_objections_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "publicities_subject_idx" ON "publicities" USING btree ("subject_kind","subject_id");--> statement-breakpoint
CREATE INDEX "publicities_status_idx" ON "publicities" USING btree ("status","ends_at");--> statement-breakpoint
CREATE UNIQUE INDEX "publicities_one_live_per_subject" ON "publicities" USING btree ("subject_kind","subject_id") WHERE "publicities"."status" in ('draft', 'running', 'ended');--> statement-breakpoint
CREATE UNIQUE INDEX "publicity_items_subject_item_uq" ON "publicity_items" USING btree ("publicity_id","subject_item_id");--> statement-breakpoint
CREATE INDEX "publicity_objections_publicity_idx" ON "publicity_objections" USING btree ("publicity_id","created_at");--> statement-breakpoint
CREATE INDEX "publicity_objections_organization_idx" ON "publicity_objections" USING btree ("organization_id","created_at");
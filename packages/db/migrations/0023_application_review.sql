CREATE TABLE "application_reviews" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"challenge_id" uuid NOT NULL,
	"application_id" uuid NOT NULL,
	"reviewer_user_id" uuid NOT NULL,
	"status" text NOT NULL,
	"scores" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"comments" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"weighted_score" numeric,
	"conflict_reason" text,
	"assigned_by" uuid,
	"assigned_at" timestamp with time zone DEFAULT now() NOT NULL,
	"due_at" timestamp with time zone,
	"submitted_at" timestamp with time zone,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "application_reviews_status" CHECK ("application_reviews"."status" in ('assigned', 'submitted', 'conflict_declared'))
);
--> statement-breakpoint
CREATE TABLE "defence_slot_applications" (
	"slot_id" uuid NOT NULL,
	"application_id" uuid NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "defence_slot_applications_slot_id_application_id_pk" PRIMARY KEY("slot_id","application_id")
);
--> statement-breakpoint
CREATE TABLE "defence_slots" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"challenge_id" uuid NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"room" text,
	"online_link" text,
	"note" text,
	"status" text NOT NULL,
	"cancel_reason" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "defence_slots_time" CHECK ("defence_slots"."ends_at" > "defence_slots"."starts_at"),
	CONSTRAINT "defence_slots_place" CHECK ("defence_slots"."room" is not null or "defence_slots"."online_link" is not null),
	CONSTRAINT "defence_slots_status" CHECK ("defence_slots"."status" in ('scheduled', 'cancelled'))
);
--> statement-breakpoint
ALTER TABLE "application_reviews" ADD CONSTRAINT "application_reviews_challenge_id_challenges_id_fk" FOREIGN KEY ("challenge_id") REFERENCES "public"."challenges"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "application_reviews" ADD CONSTRAINT "application_reviews_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "application_reviews" ADD CONSTRAINT "application_reviews_reviewer_user_id_users_id_fk" FOREIGN KEY ("reviewer_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "application_reviews" ADD CONSTRAINT "application_reviews_assigned_by_users_id_fk" FOREIGN KEY ("assigned_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "defence_slot_applications" ADD CONSTRAINT "defence_slot_applications_slot_id_defence_slots_id_fk" FOREIGN KEY ("slot_id") REFERENCES "public"."defence_slots"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "defence_slot_applications" ADD CONSTRAINT "defence_slot_applications_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "defence_slots" ADD CONSTRAINT "defence_slots_challenge_id_challenges_id_fk" FOREIGN KEY ("challenge_id") REFERENCES "public"."challenges"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "defence_slots" ADD CONSTRAINT "defence_slots_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "application_reviews_item_reviewer_uq" ON "application_reviews" USING btree ("application_id","reviewer_user_id");--> statement-breakpoint
CREATE INDEX "application_reviews_reviewer_idx" ON "application_reviews" USING btree ("reviewer_user_id","status");--> statement-breakpoint
CREATE INDEX "application_reviews_challenge_idx" ON "application_reviews" USING btree ("challenge_id");--> statement-breakpoint
CREATE UNIQUE INDEX "defence_slot_applications_one_live" ON "defence_slot_applications" USING btree ("application_id") WHERE active;--> statement-breakpoint
CREATE INDEX "defence_slots_challenge_idx" ON "defence_slots" USING btree ("challenge_id","starts_at");
CREATE TABLE "award_milestones" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"award_id" uuid NOT NULL,
	"seq" integer NOT NULL,
	"name" text NOT NULL,
	"deliverables" text NOT NULL,
	"percent" integer NOT NULL,
	"amount_fen" bigint NOT NULL,
	"due_date" text,
	"checkpoint" boolean DEFAULT false NOT NULL,
	"status" text NOT NULL,
	"status_reason" text,
	"round" integer DEFAULT 0 NOT NULL,
	"delivery_note" text,
	"delivery_files" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"delivered_at" timestamp with time zone,
	"decided_at" timestamp with time zone,
	"conditions" text,
	"mean_score" numeric,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "award_milestones_percent" CHECK ("award_milestones"."percent" between 1 and 100),
	CONSTRAINT "award_milestones_amount" CHECK ("award_milestones"."amount_fen" >= 0),
	CONSTRAINT "award_milestones_status" CHECK ("award_milestones"."status" in ('pending', 'submitted', 'passed', 'passed_with_conditions', 'failed'))
);
--> statement-breakpoint
CREATE TABLE "award_payments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"award_id" uuid NOT NULL,
	"milestone_id" uuid NOT NULL,
	"amount_fen" bigint NOT NULL,
	"paid_on" text NOT NULL,
	"reference" text NOT NULL,
	"request_key" text NOT NULL,
	"recorded_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "award_payments_amount_positive" CHECK ("award_payments"."amount_fen" > 0)
);
--> statement-breakpoint
CREATE TABLE "challenge_awards" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"challenge_id" uuid NOT NULL,
	"application_id" uuid NOT NULL,
	"organization_id" uuid NOT NULL,
	"publicity_id" uuid,
	"agreement_no" text NOT NULL,
	"amount_fen" bigint NOT NULL,
	"paid_fen" bigint DEFAULT 0 NOT NULL,
	"status" text NOT NULL,
	"status_reason" text,
	"awarded_at" timestamp with time zone NOT NULL,
	"agreement_started_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"acceptance_report" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "challenge_awards_amount_positive" CHECK ("challenge_awards"."amount_fen" > 0),
	CONSTRAINT "challenge_awards_paid_within_amount" CHECK ("challenge_awards"."paid_fen" >= 0 and "challenge_awards"."paid_fen" <= "challenge_awards"."amount_fen"),
	CONSTRAINT "challenge_awards_status" CHECK ("challenge_awards"."status" in ('active', 'completed', 'eliminated', 'terminated'))
);
--> statement-breakpoint
CREATE TABLE "milestone_acceptors" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"milestone_id" uuid NOT NULL,
	"round" integer NOT NULL,
	"user_id" uuid NOT NULL,
	"role" text NOT NULL,
	"verdict" text,
	"score" numeric,
	"opinion" text,
	"recorded_at" timestamp with time zone,
	"assigned_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "milestone_acceptors_role" CHECK ("milestone_acceptors"."role" in ('owner', 'expert')),
	CONSTRAINT "milestone_acceptors_verdict" CHECK ("milestone_acceptors"."verdict" is null or "milestone_acceptors"."verdict" in ('pass', 'pass_with_conditions', 'fail')),
	CONSTRAINT "milestone_acceptors_score" CHECK ("milestone_acceptors"."score" is null or ("milestone_acceptors"."score" >= 0 and "milestone_acceptors"."score" <= 100))
);
--> statement-breakpoint
ALTER TABLE "award_milestones" ADD CONSTRAINT "award_milestones_award_id_challenge_awards_id_fk" FOREIGN KEY ("award_id") REFERENCES "public"."challenge_awards"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "award_payments" ADD CONSTRAINT "award_payments_award_id_challenge_awards_id_fk" FOREIGN KEY ("award_id") REFERENCES "public"."challenge_awards"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "award_payments" ADD CONSTRAINT "award_payments_milestone_id_award_milestones_id_fk" FOREIGN KEY ("milestone_id") REFERENCES "public"."award_milestones"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "award_payments" ADD CONSTRAINT "award_payments_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "challenge_awards" ADD CONSTRAINT "challenge_awards_challenge_id_challenges_id_fk" FOREIGN KEY ("challenge_id") REFERENCES "public"."challenges"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "challenge_awards" ADD CONSTRAINT "challenge_awards_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "challenge_awards" ADD CONSTRAINT "challenge_awards_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "milestone_acceptors" ADD CONSTRAINT "milestone_acceptors_milestone_id_award_milestones_id_fk" FOREIGN KEY ("milestone_id") REFERENCES "public"."award_milestones"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "milestone_acceptors" ADD CONSTRAINT "milestone_acceptors_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "milestone_acceptors" ADD CONSTRAINT "milestone_acceptors_assigned_by_users_id_fk" FOREIGN KEY ("assigned_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "award_milestones_seq_uq" ON "award_milestones" USING btree ("award_id","seq");--> statement-breakpoint
CREATE UNIQUE INDEX "award_payments_request_uq" ON "award_payments" USING btree ("award_id","request_key");--> statement-breakpoint
CREATE INDEX "award_payments_milestone_idx" ON "award_payments" USING btree ("milestone_id");--> statement-breakpoint
CREATE UNIQUE INDEX "challenge_awards_application_uq" ON "challenge_awards" USING btree ("application_id");--> statement-breakpoint
CREATE UNIQUE INDEX "challenge_awards_agreement_no_uq" ON "challenge_awards" USING btree ("agreement_no");--> statement-breakpoint
CREATE INDEX "challenge_awards_challenge_idx" ON "challenge_awards" USING btree ("challenge_id");--> statement-breakpoint
CREATE INDEX "challenge_awards_organization_idx" ON "challenge_awards" USING btree ("organization_id","status");--> statement-breakpoint
CREATE UNIQUE INDEX "milestone_acceptors_uq" ON "milestone_acceptors" USING btree ("milestone_id","round","user_id");--> statement-breakpoint
CREATE INDEX "milestone_acceptors_user_idx" ON "milestone_acceptors" USING btree ("user_id","recorded_at");--> statement-breakpoint
-- The database keeps paid_fen: each payment adds its amount in the same statement, so the
-- challenge_awards_paid_within_amount CHECK refuses the payment that would overpay, whoever writes it.
CREATE FUNCTION award_payments_add_to_paid() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "challenge_awards" SET "paid_fen" = "paid_fen" + NEW."amount_fen", "updated_at" = now() WHERE "id" = NEW."award_id";
  RETURN NEW;
END;
$$;--> statement-breakpoint
CREATE TRIGGER award_payments_add_to_paid AFTER INSERT ON "award_payments" FOR EACH ROW EXECUTE FUNCTION award_payments_add_to_paid();--> statement-breakpoint
-- Payments are a ledger: a correction is a new row, never an edit or a deletion.
CREATE FUNCTION award_payments_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'award_payments is append-only' USING ERRCODE = 'restrict_violation';
END;
$$;--> statement-breakpoint
CREATE TRIGGER award_payments_append_only BEFORE UPDATE OR DELETE ON "award_payments" FOR EACH ROW EXECUTE FUNCTION award_payments_append_only();

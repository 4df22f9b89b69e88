ALTER TABLE "submissions" ADD COLUMN "valid_until" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "submissions" ADD COLUMN "expiry_reminded_at" timestamp with time zone;--> statement-breakpoint
CREATE INDEX "submissions_valid_until_idx" ON "submissions" USING btree ("valid_until") WHERE status in ('published', 'matching');
ALTER TABLE "interests" ADD COLUMN "status" text DEFAULT 'open' NOT NULL;--> statement-breakpoint
ALTER TABLE "interests" ADD COLUMN "decline_reason" text;--> statement-breakpoint
ALTER TABLE "interests" ADD COLUMN "decided_by" uuid;--> statement-breakpoint
ALTER TABLE "interests" ADD COLUMN "decided_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "tech_contracts" ADD COLUMN "version_note" text;--> statement-breakpoint
ALTER TABLE "interests" ADD CONSTRAINT "interests_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
-- Interests answered before this column existed: the ones with a deal were accepted.
UPDATE "interests" i SET "status" = 'accepted', "decided_at" = d."created_at", "decided_by" = d."created_by"
  FROM "deals" d WHERE d."interest_id" = i."id";--> statement-breakpoint
-- The cancellation reason was kept in status_reason; its first record is the audit event that started the version.
UPDATE "tech_contracts" c SET "version_note" = e."reason"
  FROM "audit_events" e
  WHERE c."kind" = 'cancellation' AND e."entity_type" = 'tech_contract' AND e."entity_id" = c."id"::text
    AND e."action" = 'contract.cancellation_started';

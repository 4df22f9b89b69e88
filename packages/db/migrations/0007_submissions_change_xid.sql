-- Every write to a submission records its transaction id. The search index keeps a watermark,
-- the oldest transaction still running when it last read (pg_snapshot_xmin), and re-reads
-- rows at or above it: a long transaction that commits late is still picked up.
CREATE OR REPLACE FUNCTION submissions_stamp_xid() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.change_xid := pg_current_xact_id();
  RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER submissions_stamp_xid BEFORE INSERT OR UPDATE ON submissions
  FOR EACH ROW EXECUTE FUNCTION submissions_stamp_xid();
--> statement-breakpoint
UPDATE submissions SET change_xid = pg_current_xact_id() WHERE change_xid IS NULL;

-- Published entries are a public record: no edits, no deletes. The only change allowed is
-- retiring a version when its correction (the next version, with an erratum) is published.
CREATE OR REPLACE FUNCTION batch_entries_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    RAISE EXCEPTION 'batch_entries are immutable: delete refused' USING ERRCODE = 'P0001';
  END IF;
  IF OLD.is_current AND NOT NEW.is_current
     AND (to_jsonb(NEW) - 'is_current') = (to_jsonb(OLD) - 'is_current') THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION 'batch_entries are immutable: publish a corrected version instead' USING ERRCODE = 'P0001';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER batch_entries_immutable BEFORE UPDATE OR DELETE ON batch_entries
  FOR EACH ROW EXECUTE FUNCTION batch_entries_guard();
--> statement-breakpoint
CREATE OR REPLACE FUNCTION batches_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'batches are immutable' USING ERRCODE = 'P0001';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER batches_immutable BEFORE UPDATE OR DELETE ON batches
  FOR EACH ROW EXECUTE FUNCTION batches_guard();

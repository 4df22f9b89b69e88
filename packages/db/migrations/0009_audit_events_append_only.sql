-- The audit trail is append-only for the application: no row may be edited or deleted, and the
-- table may not be truncated. The hash chain detects tampering after the fact; this refuses it
-- up front for anyone who is not able to drop the trigger (i.e. anyone but the table's owner or a
-- superuser, which docs/SECURITY.md names as the remaining risk).
CREATE OR REPLACE FUNCTION audit_events_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_events is append-only: % refused', TG_OP USING ERRCODE = 'P0001';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER audit_events_append_only BEFORE UPDATE OR DELETE ON audit_events
  FOR EACH ROW EXECUTE FUNCTION audit_events_guard();
--> statement-breakpoint
CREATE TRIGGER audit_events_no_truncate BEFORE TRUNCATE ON audit_events
  FOR EACH STATEMENT EXECUTE FUNCTION audit_events_guard();

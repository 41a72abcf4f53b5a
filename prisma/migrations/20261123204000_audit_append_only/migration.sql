-- The audit log is append-only: the database itself refuses UPDATE and DELETE on "AuditEvent",
-- whatever the application does. The one controlled exception is a maintenance transaction that
-- sets `app.audit_maintenance = 'on'` locally (SELECT set_config('app.audit_maintenance', 'on', true)),
-- reserved for the anonymisation of a destroyed person's references; any such change breaks the
-- hash chain at that row, which `npm run audit:verify` then reports, so it cannot go unnoticed.
-- (TRUNCATE, used only by the test suite's reset, is not a row operation and stays possible for
-- the table owner.)
CREATE OR REPLACE FUNCTION audit_event_append_only() RETURNS trigger AS $$
BEGIN
  IF current_setting('app.audit_maintenance', true) = 'on' THEN
    RETURN COALESCE(NEW, OLD);
  END IF;
  RAISE EXCEPTION 'Le journal d''audit est en ajout seul : % refusé', TG_OP USING ERRCODE = 'insufficient_privilege';
END
$$ LANGUAGE plpgsql;

CREATE TRIGGER audit_event_append_only
  BEFORE UPDATE OR DELETE ON "AuditEvent"
  FOR EACH ROW EXECUTE FUNCTION audit_event_append_only();

-- Rule sets held in memory by each server instance (issue 18): every change to "RuleSet" — INSERT,
-- UPDATE, DELETE or TRUNCATE, by the application, a script or an administrator in psql — sends a
-- notification on the channel "rule_set_changed" when its transaction commits (none if it rolls
-- back). Each instance LISTENs on a dedicated connection and drops its copy on every notification,
-- and reads the table directly whenever it is not listening (lib/rules/rule-set-cache.ts).
-- Statement-level: one notification per statement, even one that changed no row (one drop too
-- many costs one read); PostgreSQL folds identical notifications of one transaction into one.
CREATE OR REPLACE FUNCTION rule_set_changed() RETURNS trigger AS $$
BEGIN
  PERFORM pg_notify('rule_set_changed', TG_OP);
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER "RuleSet_changed" AFTER INSERT OR UPDATE OR DELETE ON "RuleSet"
  FOR EACH STATEMENT EXECUTE FUNCTION rule_set_changed();
CREATE TRIGGER "RuleSet_truncated" AFTER TRUNCATE ON "RuleSet"
  FOR EACH STATEMENT EXECUTE FUNCTION rule_set_changed();

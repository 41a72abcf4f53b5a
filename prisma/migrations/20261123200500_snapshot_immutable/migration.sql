-- A closed month's snapshot is immutable (shared/DOMAIN.md §3): its figures, month, platform and
-- versions can never change, and a snapshot is never deleted. Reopening only fills the
-- "superseded" fields, once. Enforced in the database so no code path (or console) can bypass it.
CREATE OR REPLACE FUNCTION monthly_snapshot_immutable() RETURNS trigger AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    RAISE EXCEPTION 'MonthlySnapshot % est immuable : suppression refusée', OLD."id";
  END IF;
  IF NEW."figures" IS DISTINCT FROM OLD."figures"
     OR NEW."month" IS DISTINCT FROM OLD."month"
     OR NEW."platformId" IS DISTINCT FROM OLD."platformId"
     OR NEW."snapshotVersion" IS DISTINCT FROM OLD."snapshotVersion"
     OR NEW."definitionsVersion" IS DISTINCT FROM OLD."definitionsVersion"
     OR NEW."closedAt" IS DISTINCT FROM OLD."closedAt"
     OR NEW."closedById" IS DISTINCT FROM OLD."closedById"
     OR (OLD."supersededAt" IS NOT NULL AND (NEW."supersededAt" IS DISTINCT FROM OLD."supersededAt"
         OR NEW."reopenedById" IS DISTINCT FROM OLD."reopenedById" OR NEW."reopenReason" IS DISTINCT FROM OLD."reopenReason")) THEN
    RAISE EXCEPTION 'MonthlySnapshot % est immuable : seule une réouverture peut le marquer remplacé', OLD."id";
  END IF;
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER monthly_snapshot_immutable
  BEFORE UPDATE OR DELETE ON "MonthlySnapshot"
  FOR EACH ROW EXECUTE FUNCTION monthly_snapshot_immutable();

-- One current (not superseded) snapshot per platform and month, even under concurrent closes.
CREATE UNIQUE INDEX "MonthlySnapshot_current_key" ON "MonthlySnapshot" ("platformId", "month") WHERE "supersededAt" IS NULL;

-- Audit chain sealed after the fact (issue 18). Until now every audit event took the chain's
-- advisory lock (audit_append, migration 20261203094500) and held it until its transaction's
-- COMMIT: audited reads queued on it (lock waits in 12–26 % of the bench's samples at 10 and 50
-- connections). Now:
--   * an event is appended WITHOUT lock, in one plain INSERT of the caller's transaction (or
--     autocommit), unsealed: "chainPos", "prevHash" and "hash" NULL, and "tail" = the event's own
--     part of the hashed text, serialised by the application (`auditTail`, the very function
--     verify uses: jsonb cannot reproduce JavaScript's serialisation);
--   * a single sealer at a time (audit_seal below, called by every server instance every
--     250 ms, lib/audit/audit-sealer.ts) takes the committed unsealed events in id order, chains
--     them — position, previous hash, hash — and clears their tail.
-- Why nothing is lost or reordered: docs/securite.md, « Journal d'audit scellé après coup ».

ALTER TABLE "AuditEvent" ADD COLUMN "chainPos" BIGINT, ADD COLUMN "tail" TEXT;

-- Existing events were appended under the chain's lock: their id order IS their chain order, and
-- the anchors' "upToId" (last removed id) stay valid as chain positions.
ALTER TABLE "AuditEvent" DISABLE TRIGGER audit_event_append_only;
UPDATE "AuditEvent" SET "chainPos" = "id";
ALTER TABLE "AuditEvent" ENABLE TRIGGER audit_event_append_only;

-- One event per position: two sealers can never fork the chain, whatever happens to the lock.
CREATE UNIQUE INDEX "AuditEvent_chainPos_key" ON "AuditEvent"("chainPos");
-- The sealer's work list: the unsealed events, in id order (small: sealed within a second).
CREATE INDEX "AuditEvent_unsealed_idx" ON "AuditEvent"("id") WHERE "chainPos" IS NULL;
-- A row is either sealed (position, no tail) or waiting (tail, no position, no hash).
ALTER TABLE "AuditEvent" ADD CONSTRAINT "AuditEvent_sealed_or_waiting" CHECK (
  ("chainPos" IS NOT NULL AND "tail" IS NULL) OR ("chainPos" IS NULL AND "tail" IS NOT NULL AND "hash" IS NULL AND "prevHash" IS NULL)
);

DROP FUNCTION IF EXISTS audit_append(bigint, text, text, uuid, "Role", text, text, uuid, text, jsonb, text, text);

-- The sealer. Returns how many events it sealed; 0 at once when another sealer holds the lock
-- (pg_try_advisory_xact_lock: nobody ever waits for it). Must run in its own READ COMMITTED
-- transaction (autocommit `SELECT audit_seal(…)`): PL/pgSQL then gives each inner statement a
-- fresh snapshot, so the head read *after* the lock sees what the previous sealer committed, and
-- the list of unsealed events is every event committed before that statement.
-- Hashed text (identical to what `npm run audit:verify` recomputes):
--   JSON.stringify([prevHash, at.toISOString(), action, actorId, entityType, entityId, platformId, reason, canonical(metadata)])
-- = '[' || prevHash as JSON || ',"' || at in ISO form || '",' || tail.
CREATE OR REPLACE FUNCTION audit_seal(p_lock bigint, p_max int) RETURNS int AS $$
DECLARE
  v_pos bigint;
  v_prev text;
  v_hash text;
  v_n int := 0;
  r record;
BEGIN
  IF current_setting('transaction_isolation') <> 'read committed' THEN
    RAISE EXCEPTION 'audit_seal exige le niveau d''isolation READ COMMITTED (actuel : %)', current_setting('transaction_isolation');
  END IF;
  IF NOT pg_try_advisory_xact_lock(p_lock) THEN
    RETURN 0;
  END IF;
  -- The head: the last sealed event, or (when the retention removed every sealed event) the last anchor.
  SELECT "chainPos", "hash" INTO v_pos, v_prev FROM "AuditEvent" WHERE "chainPos" IS NOT NULL ORDER BY "chainPos" DESC LIMIT 1;
  IF v_pos IS NULL THEN
    SELECT "upToId", "lastHash" INTO v_pos, v_prev FROM "AuditChainAnchor" ORDER BY "upToId" DESC LIMIT 1;
  END IF;
  v_pos := COALESCE(v_pos, 0);
  PERFORM set_config('app.audit_seal', 'on', true);
  FOR r IN SELECT "id", "at", "tail" FROM "AuditEvent" WHERE "chainPos" IS NULL ORDER BY "id" LIMIT p_max FOR UPDATE LOOP
    v_pos := v_pos + 1;
    v_hash := encode(sha256(convert_to(
      '[' || COALESCE(to_json(v_prev)::text, 'null') || ',"' || to_char(r."at", 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') || '",' || r."tail",
      'UTF8')), 'hex');
    UPDATE "AuditEvent" SET "chainPos" = v_pos, "prevHash" = v_prev, "hash" = v_hash, "tail" = NULL WHERE "id" = r."id";
    v_prev := v_hash;
    v_n := v_n + 1;
  END LOOP;
  PERFORM set_config('app.audit_seal', 'off', true);
  RETURN v_n;
END
$$ LANGUAGE plpgsql VOLATILE;

-- Append-only, as before, with one more exception: the sealer's UPDATE (flag `app.audit_seal` set
-- by audit_seal for its own transaction), which may only turn a waiting event into a sealed one
-- and change nothing of its content. INSERT: only waiting events (no position or hash given by the
-- writer). Even in a maintenance transaction (retention, anonymisation), a waiting event cannot be
-- deleted: it has no place in the chain yet, its removal would leave no trace.
CREATE OR REPLACE FUNCTION audit_event_append_only() RETURNS trigger AS $$
BEGIN
  IF TG_OP = 'DELETE' AND OLD."chainPos" IS NULL THEN
    RAISE EXCEPTION 'Le journal d''audit est en ajout seul : un événement en attente de scellement ne peut être supprimé' USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF current_setting('app.audit_maintenance', true) = 'on' THEN
    RETURN COALESCE(NEW, OLD);
  END IF;
  IF TG_OP = 'INSERT' THEN
    IF NEW."chainPos" IS NULL AND NEW."hash" IS NULL AND NEW."prevHash" IS NULL THEN
      RETURN NEW;
    END IF;
    RAISE EXCEPTION 'Le journal d''audit est en ajout seul : un événement s''ajoute non scellé (la position et l''empreinte sont données par audit_seal)' USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF TG_OP = 'UPDATE' AND current_setting('app.audit_seal', true) = 'on'
     AND OLD."chainPos" IS NULL AND OLD."hash" IS NULL AND OLD."prevHash" IS NULL AND OLD."tail" IS NOT NULL
     AND NEW."chainPos" IS NOT NULL AND NEW."hash" IS NOT NULL AND NEW."tail" IS NULL
     AND NEW."id" = OLD."id"
     AND NEW."at" IS NOT DISTINCT FROM OLD."at"
     AND NEW."actorId" IS NOT DISTINCT FROM OLD."actorId"
     AND NEW."actorRole" IS NOT DISTINCT FROM OLD."actorRole"
     AND NEW."action" IS NOT DISTINCT FROM OLD."action"
     AND NEW."entityType" IS NOT DISTINCT FROM OLD."entityType"
     AND NEW."entityId" IS NOT DISTINCT FROM OLD."entityId"
     AND NEW."platformId" IS NOT DISTINCT FROM OLD."platformId"
     AND NEW."reason" IS NOT DISTINCT FROM OLD."reason"
     AND NEW."metadata" IS NOT DISTINCT FROM OLD."metadata"
     AND NEW."ip" IS NOT DISTINCT FROM OLD."ip"
     AND NEW."requestId" IS NOT DISTINCT FROM OLD."requestId" THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION 'Le journal d''audit est en ajout seul : % refusé', TG_OP USING ERRCODE = 'insufficient_privilege';
END
$$ LANGUAGE plpgsql;

DROP TRIGGER audit_event_append_only ON "AuditEvent";
CREATE TRIGGER audit_event_append_only
  BEFORE INSERT OR UPDATE OR DELETE ON "AuditEvent"
  FOR EACH ROW EXECUTE FUNCTION audit_event_append_only();

-- One round trip per audit event (issue 18). The chain step — take the chain's advisory lock, read
-- the head, hash, insert — is one call of this function, so the lock (held until the end of the
-- transaction, as before) covers one statement and the COMMIT instead of four round trips through
-- Node. PL/pgSQL runs each inner statement with a fresh snapshot (READ COMMITTED): the head read
-- *after* the lock sees the event the previous holder committed, so two instances never fork the
-- chain. (A single plain SQL statement could not guarantee that: its snapshot predates the lock.)
--
-- Hashed text (identical to what `npm run audit:verify` recomputes, lib/audit/audit.service.ts):
--   JSON.stringify([prevHash, at.toISOString(), action, actorId, entityType, entityId, platformId, reason, canonical(metadata)])
-- The application serialises the event's own part (`tail`: `"action",…,metadata]`) with the very
-- function verify uses; the database only adds the two values it alone knows under the lock, the
-- previous hash and the time, in the same JSON form.
CREATE OR REPLACE FUNCTION audit_append(
  p_lock bigint,
  p_tail text,
  p_action text,
  p_actor_id uuid,
  p_actor_role "Role",
  p_entity_type text,
  p_entity_id text,
  p_platform_id uuid,
  p_reason text,
  p_metadata jsonb,
  p_ip text,
  p_request_id text
) RETURNS bigint AS $$
DECLARE
  v_prev text;
  v_at timestamp(3);
  v_hash text;
  v_id bigint;
BEGIN
  IF current_setting('transaction_isolation') <> 'read committed' THEN
    -- A transaction-wide snapshot would read a stale head after waiting for the lock.
    RAISE EXCEPTION 'audit_append exige le niveau d''isolation READ COMMITTED (actuel : %)', current_setting('transaction_isolation');
  END IF;
  PERFORM pg_advisory_xact_lock(p_lock);
  SELECT "hash" INTO v_prev FROM "AuditEvent" ORDER BY "id" DESC LIMIT 1;
  v_at := date_trunc('milliseconds', clock_timestamp() AT TIME ZONE 'UTC');
  v_hash := encode(sha256(convert_to(
    '[' || COALESCE(to_json(v_prev)::text, 'null') || ',"' || to_char(v_at, 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') || '",' || p_tail,
    'UTF8')), 'hex');
  INSERT INTO "AuditEvent" ("at", "action", "actorId", "actorRole", "entityType", "entityId", "platformId", "reason", "metadata", "ip", "requestId", "prevHash", "hash")
  VALUES (v_at, p_action, p_actor_id, p_actor_role, p_entity_type, p_entity_id, p_platform_id, p_reason, p_metadata, p_ip, p_request_id, v_prev, v_hash)
  RETURNING "id" INTO v_id;
  RETURN v_id;
END
$$ LANGUAGE plpgsql VOLATILE;

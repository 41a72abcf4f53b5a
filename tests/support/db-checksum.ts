// A checksum of every row of every table (not counts): an UPDATE made by a request that was refused
// shows up. Rows are hashed one by one and sorted, so the physical order does not matter.
import type pg from "pg";

/**
 * Tables a refused request may legitimately write: the audit log, the login throttle and the API
 * token's « last used » time (the token did authenticate the request).
 */
export const MAY_CHANGE_ON_REFUSAL = ["AuditEvent", "LoginThrottle", "ApiToken", "_prisma_migrations"];

/** `only`: just these tables (those a write probe saw touched). */
export async function tableChecksums(c: pg.Client, exclude: readonly string[] = MAY_CHANGE_ON_REFUSAL, only?: readonly string[]): Promise<Record<string, string>> {
  const tables = (await c.query<{ t: string }>(`SELECT tablename AS t FROM pg_tables WHERE schemaname = 'public' AND NOT (tablename = ANY($1)) ORDER BY 1`, [exclude])).rows.filter(({ t }) => !only || only.includes(t));
  if (tables.length === 0) return {};
  const sql = tables
    .map(({ t }) => `SELECT '${t}' AS t, md5(coalesce(string_agg(h, ',' ORDER BY h), '')) AS h FROM (SELECT md5(x::text) AS h FROM "public"."${t}" x) s`)
    .join(" UNION ALL ");
  const rows = (await c.query<{ t: string; h: string }>(sql)).rows;
  return Object.fromEntries(rows.map((r) => [r.t, r.h]));
}

/** The tables whose checksum differs. */
export function changedTables(before: Record<string, string>, after: Record<string, string>): string[] {
  return [...new Set([...Object.keys(before), ...Object.keys(after)])].filter((t) => before[t] !== after[t]).sort();
}

import "server-only";
// Searches and labels over the reference data (ROME, NAF, INSEE communes) for the pickers and for
// showing a code with its label everywhere (« H2913 — Soudage manuel », « Liévin (62800) »).
import { formatNaf } from "@/lib/companies/company.rules";
import type { DbOrTx } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import type { RefOption } from "@/lib/reference/reference.schema";
import { normalizeSearch } from "@/lib/search/normalize";

const LIMIT = 20;

export const romeOptionLabel = (code: string, label: string) => `${code} — ${label}`;
export const nafOptionLabel = (code: string, label: string) => `${formatNaf(code)} — ${label}`;
export const communeOptionLabel = (name: string, postalCode: string | null | undefined) => (postalCode ? `${name} (${postalCode})` : name);

const words = (q: string) => normalizeSearch(q).replace(/[-'’]/g, " ").split(" ").filter(Boolean).slice(0, 6);

/** ROME codes by code, label or appellation (« soudeur » → H2913, the matched job title as description). */
export async function searchRome(db: DbOrTx, q: string): Promise<RefOption[]> {
  const w = words(q);
  if (w.length === 0) return [];
  const byCode = /^[a-n]\d{0,4}$/.test(w[0]!) && w.length === 1;
  const codes = await db.romeCode.findMany({
    where: byCode ? { code: { startsWith: w[0]!.toUpperCase() } } : { AND: w.map((x) => ({ searchText: { contains: x } })) },
    orderBy: { code: "asc" },
    take: LIMIT,
  });
  const out: RefOption[] = codes.map((c) => ({ value: c.code, label: romeOptionLabel(c.code, c.label) }));
  if (byCode || out.length >= LIMIT) return out;
  const apps = await db.romeAppellation.findMany({
    where: { AND: w.map((x) => ({ searchText: { contains: x } })), romeCode: { notIn: codes.map((c) => c.code) } },
    select: { label: true, searchText: true, rome: { select: { code: true, label: true } } },
    take: 200,
  });
  // Job titles starting with the first word first (« soudeur » before « aide-soudeur »), shortest first.
  apps.sort((a, b) => Number(b.searchText.startsWith(w[0]!)) - Number(a.searchText.startsWith(w[0]!)) || a.label.length - b.label.length);
  const seen = new Set(out.map((o) => o.value));
  for (const a of apps) {
    if (seen.has(a.rome.code)) continue;
    seen.add(a.rome.code);
    out.push({ value: a.rome.code, label: romeOptionLabel(a.rome.code, a.rome.label), description: a.label });
    if (out.length >= LIMIT) break;
  }
  return out;
}

/** NAF rév. 2 sub-classes by code (47.11D, 4711D, 47.1…) or words of the label. */
export async function searchNaf(db: DbOrTx, q: string): Promise<RefOption[]> {
  const w = words(q);
  if (w.length === 0) return [];
  const compact = q.replace(/[\s.]/g, "").toUpperCase();
  const byCode = /^\d{1,4}[A-Z]?$/.test(compact);
  const rows = await db.nafCode.findMany({
    where: byCode ? { code: { startsWith: compact } } : { AND: w.map((x) => ({ searchText: { contains: x } })) },
    orderBy: { code: "asc" },
    take: LIMIT,
  });
  return rows.map((n) => ({ value: n.code, label: nafOptionLabel(n.code, n.label) }));
}

/** Communes by name (accents, case, hyphens ignored) or postal / INSEE code; the user's platforms' perimeter first, then by population. */
export async function searchCommunes(db: DbOrTx, q: string, preferred: readonly string[] = []): Promise<RefOption[]> {
  const trimmed = q.trim();
  if (trimmed === "") return [];
  const digits = /^\d{2,5}$/.test(trimmed) || /^2[ab]\d{0,3}$/i.test(trimmed);
  const pref = [...preferred];
  type Row = { inseeCode: string; name: string; postalCodes: string[] };
  let rows: Row[];
  if (digits) {
    const like = `${trimmed.toUpperCase()}%`;
    rows = await db.$queryRaw<Row[]>`
      SELECT "inseeCode", "name", "postalCodes" FROM "Commune"
      WHERE "inseeCode" LIKE ${like} OR EXISTS (SELECT 1 FROM unnest("postalCodes") p WHERE p LIKE ${like})
      ORDER BY ("inseeCode" = ANY(${pref})) DESC, "population" DESC, "name" LIMIT ${LIMIT}`;
    return rows.map((r) => {
      const postal = r.postalCodes.find((p) => p.startsWith(trimmed)) ?? r.postalCodes[0];
      return { value: r.inseeCode, label: communeOptionLabel(r.name, postal), description: `Code INSEE ${r.inseeCode}` };
    });
  }
  const text = words(trimmed).join(" ");
  if (text === "") return [];
  const norm = Prisma.sql`replace(replace(lower(f_unaccent("name")), '-', ' '), '''', ' ')`;
  rows = await db.$queryRaw<Row[]>`
    SELECT "inseeCode", "name", "postalCodes" FROM "Commune"
    WHERE ${norm} LIKE ${`${text}%`} OR ${norm} LIKE ${`% ${text}%`}
    ORDER BY (${norm} = ${text}) DESC, ("inseeCode" = ANY(${pref})) DESC, (${norm} LIKE ${`${text}%`}) DESC, "population" DESC, "name" LIMIT ${LIMIT}`;
  return rows.map((r) => ({ value: r.inseeCode, label: communeOptionLabel(r.name, r.postalCodes[0]), description: `Code INSEE ${r.inseeCode}` }));
}

/** Labels of the given ROME codes (unknown codes keep their bare code). */
export async function romeLabels(db: DbOrTx, codes: readonly (string | null | undefined)[]): Promise<Map<string, string>> {
  const wanted = [...new Set(codes.filter((c): c is string => !!c))];
  const rows = wanted.length ? await db.romeCode.findMany({ where: { code: { in: wanted } } }) : [];
  const map = new Map(rows.map((r) => [r.code, romeOptionLabel(r.code, r.label)]));
  for (const c of wanted) if (!map.has(c)) map.set(c, c);
  return map;
}

export async function nafLabel(db: DbOrTx, code: string | null | undefined): Promise<string | null> {
  if (!code) return null;
  const row = await db.nafCode.findUnique({ where: { code } });
  return row ? nafOptionLabel(row.code, row.label) : formatNaf(code);
}

export async function communeLabels(db: DbOrTx, codes: readonly (string | null | undefined)[]): Promise<Map<string, string>> {
  const wanted = [...new Set(codes.filter((c): c is string => !!c))];
  const rows = wanted.length ? await db.commune.findMany({ where: { inseeCode: { in: wanted } }, select: { inseeCode: true, name: true, postalCodes: true } }) : [];
  const map = new Map(rows.map((r) => [r.inseeCode, communeOptionLabel(r.name, r.postalCodes[0])]));
  for (const c of wanted) if (!map.has(c)) map.set(c, c);
  return map;
}

/** One picker option for a stored code (for a form's initial value), or null. */
export async function romeOption(db: DbOrTx, code: string | null | undefined): Promise<RefOption | null> {
  return code ? { value: code, label: (await romeLabels(db, [code])).get(code)! } : null;
}
export async function nafOption(db: DbOrTx, code: string | null | undefined): Promise<RefOption | null> {
  return code ? { value: code, label: (await nafLabel(db, code))! } : null;
}
export async function communeOption(db: DbOrTx, code: string | null | undefined): Promise<RefOption | null> {
  return code ? { value: code, label: (await communeLabels(db, [code])).get(code)! } : null;
}

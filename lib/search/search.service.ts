import "server-only";
// Global search across companies, job seekers, offers and events: accent- and case-insensitive
// (PostgreSQL unaccent), limited to what the user may read, grouped by type. Every job seeker shown
// is a personal-data read and is audited.
import { recordAudit } from "@/lib/audit/audit.service";
import type { CurrentUser } from "@/lib/auth/principal";
import { scopeFor, type ScopedModel, type ScopeWhere } from "@/lib/authz/policy";
import { sqlScope } from "@/lib/authz/sql-scope";
import type { Db } from "@/lib/db";
import { formatDate } from "@/lib/format";
import { Prisma } from "@/lib/generated/prisma/client";
import { containsPattern } from "@/lib/search/like";
import { SEARCH_LABELS, SEARCH_LINKS, searchQuerySchema, type SearchHit, type SearchResult, type SearchType } from "@/lib/search/search.schema";
import { parseInput } from "@/lib/validation";

const PER_TYPE = 8;

/**
 * SQL of the ids matching `pattern` for one type, within `scope`, best-known order. Its calls are all
 * admitted by the driver-level read retry (lib/db-client.ts isPlainSelect), so a search under way when
 * PostgreSQL restarts is read again (tests/unit/lib/plain-select.test.ts checks every type's text).
 */
export function searchIdsSql(type: SearchType, scope: ScopeWhere, pattern: string): Prisma.Sql {
  const m = (expr: string) => Prisma.sql`unaccent(lower(${Prisma.raw(expr)})) LIKE unaccent(${pattern})`;
  switch (type) {
    case "company":
      return Prisma.sql`SELECT t.id FROM "Company" t WHERE ${sqlScope(scope, "t")}
        AND (${m("t.name")} OR t.siret LIKE ${pattern} OR ${m("coalesce(t.city, '')")}) ORDER BY t.name LIMIT ${PER_TYPE}`;
    case "jobSeeker":
      return Prisma.sql`SELECT t.id FROM "JobSeeker" t WHERE ${sqlScope(scope, "t")} AND t.lifecycle = 'ACTIVE'
        AND (${m("concat_ws(' ', t.\"firstName\", t.\"lastName\")")} OR ${m("concat_ws(' ', t.\"lastName\", t.\"firstName\")")}
             OR ${m("coalesce(t.email, '')")} OR ${m("coalesce(t.\"franceTravailId\", '')")})
        ORDER BY t."lastName", t."firstName" LIMIT ${PER_TYPE}`;
    case "offer":
      return Prisma.sql`SELECT t.id FROM "JobOffer" t WHERE ${sqlScope(scope, "t")}
        AND (${m("t.title")} OR ${m("coalesce(t.\"placeLabel\", '')")}) ORDER BY t."receivedAt" DESC LIMIT ${PER_TYPE}`;
    case "event":
      return Prisma.sql`SELECT t.id FROM "CircuitCourtEvent" t WHERE ${sqlScope(scope, "t")}
        AND (${m("t.title")} OR ${m("t.place")} OR ${m("coalesce(t.theme, '')")}) ORDER BY t.date DESC LIMIT ${PER_TYPE}`;
  }
}

const MODEL: Record<SearchType, ScopedModel> = { company: "company", jobSeeker: "jobSeeker", offer: "offer", event: "event" };

async function hitsFor(db: Db, user: CurrentUser, type: SearchType, scope: ScopeWhere, pattern: string): Promise<SearchHit[]> {
  const ids = (await db.$queryRaw<{ id: string }[]>(searchIdsSql(type, scope, pattern))).map((r) => r.id);
  if (ids.length === 0) return [];
  const where = { AND: [scope, { id: { in: ids } }] };
  // Keep the SQL order (name, date…); rows out of the Prisma scope are simply absent.
  const order = <R extends { id: string }>(rows: R[]): R[] => ids.map((id) => rows.find((r) => r.id === id)).filter((r): r is R => r !== undefined);
  const href = SEARCH_LINKS[type];
  switch (type) {
    case "company": {
      const rows = await db.company.findMany({ where, select: { id: true, name: true, city: true, siret: true, platform: { select: { name: true } } } });
      return order(rows).map((r) => ({ id: r.id, title: r.name, subtitle: [r.city, `SIRET ${r.siret}`, r.platform.name].filter(Boolean).join(" · "), href: href(r.id) }));
    }
    case "jobSeeker": {
      const rows = await db.jobSeeker.findMany({ where, select: { id: true, firstName: true, lastName: true, city: true, platformId: true, platform: { select: { name: true } } } });
      const sorted = order(rows);
      await db.$transaction(async (tx) => {
        for (const r of sorted) {
          await recordAudit(tx, { action: "jobSeeker.search.hit", actorId: user.id, actorRole: user.role, entityType: "JobSeeker", entityId: r.id, platformId: r.platformId });
        }
      });
      return sorted.map((r) => ({ id: r.id, title: [r.firstName, r.lastName].filter(Boolean).join(" ") || "(sans nom)", subtitle: [r.city, r.platform.name].filter(Boolean).join(" · "), href: href(r.id) }));
    }
    case "offer": {
      const rows = await db.jobOffer.findMany({ where, select: { id: true, title: true, placeLabel: true, status: true, company: { select: { name: true } } } });
      return order(rows).map((r) => ({ id: r.id, title: r.title, subtitle: [r.company.name, r.placeLabel].filter(Boolean).join(" · "), href: href(r.id) }));
    }
    case "event": {
      const rows = await db.circuitCourtEvent.findMany({ where, select: { id: true, title: true, date: true, place: true } });
      return order(rows).map((r) => ({ id: r.id, title: r.title, subtitle: `${formatDate(r.date)} · ${r.place}`, href: href(r.id) }));
    }
  }
}

export async function globalSearch(db: Db, user: CurrentUser, raw: { q: string }): Promise<SearchResult> {
  const { q } = parseInput(searchQuerySchema, raw);
  const pattern = containsPattern(q);
  const groups: SearchResult["groups"] = [];
  for (const type of ["company", "jobSeeker", "offer", "event"] as const) {
    const scope = scopeFor(user, MODEL[type]);
    if (!scope) continue; // a type the role may not read is not searched at all
    groups.push({ type, label: SEARCH_LABELS[type], hits: await hitsFor(db, user, type, scope, pattern) });
  }
  return { q, groups };
}

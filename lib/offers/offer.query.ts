import "server-only";
import type { CurrentUser } from "@/lib/auth/principal";
import { scopeFor } from "@/lib/authz/policy";
import { sqlScope } from "@/lib/authz/sql-scope";
import type { DbOrTx } from "@/lib/db";
import { ForbiddenError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import { goesStale, offerStaleness, type OfferStatus, type Staleness } from "@/lib/offers/offer.rules";
import { addParisDays, parisStartOfDay } from "@/lib/paris-day";
import type { OfferDto, OfferListQuery } from "@/lib/offers/offer.schema";
import { cappedTotal, keysetArgs, keysetPage, tableEstimate, type KeysetPage, type KeysetSort } from "@/lib/pagination/keyset";
import { iso, pageJson } from "@/lib/pagination/keyset-sql";
import { getActiveRuleSet } from "@/lib/rules/active-rule-set";
import { normalizeSearch } from "@/lib/search/normalize";
import { likeLiteral } from "@/lib/search/like";

export type OfferListItem = OfferDto & { staleness: Staleness["state"] | null; daysLeft: number | null };

/** Sort field and direction; the id follows in the same direction (indexes `(receivedAt, id)`,
 *  `(platformId, receivedAt, id)`, `(title, id)` serve a platform and the whole region). */
const ORDER: Record<OfferListQuery["sort"], KeysetSort> = {
  receivedAt: { field: "receivedAt", dir: "asc" },
  "-receivedAt": { field: "receivedAt", dir: "desc" },
  title: { field: "title", dir: "asc" },
  "-title": { field: "title", dir: "desc" },
};

/** A JavaScript instant as a parameter compared with a UTC `timestamp(3)` column. */
const instant = (d: Date) => Prisma.sql`${d.toISOString()}::timestamp(3)`;

/** One row of a page: the item's JSON (OfferDto's keys, in its order) and what the list computes around it. */
interface PageRow {
  id: string;
  /** The sort value: reception instant (ISO) or title. */
  k: string;
  status: OfferStatus;
  /** Last activity (ISO), for the staleness computed with the rule set. */
  la: string;
  j: string;
}

/**
 * One page of offers, read in one statement whose rows are the response's items as JSON text built
 * by PostgreSQL (issue 18: Node spent about half of the list's CPU mapping 50 rows of 23 columns
 * into objects, Dates and back to JSON). Same reading as the former Prisma query and its two
 * relations (company name, last proposal move): one snapshot, so an offer can no longer drop out of
 * the page because its company vanished between two statements. The visible offers come from the
 * policy module (`scopeFor`, translated by `sqlScope`, which matches nothing for a shape it does not know).
 */
async function readOfferPage(db: DbOrTx, user: CurrentUser, q: OfferListQuery, now: Date) {
  const scope = scopeFor(user, "offer");
  if (!scope) throw new ForbiddenError();
  const rules = (await getActiveRuleSet(db, "OPERATIONS", now)).payload;
  // Stale from the Paris day offerStaleDays after the last activity (offerStaleness): last activity
  // before the Paris day after today − offerStaleDays.
  const staleSince = parisStartOfDay(addParisDays(now, 1 - rules.offerStaleDays));
  const term = q.q ? normalizeSearch(q.q) : "";
  const contains = `%${likeLiteral(term)}%`;
  const active = Prisma.sql`o.status IN ('OPEN'::"OfferStatus", 'PARTIALLY_FILLED'::"OfferStatus")`;
  const filters: Prisma.Sql[] = [
    sqlScope(scope, "o"),
    ...(q.status === "ACTIVE" ? [active] : q.status ? [Prisma.sql`o.status = ${q.status}::"OfferStatus"`] : []),
    ...(q.contractType ? [Prisma.sql`o."contractType" = ${q.contractType}::"ContractType"`] : []),
    ...(q.hiddenMarket ? [Prisma.sql`o."hiddenMarket" = ${q.hiddenMarket === "true"}`] : []),
    ...(q.romeCode ? [Prisma.sql`o."romeCode" LIKE ${`${likeLiteral(q.romeCode)}%`}`] : []),
    ...(q.companyId ? [Prisma.sql`o."companyId" = ${q.companyId}::uuid`] : []),
    ...(term
      ? [Prisma.sql`(o.title ILIKE ${contains} OR EXISTS (SELECT 1 FROM "Company" s WHERE s.id = o."companyId" AND s."searchText" LIKE ${contains}))`]
      : []),
    ...(q.stale
      ? [Prisma.sql`${active} AND o."updatedAt" < ${instant(staleSince)} AND NOT EXISTS (SELECT 1 FROM "Proposal" sp WHERE sp."offerId" = o.id AND sp."statusChangedAt" >= ${instant(staleSince)})`]
      : []),
  ];
  const where = Prisma.join(filters, " AND ");
  const sort = ORDER[q.sort];
  const page = keysetArgs(sort, q, sort.field === "receivedAt" ? "date" : "string");
  // The order and the seek condition of keysetArgs, in SQL: sort column then id, in the read direction.
  const dir = page.backwards ? (sort.dir === "asc" ? "DESC" : "ASC") : sort.dir === "asc" ? "ASC" : "DESC";
  const col = Prisma.raw(sort.field === "receivedAt" ? `o."receivedAt"` : `o.title`);
  const orderBy = Prisma.sql`${col} ${Prisma.raw(dir)}, o.id ${Prisma.raw(dir)}`;
  let seek = Prisma.sql`TRUE`;
  if (page.cursor) {
    const v = page.cursor.values[0]!;
    const value = v instanceof Date ? instant(v) : Prisma.sql`${v}`;
    const [gt, ge] = dir === "ASC" ? [Prisma.raw(">"), Prisma.raw(">=")] : [Prisma.raw("<"), Prisma.raw("<=")];
    seek = Prisma.sql`${col} ${ge} ${value} AND (${col} ${gt} ${value} OR (${col} = ${value} AND o.id ${gt} ${page.cursor.id}::uuid))`;
  }
  // Only an unfiltered region-wide list may show the table's estimated size.
  const unfiltered = !q.status && !q.contractType && !q.hiddenMarket && !q.romeCode && !q.companyId && !term && !q.stale;
  const wide = Object.keys(scope).length === 0;
  const count = async (take: number) =>
    (await db.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM (SELECT 1 FROM "JobOffer" o WHERE ${where} LIMIT ${take}) t`)[0]!.n;
  const [total, rows] = await Promise.all([
    cappedTotal(count, unfiltered && wide ? () => tableEstimate(db, "JobOffer") : undefined, page),
    db.$queryRaw<PageRow[]>`
      SELECT o.id, ${sort.field === "receivedAt" ? iso(Prisma.raw(`o."receivedAt"`)) : Prisma.raw("o.title")} AS k, o.status, d."lastActivityAt" AS la, row_to_json(d)::text AS j
      FROM (SELECT * FROM "JobOffer" o WHERE ${where} AND ${seek} ORDER BY ${orderBy} LIMIT ${page.take} OFFSET ${page.skip}) o
      JOIN "Company" c ON c.id = o."companyId"
      LEFT JOIN LATERAL (SELECT max(p."statusChangedAt") AS at FROM "Proposal" p WHERE p."offerId" = o.id) p ON TRUE
      CROSS JOIN LATERAL (
        SELECT o.id, o."companyId", c.name AS company, o."visitId", o.title, o."romeCode", o."contractType", o."contractDurationMonths",
          o."workingTime", o."weeklyHours", o."placeInseeCode" AS "communeCode", o."placeLabel" AS place, o.positions, o."positionsFilled",
          o."hiddenMarket", o."inTension", o.source, o.status, o.description, ${iso(Prisma.raw(`o."receivedAt"`))} AS "receivedAt",
          ${iso(Prisma.raw(`o."expiresAt"`))} AS "expiresAt", ${iso(Prisma.raw(`GREATEST(o."updatedAt", p.at)`))} AS "lastActivityAt", o.version
      ) d
      ORDER BY ${orderBy}`,
  ]);
  const result = keysetPage(rows, page, q, (r) => (sort.field === "receivedAt" ? new Date(r.k) : r.k), total);
  /** The item's JSON with the staleness (rule set of the moment) after OfferDto's keys. */
  const items = result.items.map((r) => {
    const s = goesStale(r.status) ? offerStaleness(new Date(r.la), now, rules) : null;
    return `${r.j.slice(0, -1)},"staleness":${s ? `"${s.state}"` : "null"},"daysLeft":${s?.state === "STALE" ? s.daysLeft : "null"}}`;
  });
  return { ...result, items };
}

/** A page of the offers list (the offers page, exports, tests). */
export async function listOffers(db: DbOrTx, user: CurrentUser, q: OfferListQuery, now = new Date()): Promise<KeysetPage<OfferListItem>> {
  const page = await readOfferPage(db, user, q, now);
  return { ...page, items: page.items.map((j) => JSON.parse(j) as OfferListItem) };
}

/**
 * The same page as the API's JSON text (`GET /api/v1/offers`), byte for byte what
 * `JSON.stringify(await listOffers(…))` writes: the items pass through as PostgreSQL wrote them.
 */
export async function listOffersJson(db: DbOrTx, user: CurrentUser, q: OfferListQuery, now = new Date()): Promise<string> {
  return pageJson(await readOfferPage(db, user, q, now), (j) => j);
}

/** Staleness of one offer, for its detail page. */
export async function offerStalenessNow(db: DbOrTx, offer: OfferDto, now = new Date()): Promise<Staleness | null> {
  if (!goesStale(offer.status)) return null;
  const rules = (await getActiveRuleSet(db, "OPERATIONS", now)).payload;
  return offerStaleness(new Date(offer.lastActivityAt), now, rules);
}

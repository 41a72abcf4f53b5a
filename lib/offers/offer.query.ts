import "server-only";
import { subDays } from "date-fns";
import type { CurrentUser } from "@/lib/auth/principal";
import type { DbOrTx } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { goesStale, offerStaleness, type Staleness } from "@/lib/offers/offer.rules";
import type { OfferDto, OfferListQuery } from "@/lib/offers/offer.schema";
import { lastActivity, offerColumnsSelect, offerScope, toOfferDto, withOfferRelations } from "@/lib/offers/offer.service";
import { cappedTotal, keysetArgs, keysetPage, tableEstimate, type KeysetSort } from "@/lib/pagination/keyset";
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

export async function listOffers(db: DbOrTx, user: CurrentUser, q: OfferListQuery, now = new Date()) {
  const rules = (await getActiveRuleSet(db, "OPERATIONS", now)).payload;
  const staleSince = subDays(now, rules.offerStaleDays);
  const term = q.q ? normalizeSearch(q.q) : "";
  const where: Prisma.JobOfferWhereInput = {
    AND: [
      offerScope(user),
      q.status === "ACTIVE" ? { status: { in: ["OPEN", "PARTIALLY_FILLED"] } } : q.status ? { status: q.status } : {},
      q.contractType ? { contractType: q.contractType } : {},
      q.hiddenMarket ? { hiddenMarket: q.hiddenMarket === "true" } : {},
      q.romeCode ? { romeCode: { startsWith: q.romeCode } } : {},
      q.companyId ? { companyId: q.companyId } : {},
      term ? { OR: [{ title: { contains: likeLiteral(term), mode: "insensitive" } }, { company: { searchText: { contains: likeLiteral(term) } } }] } : {},
      q.stale ? { status: { in: ["OPEN", "PARTIALLY_FILLED"] }, updatedAt: { lt: staleSince }, proposals: { none: { statusChangedAt: { gte: staleSince } } } } : {},
    ],
  };
  const sort = ORDER[q.sort];
  const page = keysetArgs(sort, q, sort.field === "receivedAt" ? "date" : "string");
  // Only an unfiltered region-wide list may show the table's estimated size.
  const unfiltered = !q.status && !q.contractType && !q.hiddenMarket && !q.romeCode && !q.companyId && !term && !q.stale;
  const wide = Object.keys(offerScope(user)).length === 0;
  const [total, rows] = await Promise.all([
    cappedTotal((take) => db.jobOffer.count({ where, take }), unfiltered && wide ? () => tableEstimate(db, "JobOffer") : undefined, page),
    db.jobOffer.findMany({ where: { AND: [where, page.seek] }, orderBy: page.orderBy, skip: page.skip, take: page.take, select: offerColumnsSelect }),
  ]);
  const result = keysetPage(rows, page, q, (o) => (sort.field === "receivedAt" ? o.receivedAt : o.title), total);
  const items: OfferListItem[] = (await withOfferRelations(db, result.items)).map((o) => {
    const s = goesStale(o.status) ? offerStaleness(lastActivity(o), now, rules) : null;
    return { ...toOfferDto(o), staleness: s?.state ?? null, daysLeft: s?.state === "STALE" ? s.daysLeft : null };
  });
  return { ...result, items };
}

/** Staleness of one offer, for its detail page. */
export async function offerStalenessNow(db: DbOrTx, offer: OfferDto, now = new Date()): Promise<Staleness | null> {
  if (!goesStale(offer.status)) return null;
  const rules = (await getActiveRuleSet(db, "OPERATIONS", now)).payload;
  return offerStaleness(new Date(offer.lastActivityAt), now, rules);
}

import "server-only";
import { subDays } from "date-fns";
import type { CurrentUser } from "@/lib/auth/principal";
import type { DbOrTx } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { goesStale, offerStaleness, type Staleness } from "@/lib/offers/offer.rules";
import type { OfferDto, OfferListQuery } from "@/lib/offers/offer.schema";
import { lastActivity, offerScope, offerSelect, toOfferDto } from "@/lib/offers/offer.service";
import { getActiveRuleSet } from "@/lib/rules/active-rule-set";
import { normalizeSearch } from "@/lib/search/normalize";
import { likeLiteral } from "@/lib/search/like";

export type OfferListItem = OfferDto & { staleness: Staleness["state"] | null; daysLeft: number | null };

const ORDER: Record<OfferListQuery["sort"], Prisma.JobOfferOrderByWithRelationInput> = {
  receivedAt: { receivedAt: "asc" },
  "-receivedAt": { receivedAt: "desc" },
  title: { title: "asc" },
  "-title": { title: "desc" },
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
  const [total, rows] = await Promise.all([
    db.jobOffer.count({ where }),
    db.jobOffer.findMany({ where, orderBy: [ORDER[q.sort], { id: "asc" }], skip: (q.page - 1) * q.pageSize, take: q.pageSize, select: offerSelect }),
  ]);
  const items: OfferListItem[] = rows.map((o) => {
    const s = goesStale(o.status) ? offerStaleness(lastActivity(o), now, rules) : null;
    return { ...toOfferDto(o), staleness: s?.state ?? null, daysLeft: s?.state === "STALE" ? s.daysLeft : null };
  });
  return { items, page: q.page, pageSize: q.pageSize, total };
}

/** Staleness of one offer, for its detail page. */
export async function offerStalenessNow(db: DbOrTx, offer: OfferDto, now = new Date()): Promise<Staleness | null> {
  if (!goesStale(offer.status)) return null;
  const rules = (await getActiveRuleSet(db, "OPERATIONS", now)).payload;
  return offerStaleness(new Date(offer.lastActivityAt), now, rules);
}

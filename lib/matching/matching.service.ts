import "server-only";
// Candidates for an offer and offers for a person, ranked by matching.rules.ts. The database
// narrows the pool (same platform, active people, same job or same area); the rule ranks it.
import { recordAudit } from "@/lib/audit/audit.service";
import type { CurrentUser } from "@/lib/auth/principal";
import { scopeFor } from "@/lib/authz/policy";
import type { Db, DbOrTx } from "@/lib/db";
import { ForbiddenError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { activeSeekerWhere, findJobSeekerInScope } from "@/lib/job-seekers/job-seeker.query";
import { matchScore, rankMatches, REGION_DEPARTMENTS, type MatchResult, type Place } from "@/lib/matching/matching.rules";
import { findOfferInScope } from "@/lib/proposals/proposal.service";

/** Upper bound of the pool ranked in memory: enough for a platform, bounded for safety. */
const POOL = 2_000;

async function places(db: DbOrTx, codes: (string | null)[]): Promise<Map<string, Place>> {
  const wanted = [...new Set(codes.filter((c): c is string => !!c))];
  if (wanted.length === 0) return new Map();
  const rows = await db.commune.findMany({ where: { inseeCode: { in: wanted } }, select: { inseeCode: true, epciCode: true, departmentCode: true } });
  return new Map(rows.map((r) => [r.inseeCode, r]));
}

function regionOf(dept: string): string | null {
  return Object.entries(REGION_DEPARTMENTS).find(([, ds]) => ds.includes(dept))?.[0] ?? null;
}

export async function candidatesForOffer(db: Db, user: CurrentUser, offerId: string, opts: { limit: number; purpose: string; requestId?: string }) {
  return db.$transaction(async (tx) => {
    const offer = await findOfferInScope(tx, user, offerId);
    const place = (await places(tx, [offer.placeInseeCode])).get(offer.placeInseeCode ?? "") ?? null;
    const areaCodes = place ? [place.inseeCode, place.epciCode, place.departmentCode, regionOf(place.departmentCode)].filter((c): c is string => !!c) : [];
    const proposed = await tx.proposal.findMany({ where: { offerId }, select: { jobSeekerId: true } });
    const pool = await tx.jobSeeker.findMany({
      where: {
        AND: [
          activeSeekerWhere(user),
          // A restricted record (rights request) is out of matching.
          { platformId: offer.platformId, id: { notIn: proposed.map((p) => p.jobSeekerId) }, restrictedAt: null },
          { OR: [...(offer.romeCode ? [{ desiredRomeCodes: { has: offer.romeCode } }] : []), ...(areaCodes.length ? [{ mobilityCodes: { hasSome: areaCodes } }] : []), { mobilityScope: null }] },
        ],
      },
      take: POOL,
      select: {
        id: true, lastName: true, firstName: true, city: true, inseeCode: true, desiredRomeCodes: true, desiredJobLabel: true, contractType: true,
        mobilityScope: true, mobilityCodes: true, inActivity: true, wantsChange: true, proposals: { where: { status: "HIRED" }, select: { id: true }, take: 1 },
      },
    });
    const homes = await places(tx, pool.map((s) => s.inseeCode));
    const ranked = rankMatches(
      pool.map((s) => ({
        key: `${s.lastName ?? ""} ${s.firstName ?? ""} ${s.id}`,
        person: { id: s.id, lastName: s.lastName, firstName: s.firstName, city: s.city, desiredJobLabel: s.desiredJobLabel },
        match: matchScore(
          { romeCode: offer.romeCode, contractType: offer.contractType, place },
          { ...s, home: homes.get(s.inseeCode ?? "") ?? null, hired: s.proposals.length > 0 },
        ),
      })),
    )
      .filter((c) => c.match.score > 0)
      .slice(0, opts.limit);
    await recordAudit(tx, {
      action: "jobSeeker.list", actorId: user.id, actorRole: user.role, entityType: "JobSeeker", platformId: offer.platformId, reason: opts.purpose,
      requestId: opts.requestId, metadata: { offerId, count: ranked.length },
    });
    return { offer, place, candidates: ranked.map(({ person, match }) => ({ ...person, match })) };
  });
}

export type OfferMatch = { id: string; title: string; company: string; placeLabel: string | null; positions: number; positionsFilled: number; match: MatchResult };

/** Open offers of the person's platform, best fit first (the person was read and audited by the caller). */
export async function offersForJobSeeker(db: Db, user: CurrentUser, jobSeekerId: string, limit: number): Promise<OfferMatch[]> {
  const offerScope = scopeFor(user, "offer");
  if (!offerScope) throw new ForbiddenError();
  const person = await findJobSeekerInScope(db, user, jobSeekerId);
  if (person.restrictedAt) return [];
  const [offers, hired, already] = await Promise.all([
    db.jobOffer.findMany({
      where: { AND: [offerScope as Prisma.JobOfferWhereInput, { platformId: person.platformId, status: { in: ["OPEN", "PARTIALLY_FILLED"] } }] },
      orderBy: { receivedAt: "desc" },
      take: POOL,
      select: { id: true, title: true, romeCode: true, contractType: true, placeInseeCode: true, placeLabel: true, positions: true, positionsFilled: true, company: { select: { name: true } } },
    }),
    db.proposal.count({ where: { jobSeekerId, status: "HIRED" } }),
    db.proposal.findMany({ where: { jobSeekerId, offerId: { not: null } }, select: { offerId: true } }),
  ]);
  const done = new Set(already.map((a) => a.offerId));
  const placeOf = await places(db, [...offers.map((o) => o.placeInseeCode), person.inseeCode]);
  const seeker = {
    desiredRomeCodes: person.desiredRomeCodes, contractType: person.contractType, mobilityScope: person.mobilityScope, mobilityCodes: person.mobilityCodes,
    home: placeOf.get(person.inseeCode ?? "") ?? null, inActivity: person.inActivity, wantsChange: person.wantsChange, hired: hired > 0,
  };
  return rankMatches(
    offers
      .filter((o) => !done.has(o.id))
      .map((o) => ({
        key: o.id,
        offer: o,
        match: matchScore({ romeCode: o.romeCode, contractType: o.contractType, place: placeOf.get(o.placeInseeCode ?? "") ?? null }, seeker),
      })),
  )
    .filter((x) => x.match.score > 0)
    .slice(0, limit)
    .map(({ offer: o, match }) => ({ id: o.id, title: o.title, company: o.company.name, placeLabel: o.placeLabel, positions: o.positions, positionsFilled: o.positionsFilled, match }));
}

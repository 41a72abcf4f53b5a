// Job offers of one platform. Status and positionsFilled are only *planned* here: pipeline.ts
// sets them from the hires that actually happen, so the two can never disagree.
import { addDaysUtc, addMonthsUtc } from "@/lib/calendar-day";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { ContractType, OfferSource } from "@/lib/generated/prisma/enums";
import { type Job } from "./catalog";
import type { CompanyMeta } from "./companies";
import type { ChefMeta, EventMeta } from "./network";
import type { VisitMeta } from "./visits";
import {
  between, chance, faker, LatestDates, maxDate, minDate, pick, pickStaff, pickWeighted, uuid,
  type PlatformContext, type Rows, type SeedContext,
} from "./context";

export type OfferMeta = {
  id: string;
  row: Prisma.JobOfferCreateManyInput;
  job: Job;
  receivedAt: Date;
  /** Last day a proposal can be made: cancellation, expiry or now. */
  windowEnd: Date;
  positions: number;
  /** Hires the pipeline should try to make (it may make fewer if no candidate fits). */
  targetHires: number;
  frozen: "DRAFT" | "CANCELLED" | null;
};

const CONTRACTS: ReadonlyArray<readonly [ContractType, number]> = [
  ["CDI", 35], ["CDD", 25], ["INTERIM", 14], ["ALTERNANCE", 8], ["APPRENTISSAGE", 7], ["CONTRAT_AIDE", 8], ["AUTRE", 3],
];
const DURATION: Partial<Record<ContractType, [number, number]>> = {
  CDD: [3, 12], INTERIM: [1, 6], ALTERNANCE: [12, 24], APPRENTISSAGE: [12, 36], CONTRAT_AIDE: [6, 12],
};

type Origin = { source: OfferSource; company: CompanyMeta; receivedAt: Date; visitId?: string; eventId?: string };

function originOf(
  ctx: SeedContext, companies: CompanyMeta[], visits: VisitMeta[], events: EventMeta[], chefs: ChefMeta[],
): Origin {
  const source = pickWeighted<OfferSource>([["VISITE", 40], ["NUMERO_VERT", 10], ["EVENEMENT", 15], ["CHEF_DE_FILE", 8], ["SPONTANEE", 22], ["AUTRE", 5]]);
  const recruitingVisits = visits.filter((v) => v.recruits);
  const numeroVert = companies.filter((c) => c.viaNumeroVert);
  if (source === "VISITE" && recruitingVisits.length > 0) {
    const visit = pick(recruitingVisits);
    return { source, company: visit.company, visitId: visit.id, receivedAt: minDate(addDaysUtc(visit.date, faker.number.int({ min: 0, max: 3 })), ctx.now) };
  }
  if (source === "EVENEMENT") {
    const held = events.filter((e) => e.attendingCompanies.length > 0);
    if (held.length > 0) {
      const event = pick(held);
      return { source, company: pick(event.attendingCompanies), eventId: event.id, receivedAt: event.date };
    }
  }
  if (source === "NUMERO_VERT" && numeroVert.length > 0) {
    const company = pick(numeroVert);
    return { source, company, receivedAt: between(minDate(addDaysUtc(company.createdAt, 1), ctx.now), ctx.now) };
  }
  if (source === "CHEF_DE_FILE" && chefs.length > 0) {
    const chef = pick(chefs);
    const company = companies.find((c) => c.id === chef.companyId) ?? pick(companies);
    return { source, company, receivedAt: between(maxDate(chef.since, ctx.windowStart), ctx.now) };
  }
  const company = pick(companies);
  // Fallback when the drawn origin has no candidate yet (e.g. no recruiting visit).
  return { source: source === "AUTRE" ? "AUTRE" : "SPONTANEE", company, receivedAt: between(maxDate(company.createdAt, ctx.windowStart), ctx.now) };
}

export function generateOffers(
  ctx: SeedContext, p: PlatformContext, companies: CompanyMeta[], visits: VisitMeta[], events: EventMeta[],
  chefs: ChefMeta[], count: number, rows: Rows, contactDates: LatestDates,
): OfferMeta[] {
  const offers: OfferMeta[] = [];
  for (let i = 0; i < count; i++) {
    const o = originOf(ctx, companies, visits, events, chefs);
    const job = pick(o.company.sector.jobs);
    const contractType = pickWeighted(CONTRACTS);
    const range = DURATION[contractType];
    const partTime = chance(0.2);
    const positions = pickWeighted([[1, 65], [2, 22], [3, 13]] as const);
    const expiresAt = addMonthsUtc(o.receivedAt, faker.number.int({ min: 3, max: 4 }));
    const ageDays = (ctx.now.getTime() - o.receivedAt.getTime()) / 86_400_000;
    let frozen: OfferMeta["frozen"] = null;
    let windowEnd = minDate(expiresAt, ctx.now);
    let targetHires = 0;
    if (ageDays < 10 && chance(0.3)) frozen = "DRAFT";
    else if (ageDays > 20 && chance(0.08)) {
      frozen = "CANCELLED";
      windowEnd = between(addDaysUtc(o.receivedAt, 7), minDate(addDaysUtc(o.receivedAt, 60), ctx.now));
    } else if (ageDays > 10 && chance(0.55)) {
      targetHires = positions > 1 && chance(0.35) ? faker.number.int({ min: 1, max: positions - 1 }) : positions;
    }
    const id = uuid();
    const row: Prisma.JobOfferCreateManyInput = {
      id, platformId: p.id, companyId: o.company.id, visitId: o.visitId ?? null, eventId: o.eventId ?? null,
      title: job.title, romeCode: job.rome, contractType,
      contractDurationMonths: range ? faker.number.int({ min: range[0], max: range[1] }) : null,
      workingTime: partTime ? "TEMPS_PARTIEL" : "TEMPS_PLEIN",
      weeklyHours: partTime ? pick([20, 24, 28, 30]) : 35,
      placeInseeCode: o.company.commune.inseeCode, placeLabel: o.company.commune.name,
      positions, positionsFilled: 0, hiddenMarket: chance(0.6), inTension: job.inTension, source: o.source,
      status: frozen ?? "OPEN",
      description: `${job.title} (${contractType.toLowerCase().replace("_", " ")}) pour ${o.company.name}, poste basé à ${o.company.commune.name}.`,
      receivedAt: o.receivedAt, expiresAt, closedAt: frozen === "CANCELLED" ? windowEnd : null,
      createdById: pickStaff(p), createdAt: o.receivedAt,
    };
    rows.offers.push(row);
    contactDates.touch(o.company.id, o.receivedAt);
    offers.push({ id, row, job, receivedAt: o.receivedAt, windowEnd, positions, targetHires, frozen });
  }
  return offers;
}

/** Final status from the hires actually made (called by the pipeline once proposals exist). */
export function settleOffer(ctx: SeedContext, offer: OfferMeta, hireDates: Date[]): void {
  const row = offer.row;
  row.positionsFilled = hireDates.length;
  if (offer.frozen) return;
  const lastHire = hireDates.reduce<Date | null>((m, d) => (m && m > d ? m : d), null);
  const expired = (row.expiresAt as Date) < ctx.now;
  if (hireDates.length === offer.positions && lastHire) {
    row.status = "FILLED";
    row.filledAt = lastHire;
    row.closedAt = lastHire;
  } else if (expired) {
    row.status = "EXPIRED";
    row.closedAt = row.expiresAt;
  } else {
    row.status = hireDates.length > 0 ? "PARTIALLY_FILLED" : "OPEN";
  }
}

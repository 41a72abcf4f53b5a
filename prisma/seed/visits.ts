// Company visits of one platform, with the staff who went and the follow-up actions decided.
import { addDaysUtc } from "@/lib/calendar-day";
import type { NeedKind } from "@/lib/generated/prisma/enums";
import { FOLLOW_UP_LABELS, PARTNERS, VISIT_PURPOSES } from "./catalog";
import type { CompanyMeta } from "./companies";
import {
  between, chance, daysAfter, faker, LatestDates, maxDate, minDate, pick, pickStaff, uuid,
  type PlatformContext, type Rows, type SeedContext,
} from "./context";

export type VisitMeta = { id: string; company: CompanyMeta; date: Date; recruits: boolean };

const OUTCOMES = [
  "Besoin de recrutement confirmé, offre recueillie",
  "Entreprise intéressée par un circuit court",
  "Pas de besoin immédiat, relance dans trois mois",
  "Besoin de formation des salariés identifié",
  "Accord pour accueillir des immersions",
];

export function generateVisits(
  ctx: SeedContext, p: PlatformContext, companies: CompanyMeta[], count: number, rows: Rows, contactDates: LatestDates,
): VisitMeta[] {
  const visits: VisitMeta[] = [];
  for (let i = 0; i < count; i++) {
    const company = pick(companies);
    const date = between(maxDate(company.createdAt, ctx.windowStart), ctx.now);
    const needs = faker.helpers.arrayElements<NeedKind>(["RECRUTEMENT", "RECRUTEMENT", "FORMATION", "GPEC", "AUTRE"], { min: 1, max: 2 });
    const uniqueNeeds = [...new Set(needs)];
    const id = uuid();
    const staff = p.staffIds.length > 0 ? faker.helpers.arrayElements(p.staffIds, { min: 1, max: Math.min(2, p.staffIds.length) }) : [];
    rows.visits.push({
      id, platformId: p.id, companyId: company.id, date, timeSet: true, purpose: pick(VISIT_PURPOSES),
      partnersPresent: chance(0.6) ? faker.helpers.arrayElements(PARTNERS, { min: 1, max: 2 }) : [],
      needs: uniqueNeeds, outcome: pick(OUTCOMES),
      notes: chance(0.4) ? "Visite de l'atelier et rencontre avec le chef d'équipe." : null,
      createdById: staff[0] ?? null, createdAt: date,
    });
    for (const userId of staff) rows.visitStaff.push({ visitId: id, userId });
    contactDates.touch(company.id, date);
    visits.push({ id, company, date, recruits: uniqueNeeds.includes("RECRUTEMENT") });
    if (chance(0.6)) addFollowUps(ctx, p, company.id, id, date, rows);
  }
  return visits;
}

/** Past-due actions are mostly done; the rest are the overdue ones the dashboard must show. */
function addFollowUps(ctx: SeedContext, p: PlatformContext, companyId: string, visitId: string, visitDate: Date, rows: Rows): void {
  const labels = faker.helpers.arrayElements(FOLLOW_UP_LABELS, { min: 1, max: 2 });
  for (const label of labels) {
    const dueAt = daysAfter(visitDate, 7, 30);
    const pastDue = dueAt.getTime() < ctx.now.getTime();
    const done = pastDue ? chance(0.78) : chance(0.2);
    rows.followUps.push({
      id: uuid(), platformId: p.id, companyId, visitId, label, dueAt,
      doneAt: done ? between(visitDate, minDate(addDaysUtc(dueAt, 5), ctx.now)) : null,
      assignedToId: pickStaff(p), createdAt: visitDate,
    });
  }
}

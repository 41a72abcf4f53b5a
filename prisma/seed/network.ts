// The platform's network: chefs de file métier, circuit-court events and governance meetings.
import { addDaysUtc, addMonthsUtc } from "@/lib/calendar-day";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { EventKind, EventStatus, GovernanceKind } from "@/lib/generated/prisma/enums";
import { SECTORS, type Sector } from "./catalog";
import type { CompanyMeta } from "./companies";
import {
  between, chance, dayOf, faker, frenchPhone, LatestDates, pick, pickCommune, pickWeighted, slugify, uuid,
  type PlatformContext, type Rows, type SeedContext,
} from "./context";

export type ChefMeta = { id: string; sector: string; companyId: string; since: Date };
export type EventMeta = {
  id: string;
  row: Prisma.CircuitCourtEventCreateManyInput;
  date: Date;
  status: EventStatus;
  sector: Sector;
  attendingCompanies: CompanyMeta[];
};

export function generateChefsDeFile(
  ctx: SeedContext, p: PlatformContext, companies: CompanyMeta[], count: number, rows: Rows,
): ChefMeta[] {
  // Chefs de file lead established companies, one per company.
  const candidates = faker.helpers.arrayElements(companies, count);
  return candidates.map((company) => {
    const sex = pick(["female", "male"] as const);
    const firstName = faker.person.firstName(sex);
    const lastName = faker.person.lastName();
    const since = dayOf(between(addMonthsUtc(ctx.windowStart, -18), addMonthsUtc(ctx.now, -3)));
    const id = uuid();
    rows.chefsDeFile.push({
      id, platformId: p.id, companyId: company.id, firstName, lastName,
      jobTitle: pick(sex === "female" ? ["Dirigeante", "DRH", "Gérante"] : ["Dirigeant", "DRH", "Gérant"]),
      proEmail: `${slugify(firstName)}.${slugify(lastName)}@${slugify(company.name).slice(0, 30)}.example`,
      proPhone: frenchPhone(p.spec.phonePrefix), sector: company.sector.name,
      commitments: pick([
        "Accueillir un circuit court par semestre et parrainer deux jeunes",
        "Relayer les offres du marché caché de sa filière",
        "Témoigner lors des forums et ouvrir son entreprise aux immersions",
      ]),
      since, active: chance(0.9), createdAt: since,
      // lastContactAt: set from event participations in demo.ts.
    });
    return { id, sector: company.sector.name, companyId: company.id, since };
  });
}

const KIND_LABEL: Record<EventKind, string> = {
  CIRCUIT_COURT: "Circuit court", JOB_DATING: "Job dating", FORUM: "Forum emploi", AUTRE: "Rencontre",
};

export function generateEvents(
  ctx: SeedContext, p: PlatformContext, companies: CompanyMeta[], chefs: ChefMeta[], count: number,
  rows: Rows, companyContacts: LatestDates, chefContacts: LatestDates,
): EventMeta[] {
  const events: EventMeta[] = [];
  for (let i = 0; i < count; i++) {
    // Two upcoming events per platform, the rest spread over the past 24 months.
    const date = i < 2 ? addDaysUtc(ctx.now, faker.number.int({ min: 7, max: 45 })) : between(ctx.windowStart, addDaysUtc(ctx.now, -1));
    const status: EventStatus = date > ctx.now ? "PLANNED" : chance(0.92) ? "HELD" : "CANCELLED";
    const kind = pickWeighted<EventKind>([["CIRCUIT_COURT", 60], ["JOB_DATING", 25], ["FORUM", 12], ["AUTRE", 3]]);
    const sector = pickWeighted(SECTORS.map((s) => [s, s.weight] as const));
    const commune = pickCommune(p);
    const id = uuid();
    const known = companies.filter((c) => c.createdAt < date);
    const sameSector = known.filter((c) => c.sector === sector);
    const pool = sameSector.length >= 3 ? sameSector : known;
    const invited = faker.helpers.arrayElements(pool, { min: Math.min(3, pool.length), max: Math.min(8, pool.length) });
    const attending: CompanyMeta[] = [];
    for (const company of invited) {
      // Until the event is held nobody has attended yet: registrations carry attended = false.
      const attended = status === "HELD" && chance(0.9);
      rows.eventCompanies.push({ eventId: id, companyId: company.id, attended, attendance: attended ? "PRESENT" : status === "HELD" ? "ABSENT" : "REGISTERED" });
      if (attended) {
        attending.push(company);
        companyContacts.touch(company.id, date);
      }
    }
    const chefsThere = chefs.filter((c) => c.since <= date && (c.sector === sector.name || chance(0.15)));
    for (const chef of chefsThere.slice(0, 3)) {
      rows.eventChefsDeFile.push({ eventId: id, chefDeFileId: chef.id, attendance: status === "HELD" ? "PRESENT" : "REGISTERED" });
      if (status === "HELD") chefContacts.touch(chef.id, date);
    }
    const row: Prisma.CircuitCourtEventCreateManyInput = {
      id, platformId: p.id, kind, title: `${KIND_LABEL[kind]} ${sector.name} – ${commune.name}`, date,
      place: pick([`Salle des fêtes de ${commune.name}`, `Maison de l'emploi de ${p.spec.hostingCity}`, `Hôtel de ville de ${commune.name}`]),
      theme: pick([`Découverte des métiers : ${sector.name}`, "Recrutements du marché caché", "Alternance et apprentissage", "Jeunes et chefs d'entreprise"]),
      sector: sector.name,
      organiser: pick([`Plateforme Proch'Emploi ${p.spec.name}`, `Plateforme Proch'Emploi ${p.spec.name} et France Travail`, `Plateforme Proch'Emploi ${p.spec.name} et Mission locale`]),
      status, createdAt: addDaysUtc(date, -30),
      // outcomes: written once the participants are known (pipeline.ts).
    };
    rows.events.push(row);
    events.push({ id, row, date, status, sector, attendingCompanies: attending });
  }
  return events.sort((a, b) => a.date.getTime() - b.date.getTime());
}

/** Usual calendar of each body; months are 0-based. */
const CALENDAR: Record<GovernanceKind, number[]> = {
  COPRESIDENCE: [2, 5, 10],
  POLE_DIRIGEANT: [3, 9],
  COMITE_TECHNIQUE: [1, 4, 8, 11],
};

const DECISIONS: Record<GovernanceKind, string[]> = {
  COPRESIDENCE: ["Validation du bilan d'activité et des priorités sectorielles", "Validation de la demande de subvention annuelle", "Lancement d'un cycle de circuits courts BTP"],
  POLE_DIRIGEANT: ["Nouveaux chefs de file métier cooptés", "Plan d'action marché caché pour le semestre"],
  COMITE_TECHNIQUE: ["Point sur les offres en tension", "Coordination avec France Travail et la Mission locale", "Préparation du forum emploi"],
};

/**
 * Governance meetings over the demo window; `skipOne` drops one coprésidence of the previous year
 * so the "held vs required" indicator has a shortfall to show.
 */
export function generateGovernance(ctx: SeedContext, p: PlatformContext, skipOne: boolean, rows: Rows): void {
  const previousYear = ctx.now.getUTCFullYear() - 1;
  for (let year = ctx.windowStart.getUTCFullYear(); year <= ctx.now.getUTCFullYear(); year++) {
    for (const kind of Object.keys(CALENDAR) as GovernanceKind[]) {
      for (const month of CALENDAR[kind]) {
        if (skipOne && kind === "COPRESIDENCE" && year === previousYear && month === 10) continue;
        const date = new Date(Date.UTC(year, month, faker.number.int({ min: 3, max: 25 }), 9, 30));
        if (date < ctx.windowStart || date > ctx.now) continue;
        const attendees = kind === "COMITE_TECHNIQUE"
          ? [`Responsable de la plateforme ${p.spec.name}`, "France Travail", "Mission locale", "Cap emploi"]
          : [...p.coPresidents, `Responsable de la plateforme ${p.spec.name}`, "Référente Proch'Emploi Région"];
        rows.governanceMeetings.push({
          id: uuid(), platformId: p.id, kind, date, attendees, decisions: pick(DECISIONS[kind]), createdAt: date,
        });
      }
    }
  }
}

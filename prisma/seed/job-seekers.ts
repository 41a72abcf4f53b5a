// Job seekers of one platform: every annex 1 art. 2 field, plus the period during which each
// one is followed ([first, last]); every later activity of that person falls inside it.
import { addDaysUtc } from "@/lib/calendar-day";
import type { Prisma } from "@/lib/generated/prisma/client";
import type {
  ContractType, EmploymentSituation, InformationChannel, JobSeekerOrigin, MobilityScope, SupportNeed, TransportMode,
} from "@/lib/generated/prisma/enums";
import * as C from "./catalog";
import type { EventMeta } from "./network";
import {
  ageAt, between, chance, dayOf, faker, maxDate, mobilePhone, pick, pickCommune, pickStaff, pickWeighted, slugify,
  streetAddress, uuid, type PlatformContext, type Rows, type SeedContext,
} from "./context";

export type SeekerMeta = {
  id: string;
  row: Prisma.JobSeekerCreateManyInput;
  birthDate: Date;
  origin: JobSeekerOrigin;
  first: Date;
  /** Planned last contact: the pipeline puts the final interaction here. */
  last: Date;
  desiredRomes: string[];
  /** Circuit-court event where the person was met first, if any. */
  anchorEventId: string | null;
  hiredAt: Date | null;
};

/** How long ago the last contact was, in days: mostly recent, a tail near or past archiving age. */
const LAST_CONTACT_AGE: ReadonlyArray<readonly [[number, number], number]> = [
  [[0, 180], 55], [[180, 365], 25], [[365, 520], 11], [[520, 610], 9],
];
const ORIGINS: ReadonlyArray<readonly [JobSeekerOrigin, number]> = [
  ["SPONTANE", 24], ["PARTENAIRE", 26], ["CIRCUIT_COURT", 18], ["OFFRE", 18], ["NUMERO_VERT", 5], ["AUTRE", 9],
];
const TRANSPORTS: TransportMode[] = ["VOITURE", "DEUX_ROUES", "TRANSPORTS_EN_COMMUN", "VELO", "MARCHE", "COVOITURAGE"];
/** INSEE code of the Hauts-de-France region. */
const REGION_CODE = "32";

export function generateJobSeekers(
  ctx: SeedContext, p: PlatformContext, events: EventMeta[], count: number, rows: Rows,
): SeekerMeta[] {
  const heldEvents = events.filter((e) => e.status === "HELD");
  const seekers: SeekerMeta[] = [];
  for (let i = 0; i < count; i++) {
    const [minAge, maxAge] = pickWeighted(LAST_CONTACT_AGE);
    let last = addDaysUtc(ctx.now, -(faker.number.int({ min: minAge, max: maxAge })));
    let first = maxDate(ctx.windowStart, addDaysUtc(last, -(faker.number.int({ min: 0, max: 240 }))));
    let origin = pickWeighted(ORIGINS);
    let anchorEventId: string | null = null;
    if (origin === "CIRCUIT_COURT") {
      const near = heldEvents.filter((e) => e.date >= first && e.date <= last);
      const event = near.length > 0 ? pick(near) : heldEvents.length > 0 ? pick(heldEvents) : null;
      if (event) {
        anchorEventId = event.id;
        first = event.date;
        last = maxDate(last, first);
      } else origin = "SPONTANE";
    }
    const young = chance(0.3);
    const birthDate = dayOf(faker.date.birthdate(young ? { mode: "age", min: 18, max: 25, refDate: ctx.now } : { mode: "age", min: 26, max: 62, refDate: ctx.now }));
    const id = uuid();
    const row = buildRow(ctx, p, { id, origin, first, last, birthDate });
    rows.jobSeekers.push(row);
    seekers.push({ id, row, birthDate, origin, first, last, desiredRomes: row.desiredRomeCodes as string[], anchorEventId, hiredAt: null });
  }
  return seekers;
}

type Core = { id: string; origin: JobSeekerOrigin; first: Date; last: Date; birthDate: Date };

function buildRow(ctx: SeedContext, p: PlatformContext, s: Core): Prisma.JobSeekerCreateManyInput {
  const sex = pick(["female", "male"] as const);
  const firstName = faker.person.firstName(sex);
  const lastName = faker.person.lastName();
  const commune = pickCommune(p);
  const age = ageAt(s.birthDate, ctx.now);
  const jobs = faker.helpers.arrayElements(C.ALL_JOBS, { min: 1, max: 2 });
  const mainJob = jobs[0]!;
  const inActivity = chance(0.25);
  const inTraining = chance(0.2);
  const training = inTraining ? pick(C.TRAININGS) : null;
  const rsa = age >= 25 && chance(0.18);
  const scope = pickWeighted<MobilityScope>([["COMMUNE", 25], ["EPCI", 45], ["DEPARTEMENT", 22], ["REGION", 8]]);
  const supportNeeds: SupportNeed[] = chance(0.55)
    ? []
    : faker.helpers.arrayElements<SupportNeed>(["LOGEMENT", "GARDE_ENFANTS", "FINANCIER", "AUTRE"], { min: 1, max: 2 });
  const channel: InformationChannel = s.origin === "NUMERO_VERT"
    ? "TELEPHONE"
    : pickWeighted([["EN_PERSONNE", 62], ["TELEPHONE", 23], ["EMAIL", 10], ["COURRIER", 5]]);
  const years = age < 26 ? faker.number.int({ min: 0, max: 3 }) : faker.number.int({ min: 1, max: 20 });
  return {
    id: s.id, platformId: p.id,
    civilite: sex === "female" ? "MADAME" : "MONSIEUR", lastName, firstName, birthDate: s.birthDate,
    addressLine: streetAddress(), postalCode: pick(commune.postalCodes), city: commune.name,
    inseeCode: commune.inseeCode, phone: mobilePhone(),
    email: `${slugify(firstName)}.${slugify(lastName)}${faker.number.int({ min: 1, max: 99 })}@courriel.example`,
    franceTravailId: chance(0.75) ? `${faker.string.numeric(7)}${faker.string.alpha({ length: 1, casing: "upper" })}` : null,
    transportModes: chance(0.1) ? ["AUCUN"] : faker.helpers.arrayElements(TRANSPORTS, { min: 1, max: 2 }),
    maxTravelMinutes: pick([15, 20, 30, 45, 60]),
    mobilityScope: scope,
    mobilityCodes: scope === "COMMUNE"
      ? [...new Set([commune.inseeCode, ...faker.helpers.arrayElements(p.communes, 2).map((c) => c.inseeCode)])]
      : scope === "EPCI" ? [commune.epciCode ?? ""] : scope === "DEPARTEMENT" ? [commune.departmentCode] : [REGION_CODE],
    supportNeeds,
    supportNeedsOther: supportNeeds.includes("AUTRE") ? pick(["Accès au numérique", "Aide aux démarches administratives", "Santé"]) : null,
    lastClassAttended: pick(C.LAST_CLASSES),
    diplomasObtained: pick(C.DIPLOMAS),
    diplomasInProgress: training ?? "Aucun",
    trainingType: training,
    trainingStartDate: inTraining ? dayOf(between(s.first, s.last)) : null,
    employmentSituation: inActivity
      ? pickWeighted<EmploymentSituation>([["SALARIE", 70], ["AUTO_ENTREPRENEUR", 15], ["ARTISAN", 8], ["COMMERCANT", 7]])
      : "AUTRE",
    inActivity,
    monthsWithoutEmployment: inActivity ? 0 : faker.number.int({ min: 1, max: age < 26 ? 18 : 48 }),
    // In activity: the current contract; otherwise the contract sought.
    contractType: inActivity
      ? pickWeighted<ContractType>([["CDD", 40], ["INTERIM", 35], ["CDI", 15], ["CONTRAT_AIDE", 10]])
      : pickWeighted<ContractType>([["CDI", 60], ["CDD", 20], ["ALTERNANCE", age < 26 ? 15 : 2], ["INTERIM", 10]]),
    wantsChange: inActivity ? chance(0.8) : chance(0.4),
    situationDuringFollowUp: inTraining ? "En formation" : inActivity ? "En emploi, recherche d'un poste plus stable" : pick(C.SITUATIONS),
    desiredRomeCodes: jobs.map((j) => j.rome),
    desiredJobLabel: mainJob.title,
    experiences: years === 0
      ? "Stages en entreprise pendant la scolarité, emplois d'été"
      : `${years} an${years > 1 ? "s" : ""} d'expérience : ${mainJob.title.toLowerCase()}`,
    skillLanguages: pick(C.LANGUAGES),
    skillCertifications: pick(C.CERTIFICATIONS),
    skillProfessionalLicences: age < 18 ? "Aucun" : pick(C.LICENCES),
    skillIt: pick(C.IT_SKILLS),
    // CSP is only offered after an economic redundancy, hence rare and never while in activity.
    csp: !inActivity && chance(0.05),
    rsa,
    rqth: chance(0.08),
    indemnise: !rsa && !inActivity && chance(0.55),
    strengthsAndObstacles: pick(C.STRENGTHS),
    origin: s.origin,
    referentId: s.origin === "NUMERO_VERT" ? ctx.referentId : null,
    informedAt: s.first,
    informedChannel: channel,
    lifecycle: "ACTIVE",
    // Placeholder: replaced by the latest activity date once every activity exists (pipeline.ts).
    lastContactAt: s.first,
    createdById: pickStaff(p),
    createdAt: s.first,
  };
}

// Subsidy files: one Région file per platform for the current year, one France Travail mobility
// grant for Lens-Liévin with its tranches, first payment and mobility diagnostics.
// Amounts follow the rule sets in force; they are demo figures, the subsidy rules module decides.
import { addDaysUtc, addMonthsUtc } from "@/lib/calendar-day";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { SubsidyStatus, TrancheStatus } from "@/lib/generated/prisma/enums";
import type { DeadlinesRules, FranceTravailRules, RegionFrameworkRules } from "@/lib/rules/rule-set.schema";
import { buildTrancheSchedule } from "@/lib/subsidy/subsidy-balance.rules";
import { MOBILITY_SOLUTIONS } from "./catalog";
import type { SeekerMeta } from "./job-seekers";
import {
  between, chance, dayOf, faker, maxDate, pick, uuid, type PlatformContext, type Rows, type SeedContext,
} from "./context";

type RegionRuleSet = { id: string; rules: RegionFrameworkRules };
type FranceTravailRuleSet = { id: string; rules: FranceTravailRules };

/** Yearly forecast per category, in cents; salaries scale with the staff. */
function regionForecast(code: string, etp: number): number {
  // Budgets are drawn up in round hundreds of euros (10 000 cents).
  const euros = (min: number, max: number) => faker.number.int({ min: min / 10_000, max: max / 10_000 }) * 10_000;
  switch (code) {
    case "SALAIRES": return etp * euros(4_500_000, 5_000_000);
    case "DEPLACEMENTS": return euros(300_000, 600_000);
    case "RESTAURATION": return euros(80_000, 200_000);
    case "LOCAUX_FONCTIONNEMENT": return euros(900_000, 1_500_000);
    case "INFORMATION_COMMUNICATION": return euros(300_000, 700_000);
    default: return euros(500_000, 1_200_000);
  }
}

/**
 * Issue 22 §4 — the annual request's texts (convention cadre art. 5, cadre d'intervention §5:
 * « descriptif du fonctionnement de la plateforme (locaux, moyens humains et matériels mis à
 * disposition…), […] programme d'action annuel »). Written from the platform's spec, no draw.
 */
function requestTexts(p: PlatformContext, year: number): { requestDescription: string; requestActionProgramme: string } {
  const etp = p.spec.staffEtp.toLocaleString("fr-FR");
  return {
    requestDescription:
      `Plateforme ${p.spec.name}, portée par ${p.spec.carryingStructureName}. Locaux : ${p.spec.hostingPlace ?? p.spec.hostingCity}, bureau et salle de réunion ` +
      `mis à disposition par la structure porteuse. Équipe de ${etp} ETP dédiés à 100 % (une responsable de plateforme, assistant·e·s), ` +
      "deux véhicules de service partagés, ordinateurs portables et téléphones fournis par la structure porteuse.",
    requestActionProgramme:
      `Programme ${year} : prospection de 400 entreprises du territoire et rappel sous 48 h de chaque appel du numéro vert ; ` +
      "collecte d'offres du marché caché ; six réunions « circuit court » (une par bimestre) pour les jeunes demandeurs d'emploi ; " +
      "animation du réseau des chefs de file métiers ; trois coprésidences et deux pôles dirigeants.",
  };
}

/** Last year's qualitative bilan (annual report), the request's « bilan de l'année précédente » (art. 4.1). */
function previousYearReport(p: PlatformContext, year: number, now: Date): Prisma.AnnualReportCreateManyInput {
  return {
    platformId: p.id, year: year - 1, updatedById: p.staffIds[0] ?? null, createdAt: addDaysUtc(now, -75), updatedAt: addDaysUtc(now, -70),
    qualitative:
      `Bilan ${year - 1} de la plateforme ${p.spec.name} : l'équipe au complet toute l'année, les visites d'entreprises et les réunions ` +
      "circuit court tenues comme prévu, un réseau de chefs de file élargi à deux nouvelles filières. Points d'attention : " +
      "délais de rappel du numéro vert en été, offres en tension dans le transport et la logistique.",
  };
}

const REGION_STATUS: Record<string, SubsidyStatus> = {
  "lens-lievin": "SIGNED",
  amienois: "SUBMITTED",
  "metropole-lilloise": "UNDER_REVIEW",
};

export function generateRegionFiles(ctx: SeedContext, platforms: PlatformContext[], rs: RegionRuleSet, rows: Rows): void {
  const year = ctx.now.getUTCFullYear();
  const { rules } = rs;
  for (const p of platforms) {
    const fileId = uuid();
    let eligible = 0;
    for (const cat of rules.eligibleCategories) {
      const forecast = regionForecast(cat.code, p.spec.staffEtp);
      eligible += forecast;
      rows.budgetLines.push({ id: uuid(), subsidyFileId: fileId, category: cat.code, label: cat.label, eligible: true, forecastCents: BigInt(forecast) });
    }
    const large = p.spec.population > rules.largeTerritory.minPopulation && p.spec.companyCount > rules.largeTerritory.minCompanies;
    const etpCap = [...rules.capsByEtp].reverse().find((c) => c.etp <= p.spec.staffEtp)?.capCents ?? 0;
    // Large territory with its cap still unset: the request is not capped until an admin sets it.
    const cap = large ? rules.largeTerritory.capCents : etpCap;
    const atRate = Math.floor((eligible * rules.fundingRateBp) / 10_000);
    const requested = cap === null ? atRate : Math.min(atRate, cap);
    const status = REGION_STATUS[p.spec.slug] ?? "DRAFT";
    const awarded = status === "SIGNED";
    const signedAt = dayOf(addDaysUtc(ctx.now, -40));
    if (awarded && rules.tranches) {
      // Signed convention: its schedule comes from the rule set, as the workflow would have made it.
      for (const t of buildTrancheSchedule(rules.tranches, requested, { signedAt })) {
        rows.tranches.push({
          id: uuid(), subsidyFileId: fileId, rank: t.rank, label: t.label, shareBp: t.shareBp, amountCents: BigInt(t.amountCents),
          // Claimable (DUE) only once its documents are in (lib/subsidy/tranche.rules.ts): none seeded.
          condition: t.condition, dueAt: t.dueAt, status: "PLANNED",
        });
      }
    }
    addConventionIndicators(fileId, p.spec.staffEtp, rows);
    if (awarded) {
      // A signed convention changes by amendment only: one recorded by finance, which a change of
      // the convention's indicators cites (lib/objectives/objective.service.ts). Id derived, no draw.
      const amendedOn = dayOf(addDaysUtc(ctx.now, -12));
      rows.subsidyFileEvents.push({
        id: `${fileId.slice(0, -12)}0000000a3e01`, subsidyFileId: fileId, transition: "amendment", fromStatus: "SIGNED", toStatus: "SIGNED", at: addDaysUtc(ctx.now, -10),
        comment: `Avenant du ${amendedOn.toISOString().slice(0, 10).split("-").reverse().join("/")}. Avenant n° 1 : révision des cibles des indicateurs de la convention`,
      });
    }
    // Issue 22 §4: a filed request (every status but a draft) carries the elements of art. 5.
    const filed = status !== "DRAFT";
    if (filed) rows.annualReports.push(previousYearReport(p, year, ctx.now));
    rows.subsidyFiles.push({
      ...(filed ? requestTexts(p, year) : {}),
      // Cadre d'intervention §5: payment « sur présentation d'un bilan d'activité de la plateforme »:
      // received for the signed convention, whose tranche now waits for its receipts only.
      activityBilanReceivedAt: awarded ? dayOf(addDaysUtc(ctx.now, -15)) : null,
      id: fileId, platformId: p.id, year, funder: "REGION", status, ruleSetId: rs.id, staffEtp: p.spec.staffEtp,
      requestedCents: BigInt(requested), territoryCofundingCents: BigInt(eligible - requested), otherCofundingCents: 0n,
      awardedCents: awarded ? BigInt(requested) : null,
      deliberationNumber: awarded ? `CP ${year}-${p.spec.slug.toUpperCase()}` : null,
      deliberationDate: awarded ? dayOf(addDaysUtc(ctx.now, -55)) : null,
      signedAt: awarded ? signedAt : null,
      notifiedAt: awarded ? dayOf(addDaysUtc(ctx.now, -30)) : null,
      fiscalYearEnd: new Date(Date.UTC(year, 11, 31)),
      notes: large && cap === null
        ? "Territoire de plus de 600 000 habitants et 50 000 entreprises : plafond « grand territoire » à fixer par l'administrateur."
        : null,
      createdAt: addDaysUtc(ctx.now, -60),
    });
  }
}

/**
 * Issue 22 §4 — convention cadre art. 3.1 « Les indicateurs seront définis lors de l'élaboration des
 * conventions financières annuelles »: four catalogue indicators per Région convention, targets
 * scaled on the team (per ETP). Ids derived from the file's and no draw, so that the rest of the
 * demo data stays the same draw for draw.
 */
export const DEMO_CONVENTION_TARGETS_PER_ETP: readonly [key: string, perEtp: number][] = [
  ["offersCollected", 45],
  ["jobSeekersReceived", 80],
  ["hires", 25],
  ["eventsHeld", 6],
];

function addConventionIndicators(fileId: string, staffEtp: number, rows: Rows): void {
  DEMO_CONVENTION_TARGETS_PER_ETP.forEach(([indicatorKey, perEtp], i) => {
    rows.conventionIndicators.push({ id: `${fileId.slice(0, -12)}00000000c1a${i}`, subsidyFileId: fileId, indicatorKey, target: Math.round(perEtp * staffEtp) });
  });
}

export function generateFranceTravailFile(
  ctx: SeedContext, p: PlatformContext, rs: FranceTravailRuleSet, seekers: SeekerMeta[], rows: Rows,
): void {
  const { rules } = rs;
  const fileId = uuid();
  const signedAt = dayOf(addDaysUtc(ctx.now, -150));
  const lines = [
    ...rules.eligibleCategories.map((c) => ({ ...c, eligible: true, cents: c.code === "RH_DEDIEES" ? 3_500_000 : 1_200_000 })),
    ...rules.nonEligibleCategories.map((c) => ({ ...c, eligible: false, cents: 300_000 })),
  ];
  for (const l of lines) {
    rows.budgetLines.push({ id: uuid(), subsidyFileId: fileId, category: l.code, label: l.label, eligible: l.eligible, forecastCents: BigInt(l.cents) });
  }
  const eligible = lines.filter((l) => l.eligible).reduce((s, l) => s + l.cents, 0);
  const awarded = Math.floor((eligible * rules.fundingRateBp) / 10_000);
  const startAttestationAt = addDaysUtc(signedAt, 8);
  rows.subsidyFiles.push({
    id: fileId, platformId: p.id, year: signedAt.getUTCFullYear(), funder: "FRANCE_TRAVAIL", status: "SIGNED",
    // The France Travail reviewer sees only the files assigned to them.
    reviewerId: rows.users.find((u) => u.role === "FRANCE_TRAVAIL_REVIEWER")?.id ?? null,
    ruleSetId: rs.id, staffEtp: p.spec.staffEtp, requestedCents: BigInt(awarded), awardedCents: BigInt(awarded),
    signedAt, notifiedAt: signedAt, startAttestationAt, createdAt: addDaysUtc(signedAt, -45),
    notes: `Convention mobilité de ${rules.durationMonths} mois à compter de la signature, sans reconduction tacite.`,
  });
  // One indicator « mentionné par le porteur » (art. 5), so that its screens and routes have a record. Its id is
  // derived from the file's, not drawn: the rest of the demo data stays the same draw for draw.
  rows.ftIndicators.push({
    id: `${fileId.slice(0, -12)}00000000f7a1`, subsidyFileId: fileId, label: "Personnes ayant obtenu le permis de conduire",
    unit: "personnes", definition: "Permis B obtenu pendant l'accompagnement, d'après l'attestation de la personne.", target: 12, position: 0,
  });
  let allotted = 0;
  rules.tranches.forEach((t, i) => {
    // The last tranche takes the rounding remainder so the tranches add up to the award exactly.
    const amount = i === rules.tranches.length - 1 ? awarded - allotted : Math.floor((awarded * t.shareBp) / 10_000);
    allotted += amount;
    const dueAt = t.anchor !== "SIGNATURE" ? null
      : t.dueMonthsAfter ? addMonthsUtc(signedAt, t.dueMonthsAfter) : addDaysUtc(signedAt, t.dueDaysAfter ?? 0);
    // Later tranches wait for their documents (intermediate report, final report and meeting).
    const status: TrancheStatus = t.rank === 1 ? "PAID" : "PLANNED";
    const trancheId = uuid();
    rows.tranches.push({
      id: trancheId, subsidyFileId: fileId, rank: t.rank, label: t.label, shareBp: t.shareBp, amountCents: BigInt(amount),
      condition: t.condition, dueAt, status,
    });
    if (status === "PAID") {
      rows.payments.push({
        id: uuid(), subsidyFileId: fileId, trancheId, amountCents: BigInt(amount), paidAt: addDaysUtc(startAttestationAt, 14),
        reference: `FT-${signedAt.getUTCFullYear()}-${p.spec.slug.toUpperCase()}-T${t.rank}`,
      });
    }
  });
  addDiagnostics(p, fileId, signedAt, seekers, rows);
}

/** Diagnostics of the grant's beneficiaries, dated while each person was followed. */
function addDiagnostics(p: PlatformContext, fileId: string, signedAt: Date, seekers: SeekerMeta[], rows: Rows): void {
  const followed = seekers.filter((s) => s.last > addDaysUtc(signedAt, 1));
  for (const s of faker.helpers.arrayElements(followed, Math.min(12, followed.length))) {
    const accompanied = chance(0.6);
    const solution = chance(0.7);
    const before = faker.number.int({ min: 3, max: 20 });
    rows.diagnostics.push({
      id: uuid(), platformId: p.id, jobSeekerId: s.id, subsidyFileId: fileId,
      date: dayOf(between(maxDate(s.first, signedAt), s.last)),
      diagnosticDone: true, accompanimentDone: accompanied,
      accompanimentDurationDays: accompanied ? faker.number.int({ min: 10, max: 90 }) : null,
      solutionRecommended: solution, solutionType: solution ? pick(MOBILITY_SOLUTIONS) : null,
      orientationMaterialFinancial: solution && chance(0.6),
      distanceBeforeKm: before,
      distanceAfterKm: accompanied ? before + faker.number.int({ min: 5, max: 25 }) : null,
      satisfaction: accompanied ? faker.number.int({ min: 3, max: 5 }) : null,
    });
  }
}

/**
 * Issue 17: a Région file of Métropole lilloise for the latest fiscal year whose compte rendu
 * financier is already due (convention cadre art. 7.3, delay from the DEADLINES rule set), signed
 * and not reported: the referent's « documents en retard » and the finance deadlines show it
 * whatever the day the demo is loaded. No faker draw (ids derived from the platform's), so the rest
 * of the demo stays the same draw for draw; one budget line, no tranche or payment of its own.
 */
export function generateLateReportFile(ctx: SeedContext, platforms: PlatformContext[], rs: RegionRuleSet, deadlines: DeadlinesRules, rows: Rows): void {
  const p = platforms.find((x) => x.spec.slug === "metropole-lilloise");
  if (!p) return;
  const fiscalYearEnd = (y: number) => new Date(Date.UTC(y, 11, 31));
  const thisYear = ctx.now.getUTCFullYear();
  // Late by at least a week on the day the demo is loaded.
  const year = addMonthsUtc(fiscalYearEnd(thisYear - 1), deadlines.financialReportMonthsAfterFiscalYearEnd) < addDaysUtc(ctx.now, -7) ? thisYear - 1 : thisYear - 2;
  const caps = rs.rules.capsByEtp;
  // Demo figure: the cap of the platform's staff (the large-territory cap is left unset in the rule set).
  const awarded = [...caps].reverse().find((c) => c.etp <= p.spec.staffEtp)?.capCents ?? caps[0]?.capCents ?? 0;
  const fileId = `${p.id.slice(0, -12)}00000000c7a1`;
  // A signed convention like the others (issue 22 §4): the art. 5 elements, a detailed budget (the
  // award is the rate's share of it), its indicators and the activity bilan received — ids derived, no draw.
  const salaries = Math.round((awarded * 10_000) / rs.rules.fundingRateBp);
  rows.budgetLines.push({ id: `${fileId.slice(0, -12)}00000000b1a0`, subsidyFileId: fileId, category: "SALAIRES", label: "Salaires et charges (personnel dédié 100 %)", eligible: true, forecastCents: BigInt(salaries) });
  addConventionIndicators(fileId, p.spec.staffEtp, rows);
  rows.annualReports.push(previousYearReport(p, year, ctx.now));
  rows.subsidyFiles.push({
    ...requestTexts(p, year),
    activityBilanReceivedAt: new Date(Date.UTC(year, 4, 15)),
    id: fileId, platformId: p.id, year, funder: "REGION", status: "SIGNED", ruleSetId: rs.id, staffEtp: p.spec.staffEtp,
    requestedCents: BigInt(awarded), territoryCofundingCents: BigInt(salaries - awarded), otherCofundingCents: 0n, awardedCents: BigInt(awarded),
    deliberationNumber: `CP ${year}-${p.spec.slug.toUpperCase()}`,
    deliberationDate: new Date(Date.UTC(year, 2, 10)),
    signedAt: new Date(Date.UTC(year, 2, 24)),
    notifiedAt: new Date(Date.UTC(year, 3, 2)),
    teamRecruitedAt: new Date(Date.UTC(year, 3, 2)),
    fiscalYearEnd: fiscalYearEnd(year),
    notes: `Convention financière ${year} : compte rendu financier de l'exercice non transmis (démonstration).`,
    createdAt: new Date(Date.UTC(year, 0, 20)),
  });
}

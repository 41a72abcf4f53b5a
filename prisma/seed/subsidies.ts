// Subsidy files: one Région file per platform for the current year, one France Travail mobility
// grant for Lens-Liévin with its tranches, first payment and mobility diagnostics.
// Amounts follow the rule sets in force; they are demo figures, the subsidy rules module decides.
import { addDays, addMonths, subDays } from "date-fns";
import type { SubsidyStatus, TrancheStatus } from "@/lib/generated/prisma/enums";
import type { FranceTravailRules, RegionFrameworkRules } from "@/lib/rules/rule-set.schema";
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
    const signedAt = dayOf(subDays(ctx.now, 40));
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
    rows.subsidyFiles.push({
      id: fileId, platformId: p.id, year, funder: "REGION", status, ruleSetId: rs.id, staffEtp: p.spec.staffEtp,
      requestedCents: BigInt(requested), territoryCofundingCents: BigInt(eligible - requested), otherCofundingCents: 0n,
      awardedCents: awarded ? BigInt(requested) : null,
      deliberationNumber: awarded ? `CP ${year}-${p.spec.slug.toUpperCase()}` : null,
      deliberationDate: awarded ? dayOf(subDays(ctx.now, 55)) : null,
      signedAt: awarded ? signedAt : null,
      notifiedAt: awarded ? dayOf(subDays(ctx.now, 30)) : null,
      fiscalYearEnd: new Date(Date.UTC(year, 11, 31)),
      notes: large && cap === null
        ? "Territoire de plus de 600 000 habitants et 50 000 entreprises : plafond « grand territoire » à fixer par l'administrateur."
        : null,
      createdAt: subDays(ctx.now, 60),
    });
  }
}

export function generateFranceTravailFile(
  ctx: SeedContext, p: PlatformContext, rs: FranceTravailRuleSet, seekers: SeekerMeta[], rows: Rows,
): void {
  const { rules } = rs;
  const fileId = uuid();
  const signedAt = dayOf(subDays(ctx.now, 150));
  const lines = [
    ...rules.eligibleCategories.map((c) => ({ ...c, eligible: true, cents: c.code === "RH_DEDIEES" ? 3_500_000 : 1_200_000 })),
    ...rules.nonEligibleCategories.map((c) => ({ ...c, eligible: false, cents: 300_000 })),
  ];
  for (const l of lines) {
    rows.budgetLines.push({ id: uuid(), subsidyFileId: fileId, category: l.code, label: l.label, eligible: l.eligible, forecastCents: BigInt(l.cents) });
  }
  const eligible = lines.filter((l) => l.eligible).reduce((s, l) => s + l.cents, 0);
  const awarded = Math.floor((eligible * rules.fundingRateBp) / 10_000);
  const startAttestationAt = addDays(signedAt, 8);
  rows.subsidyFiles.push({
    id: fileId, platformId: p.id, year: signedAt.getUTCFullYear(), funder: "FRANCE_TRAVAIL", status: "SIGNED",
    // The France Travail reviewer sees only the files assigned to them.
    reviewerId: rows.users.find((u) => u.role === "FRANCE_TRAVAIL_REVIEWER")?.id ?? null,
    ruleSetId: rs.id, staffEtp: p.spec.staffEtp, requestedCents: BigInt(awarded), awardedCents: BigInt(awarded),
    signedAt, notifiedAt: signedAt, startAttestationAt, createdAt: subDays(signedAt, 45),
    notes: `Convention mobilité de ${rules.durationMonths} mois à compter de la signature, sans reconduction tacite.`,
  });
  let allotted = 0;
  rules.tranches.forEach((t, i) => {
    // The last tranche takes the rounding remainder so the tranches add up to the award exactly.
    const amount = i === rules.tranches.length - 1 ? awarded - allotted : Math.floor((awarded * t.shareBp) / 10_000);
    allotted += amount;
    const dueAt = t.anchor !== "SIGNATURE" ? null
      : t.dueMonthsAfter ? addMonths(signedAt, t.dueMonthsAfter) : addDays(signedAt, t.dueDaysAfter ?? 0);
    // Later tranches wait for their documents (intermediate report, final report and meeting).
    const status: TrancheStatus = t.rank === 1 ? "PAID" : "PLANNED";
    const trancheId = uuid();
    rows.tranches.push({
      id: trancheId, subsidyFileId: fileId, rank: t.rank, label: t.label, shareBp: t.shareBp, amountCents: BigInt(amount),
      condition: t.condition, dueAt, status,
    });
    if (status === "PAID") {
      rows.payments.push({
        id: uuid(), subsidyFileId: fileId, trancheId, amountCents: BigInt(amount), paidAt: addDays(startAttestationAt, 14),
        reference: `FT-${signedAt.getUTCFullYear()}-${p.spec.slug.toUpperCase()}-T${t.rank}`,
      });
    }
  });
  addDiagnostics(p, fileId, signedAt, seekers, rows);
}

/** Diagnostics of the grant's beneficiaries, dated while each person was followed. */
function addDiagnostics(p: PlatformContext, fileId: string, signedAt: Date, seekers: SeekerMeta[], rows: Rows): void {
  const followed = seekers.filter((s) => s.last > addDays(signedAt, 1));
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

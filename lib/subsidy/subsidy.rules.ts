// Subsidy amounts (shared/DOMAIN.md §4): Région grant and France Travail contribution, computed
// from the rule set in force and explained step by step in plain French. Pure: no Prisma, no
// Next, no clock. Amounts are integer cents; a rate applied to an amount is rounded DOWN to the
// cent so that a grant never exceeds "rate × eligible expenses".
import { formatCents } from "@/lib/format";
import type { ExpenseCategory, FranceTravailRules, RegionFrameworkRules } from "@/lib/rules/rule-set.schema";

export type FunderName = "REGION" | "FRANCE_TRAVAIL";

export interface LineInput {
  category: string;
  label?: string;
  /** What the platform declared; a line only counts as eligible if its category is eligible too. */
  eligible: boolean;
  forecastCents: number;
  actualCents?: number | null;
}

export interface PlatformSize {
  population: number;
  companyCount: number;
}

export interface FileInput {
  staffEtp: number;
  requestedCents: number;
  territoryCofundingCents: number;
  otherCofundingCents: number;
  lines: LineInput[];
  platform: PlatformSize;
}

export type WarningCode =
  | "TERRITORY_SHARE_LOW"
  | "BUDGET_UNBALANCED"
  | "CAP_REACHED"
  | "INELIGIBLE_LINE_IN_ELIGIBLE_CATEGORY"
  | "ELIGIBLE_LINE_IN_INELIGIBLE_CATEGORY"
  | "LARGE_TERRITORY_CAP_UNSET"
  | "ETP_BELOW_SCALE";

export interface Warning {
  code: WarningCode;
  message: string;
}

export interface Step {
  label: string;
  amountCents: number;
  text: string;
}

export interface Computation {
  funder: FunderName;
  totalCents: number;
  eligibleCents: number;
  rateBp: number;
  atRateCents: number;
  capCents: number | null;
  grantCents: number;
  steps: Step[];
  warnings: Warning[];
}

const BP = 10_000n;

/** floor(cents × bp / 10 000), exact for any amount (BigInt avoids float and 2^53 overflow). */
export function applyRate(cents: number, bp: number): number {
  return Number((BigInt(cents) * BigInt(bp)) / BP);
}

export function percent(bp: number): string {
  return `${new Intl.NumberFormat("fr-FR", { maximumFractionDigits: 2 }).format(bp / 100)} %`;
}

function etpLabel(etp: number): string {
  return `${new Intl.NumberFormat("fr-FR", { maximumFractionDigits: 2 }).format(etp)} ETP`;
}

const sum = (xs: number[]) => xs.reduce((s, x) => s + x, 0);

/** A line counts when declared eligible AND its category is in the rule set's eligible list. */
export function countsAsEligible(line: LineInput, eligible: readonly ExpenseCategory[]): boolean {
  return line.eligible && eligible.some((c) => c.code === line.category);
}

export function eligibleTotal(lines: LineInput[], eligible: readonly ExpenseCategory[], pick: "forecast" | "actual" = "forecast"): number {
  return sum(lines.filter((l) => countsAsEligible(l, eligible)).map((l) => (pick === "forecast" ? l.forecastCents : (l.actualCents ?? 0))));
}

function lineWarnings(lines: LineInput[], eligible: readonly ExpenseCategory[]): Warning[] {
  const out: Warning[] = [];
  for (const l of lines) {
    const inEligibleCategory = eligible.some((c) => c.code === l.category);
    const name = l.label ? `« ${l.label} »` : l.category;
    if (!l.eligible && inEligibleCategory) {
      out.push({ code: "INELIGIBLE_LINE_IN_ELIGIBLE_CATEGORY", message: `La ligne ${name} est déclarée non éligible alors que sa catégorie est éligible : vérifiez-la.` });
    }
    if (l.eligible && !inEligibleCategory) {
      out.push({ code: "ELIGIBLE_LINE_IN_INELIGIBLE_CATEGORY", message: `La ligne ${name} est déclarée éligible mais sa catégorie ne l'est pas : elle n'est pas comptée.` });
    }
  }
  return out;
}

function balanceWarning(input: FileInput, totalCents: number): Warning[] {
  const products = input.requestedCents + input.territoryCofundingCents + input.otherCofundingCents;
  if (products === totalCents) return [];
  return [{
    code: "BUDGET_UNBALANCED",
    message: `Budget non équilibré : dépenses ${formatCents(totalCents)}, financements (demande + cofinancements) ${formatCents(products)}, écart ${formatCents(products - totalCents)}.`,
  }];
}

export interface CapResult {
  capCents: number;
  label: string;
  warnings: Warning[];
}

/**
 * Cap of the Région grant: the highest staff tier not above the platform's ETP; a territory above
 * BOTH size thresholds gets the large-territory cap once an administrator has set it. Below the
 * smallest tier, the smallest tier applies with a warning (interpretation: the framework assumes
 * a minimum team rather than refusing the grant).
 */
export function regionCap(rules: RegionFrameworkRules, staffEtp: number, platform: PlatformSize): CapResult {
  const warnings: Warning[] = [];
  const { largeTerritory: lt } = rules;
  const large = platform.population > lt.minPopulation && platform.companyCount > lt.minCompanies;
  if (large && lt.capCents !== null) return { capCents: lt.capCents, label: "Plafond grand territoire", warnings };
  const tier = [...rules.capsByEtp].reverse().find((c) => c.etp <= staffEtp) ?? rules.capsByEtp[0]!;
  if (staffEtp < rules.capsByEtp[0]!.etp) {
    warnings.push({ code: "ETP_BELOW_SCALE", message: `Effectif de ${etpLabel(staffEtp)} inférieur au barème (${etpLabel(rules.capsByEtp[0]!.etp)}) : le plafond le plus bas s'applique.` });
  }
  if (large) {
    warnings.push({
      code: "LARGE_TERRITORY_CAP_UNSET",
      message: "Territoire de plus de " + new Intl.NumberFormat("fr-FR").format(lt.minPopulation) + " habitants et " +
        new Intl.NumberFormat("fr-FR").format(lt.minCompanies) + " entreprises : le plafond « grand territoire » n'est pas encore fixé dans le jeu de règles, le plafond normal s'applique.",
    });
  }
  return { capCents: tier.capCents, label: `Plafond ${etpLabel(tier.etp)}`, warnings };
}

/** Région: grant = min(requested, rate × eligible, cap). */
export function computeRegionGrant(rules: RegionFrameworkRules, input: FileInput): Computation {
  const totalCents = sum(input.lines.map((l) => l.forecastCents));
  const eligibleCents = eligibleTotal(input.lines, rules.eligibleCategories);
  const atRateCents = applyRate(eligibleCents, rules.fundingRateBp);
  const cap = regionCap(rules, input.staffEtp, input.platform);
  const grantCents = Math.min(input.requestedCents, atRateCents, cap.capCents);
  const warnings: Warning[] = [...cap.warnings, ...lineWarnings(input.lines, rules.eligibleCategories), ...balanceWarning(input, totalCents)];
  if (applyRate(eligibleCents, rules.minTerritoryShareBp) > input.territoryCofundingCents) {
    warnings.push({
      code: "TERRITORY_SHARE_LOW",
      message: `Part du territoire insuffisante : ${formatCents(input.territoryCofundingCents)} pour un minimum de ${percent(rules.minTerritoryShareBp)} des dépenses éligibles (${formatCents(applyRate(eligibleCents, rules.minTerritoryShareBp))}).`,
    });
  }
  if (cap.capCents <= Math.min(input.requestedCents, atRateCents)) {
    warnings.push({ code: "CAP_REACHED", message: `Plafond atteint : le montant retenu est limité à ${formatCents(cap.capCents)} (${cap.label}).` });
  }
  const steps: Step[] = [
    { label: "Dépenses éligibles", amountCents: eligibleCents, text: `Dépenses éligibles prévues = ${formatCents(eligibleCents)} (sur ${formatCents(totalCents)} de budget)` },
    { label: "Taux Région", amountCents: atRateCents, text: `${percent(rules.fundingRateBp)} des dépenses éligibles = ${formatCents(atRateCents)}` },
    { label: cap.label, amountCents: cap.capCents, text: `${cap.label} = ${formatCents(cap.capCents)}` },
    { label: "Montant demandé", amountCents: input.requestedCents, text: `Montant demandé = ${formatCents(input.requestedCents)}` },
    { label: "Montant retenu", amountCents: grantCents, text: `Montant retenu = le plus petit des trois = ${formatCents(grantCents)}` },
  ];
  return { funder: "REGION", totalCents, eligibleCents, rateBp: rules.fundingRateBp, atRateCents, capCents: cap.capCents, grantCents, steps, warnings };
}

/** France Travail: contribution = rate × forecast eligible expenses (investment is never eligible). */
export function computeFranceTravailContribution(rules: FranceTravailRules, input: FileInput): Computation {
  const totalCents = sum(input.lines.map((l) => l.forecastCents));
  const eligibleCents = eligibleTotal(input.lines, rules.eligibleCategories);
  const grantCents = applyRate(eligibleCents, rules.fundingRateBp);
  const excluded = totalCents - eligibleCents;
  const warnings = [...lineWarnings(input.lines, rules.eligibleCategories), ...balanceWarning(input, totalCents)];
  const steps: Step[] = [
    { label: "Dépenses éligibles", amountCents: eligibleCents, text: `Dépenses éligibles prévues = ${formatCents(eligibleCents)} (${formatCents(excluded)} non éligibles exclues, dont l'investissement)` },
    { label: "Contribution", amountCents: grantCents, text: `Contribution = ${percent(rules.fundingRateBp)} × ${formatCents(eligibleCents)} = ${formatCents(grantCents)}` },
  ];
  return { funder: "FRANCE_TRAVAIL", totalCents, eligibleCents, rateBp: rules.fundingRateBp, atRateCents: grantCents, capCents: null, grantCents, steps, warnings };
}

/**
 * France Travail convention art. 3.2: the rate is the one written in each convention (« soit XX % »);
 * the rule set's rate applies only to a file that has none (opened before the rate was stored).
 */
export function withConventionRate(rules: FranceTravailRules, conventionRateBp: number | null): FranceTravailRules {
  return conventionRateBp === null ? rules : { ...rules, fundingRateBp: conventionRateBp };
}

export type FunderRules = { funder: "REGION"; rules: RegionFrameworkRules } | { funder: "FRANCE_TRAVAIL"; rules: FranceTravailRules };

export function computeSubsidy(r: FunderRules, input: FileInput): Computation {
  return r.funder === "REGION" ? computeRegionGrant(r.rules, input) : computeFranceTravailContribution(r.rules, input);
}

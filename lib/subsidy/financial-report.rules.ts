// Compte rendu financier of a Région annual convention (issue 22 §4). Pure: no Prisma, no clock.
//
// Convention cadre Région art. 7.3 « Contrôle financier » : « XXX transmettra à la Région un compte
// rendu financier retraçant les charges et les produits relatifs au programme d'activité subventionné
// […] Le compte-rendu financier est accompagné de deux annexes : o Un tableau des charges acquittés
// et produits affectés à la réalisation du projet qui fera apparaître les écarts éventuels entre le
// budget prévisionnel et le budget réalisé. Ces écarts feront l'objet d'une explication de XXX.
// o Une seconde annexe comprend une information qualitative décrivant, notamment, les natures des
// actions entreprises et les résultats obtenus par rapport aux objectifs initiaux du projet de la
// plateforme. »
//
// The final amount (solde) does NOT depend on the products: art. 4.1 sets the Région's share as
// « 80 % maximum des dépenses éligibles » — a bound on the actual eligible CHARGES, already applied
// by computeFinalBalance — and the territory's « 20 % minimum des dépenses éligibles » is a duty of
// the territory, not a reduction of the Région grant. A territory share below that minimum is shown
// as a point of attention (territoryShareShortfall), never deducted.
import { formatCents } from "@/lib/format";
import { applyRate, percent } from "@/lib/subsidy/subsidy.rules";

/**
 * Product lines of the report = the lines of the plan de financement of the request (demande à la
 * Région, cofinancement du territoire, autres cofinancements) plus the products the plan has no line
 * for (« autres produits » : participations, produits financiers…), whose forecast is 0.
 */
export const PRODUCT_KINDS = ["REGION_SUBSIDY", "TERRITORY_COFUNDING", "OTHER_COFUNDING", "OTHER_PRODUCTS"] as const;
export type ProductKind = (typeof PRODUCT_KINDS)[number];

export const PRODUCT_LABELS: Record<ProductKind, string> = {
  REGION_SUBSIDY: "Subvention de la Région",
  TERRITORY_COFUNDING: "Cofinancement du territoire",
  OTHER_COFUNDING: "Autres cofinancements",
  OTHER_PRODUCTS: "Autres produits",
};

export interface PlanDeFinancement {
  requestedCents: number;
  awardedCents: number | null;
  territoryCofundingCents: number;
  otherCofundingCents: number;
}

/**
 * Forecast of each product line. The Région subsidy's forecast is the amount of the annual
 * convention (art. 5 « Le montant des subventions annuelles de la Région ») once awarded, the amount
 * requested before; the co-fundings are the request's plan de financement.
 */
export function productForecasts(plan: PlanDeFinancement): Record<ProductKind, number> {
  return {
    REGION_SUBSIDY: plan.awardedCents ?? plan.requestedCents,
    TERRITORY_COFUNDING: plan.territoryCofundingCents,
    OTHER_COFUNDING: plan.otherCofundingCents,
    OTHER_PRODUCTS: 0,
  };
}

/**
 * Art. 7.3 « Ces écarts feront l'objet d'une explication »: a gap above `thresholdBp` of the
 * forecast (the rule set's gapExplanationThresholdBp, the same one the charges use) needs an
 * explanation. No actual yet: nothing to explain. No forecast and any actual: always a gap.
 */
export function gapNeedsExplanation(forecastCents: number, actualCents: number | null | undefined, explanation: string | null | undefined, thresholdBp: number): boolean {
  if (actualCents === null || actualCents === undefined) return false;
  const gap = Math.abs(actualCents - forecastCents);
  if (gap === 0 || gap <= applyRate(forecastCents, thresholdBp)) return false;
  return !explanation?.trim();
}

export interface StoredProduct {
  kind: string;
  actualCents: number;
  gapExplanation: string | null;
  version: number;
}

export interface ProductLine {
  kind: ProductKind;
  label: string;
  forecastCents: number;
  actualCents: number | null;
  gapExplanation: string | null;
  /** 0 = never entered (the first save creates the row). */
  version: number;
  gapToExplain: boolean;
}

/** The four product lines in the plan's order, with what was entered and whether a gap is unexplained. */
export function productLines(plan: PlanDeFinancement, stored: readonly StoredProduct[], thresholdBp: number): ProductLine[] {
  const forecasts = productForecasts(plan);
  return PRODUCT_KINDS.map((kind) => {
    const row = stored.find((s) => s.kind === kind);
    const actualCents = row ? row.actualCents : null;
    const gapExplanation = row?.gapExplanation ?? null;
    return {
      kind, label: PRODUCT_LABELS[kind], forecastCents: forecasts[kind], actualCents, gapExplanation, version: row?.version ?? 0,
      gapToExplain: gapNeedsExplanation(forecasts[kind], actualCents, gapExplanation, thresholdBp),
    };
  });
}

export interface ReportTotals {
  chargesForecastCents: number;
  chargesActualCents: number;
  productsForecastCents: number;
  productsActualCents: number;
  /** Products − charges: 0 = balanced, > 0 surplus, < 0 deficit. */
  resultForecastCents: number;
  resultActualCents: number;
}

const sum = (xs: number[]) => xs.reduce((s, x) => s + x, 0);

/** Totals of the table « charges acquittés et produits affectés » (an actual not entered counts 0). */
export function reportTotals(charges: readonly { forecastCents: number; actualCents: number | null }[], products: readonly ProductLine[]): ReportTotals {
  const chargesForecastCents = sum(charges.map((c) => c.forecastCents));
  const chargesActualCents = sum(charges.map((c) => c.actualCents ?? 0));
  const productsForecastCents = sum(products.map((p) => p.forecastCents));
  const productsActualCents = sum(products.map((p) => p.actualCents ?? 0));
  return {
    chargesForecastCents, chargesActualCents, productsForecastCents, productsActualCents,
    resultForecastCents: productsForecastCents - chargesForecastCents,
    resultActualCents: productsActualCents - chargesActualCents,
  };
}

/**
 * Art. 4.1 « par le territoire (20 % minimum des dépenses éligibles) »: the territory's actual
 * co-funding against the minimum share of the actual eligible expenses. A message (attention point)
 * or null; the final amount is not changed by it (see the header).
 */
export function territoryShareShortfall(actualTerritoryCents: number | null, actualEligibleCents: number, minShareBp: number): string | null {
  if (actualTerritoryCents === null || actualEligibleCents <= 0) return null;
  const minimum = applyRate(actualEligibleCents, minShareBp);
  if (actualTerritoryCents >= minimum) return null;
  return `Part du territoire réalisée insuffisante : ${formatCents(actualTerritoryCents)} pour un minimum de ${percent(minShareBp)} des dépenses éligibles réalisées (${formatCents(minimum)}) — convention cadre, art. 4.1.`;
}

export interface CompletenessInput {
  /** Documents of kind QUALITATIVE_ANNEX attached to the file. */
  annexCount: number;
  charges: readonly { label: string; actualCents: number | null; gapToExplain: boolean }[];
  products: readonly ProductLine[];
}

export interface Completeness {
  complete: boolean;
  /** What is missing, in French, one item per line. */
  missing: string[];
}

/**
 * Art. 7.3: the report is complete with (1) the actual of every charge line, (2) the actual of every
 * product line the plan de financement forecast, (3) an explanation for every gap above the
 * threshold, charges and products alike, and (4) the qualitative annex.
 */
export function financialReportCompleteness(input: CompletenessInput): Completeness {
  const missing: string[] = [];
  const chargesMissing = input.charges.filter((c) => c.actualCents === null);
  if (chargesMissing.length) missing.push(`Dépenses réalisées non saisies : ${chargesMissing.map((c) => `« ${c.label} »`).join(", ")}.`);
  const productsMissing = input.products.filter((p) => p.actualCents === null && p.forecastCents > 0);
  if (productsMissing.length) missing.push(`Produits réalisés non saisis : ${productsMissing.map((p) => `« ${p.label} »`).join(", ")}.`);
  const gaps = input.charges.filter((c) => c.gapToExplain).length + input.products.filter((p) => p.gapToExplain).length;
  if (gaps) missing.push(`${gaps} écart${gaps > 1 ? "s" : ""} entre prévu et réalisé sans explication (convention cadre, art. 7.3).`);
  if (input.annexCount === 0) missing.push("Annexe qualitative non jointe : joignez le document décrivant les actions entreprises et les résultats obtenus (convention cadre, art. 7.3).");
  return { complete: missing.length === 0, missing };
}

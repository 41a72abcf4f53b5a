// Issue 22 §4 — compte rendu financier of a Région convention (convention cadre art. 7.3 and 4.1).
import { describe, expect, it } from "vitest";
import {
  financialReportCompleteness, gapNeedsExplanation, productForecasts, productLines, PRODUCT_KINDS, reportTotals, territoryShareShortfall,
} from "@/lib/subsidy/financial-report.rules";
import { computeFinalBalance, gapsNeedingExplanation } from "@/lib/subsidy/subsidy-balance.rules";
import { receiptPlacementRefusal } from "@/lib/subsidy/receipt.rules";
import { REGION_FRAMEWORK_V1 } from "@/prisma/seed/rule-sets";

const PLAN = { requestedCents: 9_000_000, awardedCents: 8_000_000, territoryCofundingCents: 2_000_000, otherCofundingCents: 500_000 };
const TEN_PERCENT = 1000;

describe("produits du compte rendu financier (convention cadre, art. 7.3 « charges et produits »)", () => {
  it("reprennent le plan de financement : subvention attribuée (sinon demandée), territoire, autres cofinancements, autres produits à 0", () => {
    expect(productForecasts(PLAN)).toEqual({ REGION_SUBSIDY: 8_000_000, TERRITORY_COFUNDING: 2_000_000, OTHER_COFUNDING: 500_000, OTHER_PRODUCTS: 0 });
    expect(productForecasts({ ...PLAN, awardedCents: null }).REGION_SUBSIDY).toBe(9_000_000);
    expect(productLines(PLAN, [], TEN_PERCENT).map((p) => [p.kind, p.label, p.actualCents, p.version])).toEqual([
      ["REGION_SUBSIDY", "Subvention de la Région", null, 0],
      ["TERRITORY_COFUNDING", "Cofinancement du territoire", null, 0],
      ["OTHER_COFUNDING", "Autres cofinancements", null, 0],
      ["OTHER_PRODUCTS", "Autres produits", null, 0],
    ]);
    expect(PRODUCT_KINDS).toHaveLength(4);
  });

  it("« Ces écarts feront l'objet d'une explication » : au-delà du seuil du jeu de règles, comme les charges", () => {
    // 10 % of 2 000 000 = 200 000: a gap of exactly the threshold needs nothing, one cent more does.
    expect(gapNeedsExplanation(2_000_000, 1_800_000, null, TEN_PERCENT)).toBe(false);
    expect(gapNeedsExplanation(2_000_000, 1_799_999, null, TEN_PERCENT)).toBe(true);
    expect(gapNeedsExplanation(2_000_000, 1_799_999, "  ", TEN_PERCENT)).toBe(true);
    expect(gapNeedsExplanation(2_000_000, 1_799_999, "Participation de l'EPCI réduite", TEN_PERCENT)).toBe(false);
    expect(gapNeedsExplanation(2_000_000, null, null, TEN_PERCENT)).toBe(false);
    // No forecast (« autres produits ») and any actual: always a gap to explain.
    expect(gapNeedsExplanation(0, 1, null, TEN_PERCENT)).toBe(true);
    // Threshold 0 (version 1 of the rule set): every gap.
    expect(gapNeedsExplanation(2_000_000, 2_000_001, null, 0)).toBe(true);

    const lines = productLines(PLAN, [
      { kind: "TERRITORY_COFUNDING", actualCents: 1_500_000, gapExplanation: null, version: 2 },
      { kind: "OTHER_PRODUCTS", actualCents: 30_000, gapExplanation: "Produits financiers", version: 1 },
    ], TEN_PERCENT);
    expect(lines.filter((l) => l.gapToExplain).map((l) => l.kind)).toEqual(["TERRITORY_COFUNDING"]);
    // Charges and products share one rule: the charges' function gives the same answer.
    const charges = [{ category: "SALAIRES", eligible: true, forecastCents: 2_000_000, actualCents: 1_500_000, gapExplanation: null }];
    expect(gapsNeedingExplanation(charges, TEN_PERCENT)).toHaveLength(1);
  });

  it("totalisent charges et produits, prévus et réalisés, et le résultat (produits − charges)", () => {
    const products = productLines(PLAN, [
      { kind: "REGION_SUBSIDY", actualCents: 7_600_000, gapExplanation: null, version: 1 },
      { kind: "TERRITORY_COFUNDING", actualCents: 1_900_000, gapExplanation: null, version: 1 },
    ], TEN_PERCENT);
    const t = reportTotals([{ forecastCents: 10_000_000, actualCents: 9_500_000 }, { forecastCents: 500_000, actualCents: null }], products);
    expect(t).toEqual({
      chargesForecastCents: 10_500_000, chargesActualCents: 9_500_000,
      productsForecastCents: 10_500_000, productsActualCents: 9_500_000,
      resultForecastCents: 0, resultActualCents: 0,
    });
  });

  it("art. 4.1 « 20 % minimum » : signale une part du territoire réalisée trop faible, sans changer le solde", () => {
    expect(territoryShareShortfall(1_999_999, 10_000_000, REGION_FRAMEWORK_V1.minTerritoryShareBp)).toMatch(/Part du territoire réalisée insuffisante.*20 %.*art\. 4\.1/);
    expect(territoryShareShortfall(2_000_000, 10_000_000, REGION_FRAMEWORK_V1.minTerritoryShareBp)).toBeNull();
    expect(territoryShareShortfall(null, 10_000_000, REGION_FRAMEWORK_V1.minTerritoryShareBp)).toBeNull();
    // The balance is computed on the actual eligible charges only (art. 4.1 « 80 % maximum des dépenses éligibles »).
    const region = { funder: "REGION" as const, rules: REGION_FRAMEWORK_V1 };
    const input = { awardedCents: 8_000_000, paidCents: 6_000_000, staffEtp: 2, platform: { population: 150_000, companyCount: 8_000 }, lines: [{ category: "SALAIRES", eligible: true, forecastCents: 10_000_000, actualCents: 9_000_000 }] };
    expect(computeFinalBalance(region, input).finalCents).toBe(7_200_000);
  });
});

describe("complétude du compte rendu financier (art. 7.3 : tableau + annexe qualitative)", () => {
  const complete = {
    annexCount: 1,
    charges: [{ label: "Salaires", actualCents: 9_000_000, gapToExplain: false }],
    products: productLines(PLAN, PRODUCT_KINDS.slice(0, 3).map((kind) => ({ kind, actualCents: productForecasts(PLAN)[kind], gapExplanation: null, version: 1 })), TEN_PERCENT),
  };

  it("est complet avec le réalisé, les écarts expliqués et l'annexe qualitative", () => {
    expect(financialReportCompleteness(complete)).toEqual({ complete: true, missing: [] });
  });

  it("exige l'annexe qualitative, avec un message en français", () => {
    const r = financialReportCompleteness({ ...complete, annexCount: 0 });
    expect(r.complete).toBe(false);
    expect(r.missing).toEqual(["Annexe qualitative non jointe : joignez le document décrivant les actions entreprises et les résultats obtenus (convention cadre, art. 7.3)."]);
  });

  it("liste les réalisés manquants et les écarts sans explication (charges et produits)", () => {
    const r = financialReportCompleteness({
      annexCount: 1,
      charges: [{ label: "Salaires", actualCents: null, gapToExplain: false }, { label: "Locaux", actualCents: 10, gapToExplain: true }],
      products: productLines(PLAN, [{ kind: "OTHER_PRODUCTS", actualCents: 5, gapExplanation: null, version: 1 }], TEN_PERCENT),
    });
    expect(r.missing).toEqual([
      "Dépenses réalisées non saisies : « Salaires ».",
      "Produits réalisés non saisis : « Subvention de la Région », « Cofinancement du territoire », « Autres cofinancements ».",
      "2 écarts entre prévu et réalisé sans explication (convention cadre, art. 7.3).",
    ]);
  });
});

describe("annexe qualitative : un document du dossier Région", () => {
  it("se joint au dossier d'une convention Région, ni à une ligne, ni à une tranche, ni à un dossier France Travail", () => {
    expect(receiptPlacementRefusal("QUALITATIVE_ANNEX", { funder: "REGION" })).toBeNull();
    expect(receiptPlacementRefusal("QUALITATIVE_ANNEX", { funder: "FRANCE_TRAVAIL" })).toMatch(/convention de la Région/);
    expect(receiptPlacementRefusal("QUALITATIVE_ANNEX", { funder: "REGION", budgetLineId: "x" })).toMatch(/se joint au dossier/);
    expect(receiptPlacementRefusal("INVOICE", { funder: "FRANCE_TRAVAIL", budgetLineId: "x" })).toBeNull();
  });
});

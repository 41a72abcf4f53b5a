import { describe, expect, it } from "vitest";
import { formatCents } from "@/lib/format";
import { applyRate, computeFranceTravailContribution, computeRegionGrant, regionCap, type FileInput, type LineInput } from "@/lib/subsidy/subsidy.rules";
import { FRANCE_TRAVAIL_V1, REGION_FRAMEWORK_V1 } from "@/prisma/seed/rule-sets";

const SMALL = { population: 150_000, companyCount: 8_000 };
const LARGE = { population: 1_200_000, companyCount: 90_000 };

function salaries(cents: number, extra: Partial<LineInput> = {}): LineInput {
  return { category: "SALAIRES", label: "Salaires", eligible: true, forecastCents: cents, ...extra };
}

/** A balanced Région file: eligible expenses `eligible`, territory share exactly 20 %. */
function regionFile(eligible: number, over: Partial<FileInput> = {}): FileInput {
  const requested = applyRate(eligible, 8000);
  return {
    staffEtp: 2,
    requestedCents: requested,
    territoryCofundingCents: eligible - requested,
    otherCofundingCents: 0,
    lines: [salaries(eligible)],
    platform: SMALL,
    ...over,
  };
}

const codes = (c: { warnings: { code: string }[] }) => c.warnings.map((w) => w.code);

describe("Région : plafond selon l'effectif et la taille du territoire", () => {
  it.each([
    [1.5, 10_000_000, true],
    [2, 10_000_000, false],
    [2.99, 10_000_000, false],
    [3, 13_600_000, false],
    [4.5, 13_600_000, false],
  ])("%s ETP → plafond %s centimes", (etp, cap, belowScale) => {
    const r = regionCap(REGION_FRAMEWORK_V1, etp, SMALL);
    expect(r.capCents).toBe(cap);
    expect(r.warnings.some((w) => w.code === "ETP_BELOW_SCALE")).toBe(belowScale);
  });

  it("grand territoire sans plafond fixé : plafond normal et avertissement visible", () => {
    const r = regionCap(REGION_FRAMEWORK_V1, 3, LARGE);
    expect(r.capCents).toBe(13_600_000);
    expect(r.warnings.map((w) => w.code)).toEqual(["LARGE_TERRITORY_CAP_UNSET"]);
  });

  it("grand territoire avec plafond fixé : ce plafond s'applique", () => {
    const rules = { ...REGION_FRAMEWORK_V1, largeTerritory: { ...REGION_FRAMEWORK_V1.largeTerritory, capCents: 20_000_000 } };
    expect(regionCap(rules, 3, LARGE)).toMatchObject({ capCents: 20_000_000, label: "Plafond grand territoire", warnings: [] });
  });

  it.each([
    [{ population: 600_000, companyCount: 90_000 }, false],
    [{ population: 600_001, companyCount: 50_000 }, false],
    [{ population: 600_001, companyCount: 50_001 }, true],
  ])("seuils stricts (> 600 000 habitants ET > 50 000 entreprises) : %o → grand = %s", (platform, large) => {
    const rules = { ...REGION_FRAMEWORK_V1, largeTerritory: { ...REGION_FRAMEWORK_V1.largeTerritory, capCents: 20_000_000 } };
    expect(regionCap(rules, 2, platform).capCents === 20_000_000).toBe(large);
  });
});

describe("Région : subvention = min(demande, 80 % des dépenses éligibles, plafond)", () => {
  it("sous le plafond, retient 80 % des dépenses éligibles", () => {
    const c = computeRegionGrant(REGION_FRAMEWORK_V1, regionFile(10_000_000));
    expect(c.grantCents).toBe(8_000_000);
    expect(codes(c)).toEqual([]);
  });

  it.each([
    [12_499_900, 9_999_920, false],
    [12_500_000, 10_000_000, true],
    [12_500_100, 10_000_000, true],
  ])("autour du plafond 2 ETP : éligible %s → %s (plafond atteint : %s)", (eligible, grant, capped) => {
    const file = regionFile(eligible);
    const c = computeRegionGrant(REGION_FRAMEWORK_V1, { ...file, requestedCents: 99_999_999_00, territoryCofundingCents: eligible, otherCofundingCents: 0 });
    expect(c.grantCents).toBe(grant);
    expect(codes(c).includes("CAP_REACHED")).toBe(capped);
  });

  it("ne donne jamais plus que la demande", () => {
    const c = computeRegionGrant(REGION_FRAMEWORK_V1, { ...regionFile(10_000_000), requestedCents: 5_000_000, territoryCofundingCents: 5_000_000 });
    expect(c.grantCents).toBe(5_000_000);
  });

  it("arrondit au centime inférieur", () => {
    const c = computeRegionGrant(REGION_FRAMEWORK_V1, regionFile(333));
    expect(c.atRateCents).toBe(266); // 80 % × 3,33 € = 2,664 € → 2,66 €
  });

  it("exclut une ligne non éligible et une ligne d'une catégorie non éligible, avec avertissement", () => {
    const lines = [salaries(10_000_000), salaries(1_000_000, { eligible: false, label: "Prime" }), { category: "MOBILIER", label: "Bureaux", eligible: true, forecastCents: 500_000 }];
    const c = computeRegionGrant(REGION_FRAMEWORK_V1, { ...regionFile(10_000_000), lines, otherCofundingCents: 1_500_000 });
    expect(c.eligibleCents).toBe(10_000_000);
    expect(c.totalCents).toBe(11_500_000);
    expect(codes(c)).toEqual(["INELIGIBLE_LINE_IN_ELIGIBLE_CATEGORY", "ELIGIBLE_LINE_IN_INELIGIBLE_CATEGORY"]);
  });

  it("avertit quand la part du territoire est sous 20 % (à 20 % pile, pas d'avertissement)", () => {
    const ok = computeRegionGrant(REGION_FRAMEWORK_V1, regionFile(10_000_000));
    expect(codes(ok)).not.toContain("TERRITORY_SHARE_LOW");
    const low = computeRegionGrant(REGION_FRAMEWORK_V1, { ...regionFile(10_000_000), territoryCofundingCents: 1_999_999, otherCofundingCents: 1 });
    expect(codes(low)).toContain("TERRITORY_SHARE_LOW");
  });

  it("avertit quand le budget n'est pas équilibré", () => {
    const c = computeRegionGrant(REGION_FRAMEWORK_V1, { ...regionFile(10_000_000), otherCofundingCents: 100 });
    expect(c.warnings.find((w) => w.code === "BUDGET_UNBALANCED")?.message).toContain(formatCents(100));
  });

  it("explique chaque étape en français avec les montants", () => {
    const c = computeRegionGrant(REGION_FRAMEWORK_V1, { ...regionFile(15_000_000), requestedCents: 12_000_000, territoryCofundingCents: 3_000_000 });
    expect(c.steps.map((s) => s.text)).toEqual([
      `Dépenses éligibles prévues = ${formatCents(15_000_000)} (sur ${formatCents(15_000_000)} de budget)`,
      `80 % des dépenses éligibles = ${formatCents(12_000_000)}`,
      `Plafond 2 ETP = ${formatCents(10_000_000)}`,
      `Montant demandé = ${formatCents(12_000_000)}`,
      `Montant retenu = le plus petit des trois = ${formatCents(10_000_000)}`,
    ]);
  });
});

describe("France Travail : contribution = taux × dépenses éligibles prévues", () => {
  const lines: LineInput[] = [
    { category: "RH_DEDIEES", eligible: true, forecastCents: 3_500_000 },
    { category: "PRESTATIONS", eligible: true, forecastCents: 1_200_000 },
    { category: "INVESTISSEMENT", label: "Ordinateurs", eligible: true, forecastCents: 300_000 },
  ];
  const input: FileInput = { staffEtp: 2, requestedCents: 3_760_000, territoryCofundingCents: 1_240_000, otherCofundingCents: 0, lines, platform: LARGE };

  it("n'applique aucun plafond et n'accepte pas l'investissement", () => {
    const c = computeFranceTravailContribution(FRANCE_TRAVAIL_V1, input);
    expect(c.eligibleCents).toBe(4_700_000);
    expect(c.grantCents).toBe(3_760_000);
    expect(c.capCents).toBeNull();
    expect(codes(c)).toEqual(["ELIGIBLE_LINE_IN_INELIGIBLE_CATEGORY"]);
    expect(c.steps.at(-1)?.text).toBe(`Contribution = 80 % × ${formatCents(4_700_000)} = ${formatCents(3_760_000)}`);
  });
});

import { describe, expect, it } from "vitest";
import { aggregateFigures, combinePlatforms, emptyFigures, INDICATORS, median } from "@/lib/indicators/indicators";
import { governanceRequiredPerMonth, governanceRequiredPerYear } from "@/lib/indicators/figures.rules";
import { OPERATIONS_V1 } from "@/prisma/seed/rule-sets";

describe("définitions des indicateurs", () => {
  it("a des clés uniques, chacune avec un libellé, une phrase de définition et une unité", () => {
    expect(new Set(INDICATORS.map((d) => d.key)).size).toBe(INDICATORS.length);
    for (const d of INDICATORS) {
      expect(d.label.length, d.key).toBeGreaterThan(3);
      expect(d.definition, d.key).toMatch(/\.$/);
      expect(d.unit.length, d.key).toBeGreaterThan(0);
    }
  });

  it("couvre chaque type de contrat pour les offres et les embauches", () => {
    const keys = INDICATORS.map((d) => d.key);
    expect(keys.filter((k) => k.startsWith("offersContract_"))).toHaveLength(7);
    expect(keys.filter((k) => k.startsWith("hiresContract_"))).toHaveLength(7);
  });
});

describe("cumul sur une période", () => {
  const month = (o: Record<string, number | null>) => ({ ...emptyFigures(), ...o });

  it("additionne les comptes, garde le dernier stock, prend la médiane des délais", () => {
    const total = aggregateFigures([
      month({ hires: 2, chefsDeFileActive: 4, callbackMedianDelayDays: 1 }),
      month({ hires: 3, chefsDeFileActive: 5, callbackMedianDelayDays: null }),
      month({ hires: 0, chefsDeFileActive: 6, callbackMedianDelayDays: 5 }),
    ]);
    expect(total.hires).toBe(5);
    expect(total.chefsDeFileActive).toBe(6);
    expect(total.callbackMedianDelayDays).toBe(3);
  });

  it("additionne les stocks des plateformes pour le total régional", () => {
    const region = combinePlatforms([month({ chefsDeFileActive: 4, governanceMeetingsRequired: 0.42 }), month({ chefsDeFileActive: 2, governanceMeetingsRequired: 0.42 })]);
    expect(region.chefsDeFileActive).toBe(6);
    expect(region.governanceMeetingsRequired).toBe(0.84);
  });

  it("calcule une médiane paire, impaire ou vide", () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeNull();
  });
});

describe("réunions de gouvernance requises", () => {
  it("somme les minimums annuels du jeu de règles et les répartit par mois", () => {
    expect(governanceRequiredPerYear(OPERATIONS_V1)).toBe(5);
    expect(governanceRequiredPerMonth(OPERATIONS_V1)).toBe(0.42);
    const withTechnical = { ...OPERATIONS_V1, governance: { ...OPERATIONS_V1.governance, COMITE_TECHNIQUE: { minPerYear: 7 } } };
    expect(governanceRequiredPerYear(withTechnical)).toBe(12);
    expect(governanceRequiredPerMonth(withTechnical)).toBe(1);
  });
});

describe("minimisation (issue 22)", () => {
  it("Région annex 1 art. 3.6 (« même sous forme agrégée »): no RSA or RQTH statistic in the bilans", () => {
    expect(INDICATORS.filter((d) => /rsa|rqth/i.test(`${d.key} ${d.label} ${d.definition}`))).toEqual([]);
  });
});

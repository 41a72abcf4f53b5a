import { describe, expect, it } from "vitest";
import { governanceYear } from "@/lib/indicators/figures.rules";
import type { OperationsRules } from "@/lib/rules/rule-set.schema";

const ops = (governance: OperationsRules["governance"]) => ({ governance }) as OperationsRules;
const seed = ops({ COPRESIDENCE: { minPerYear: 3, maxPerYear: 4 }, POLE_DIRIGEANT: { minPerYear: 2 } });

describe("réunions de gouvernance de l'année", () => {
  it("compte des réunions entières sur l'année, jamais une moyenne par mois", () => {
    const g = governanceYear(2026, [1, 0, 0, 1, 0, 2, 0, 0, 0, 1, 0], seed);
    expect(g).toEqual({ year: 2026, held: 5, min: 5, max: null, state: "met" });
    expect(Number.isInteger(g.held)).toBe(true);
  });

  it("donne la fourchette quand chaque type a un maximum, et signale le dépassement", () => {
    const both = ops({ COPRESIDENCE: { minPerYear: 3, maxPerYear: 4 }, POLE_DIRIGEANT: { minPerYear: 2, maxPerYear: 3 } });
    expect(governanceYear(2026, [2, 2], both)).toMatchObject({ held: 4, min: 5, max: 7, state: "below" });
    expect(governanceYear(2026, [4, 4], both)).toMatchObject({ held: 8, state: "above" });
  });

  it("multiplie la fourchette par le nombre de plateformes d'une vue régionale", () => {
    expect(governanceYear(2026, [6, null, 4], seed, 3)).toMatchObject({ held: 10, min: 15, max: null, state: "below" });
    const withCt = ops({ COPRESIDENCE: { minPerYear: 3 }, POLE_DIRIGEANT: { minPerYear: 2 }, COMITE_TECHNIQUE: { minPerYear: 4 } });
    expect(governanceYear(2026, [], withCt)).toMatchObject({ held: 0, min: 9, state: "below" });
  });
});

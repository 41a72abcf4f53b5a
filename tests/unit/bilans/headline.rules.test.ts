import { describe, expect, it } from "vitest";
import { headlineCards, HEADLINE_KEYS, objectivePosition, yearOnYear } from "@/lib/bilans/headline.rules";
import { emptyFigures } from "@/lib/indicators/indicators";

describe("chiffres clés des bilans", () => {
  it("compare à la même période de l'année précédente", () => {
    expect(yearOnYear(120, 100)).toEqual({ previous: 100, delta: 20, percent: 20 });
    expect(yearOnYear(80, 100)).toEqual({ previous: 100, delta: -20, percent: -20 });
    expect(yearOnYear(3, 0)).toEqual({ previous: 0, delta: 3, percent: null });
    expect(yearOnYear(null, 4)).toBeNull();
  });

  it("situe l'objectif annuel au prorata des mois écoulés", () => {
    expect(objectivePosition(120, 60, 6)).toMatchObject({ expectedToDate: 60, percentOfExpected: 100, state: "ahead" });
    expect(objectivePosition(120, 54, 6)).toMatchObject({ percentOfExpected: 90, state: "watch" });
    expect(objectivePosition(120, 30, 6)).toMatchObject({ percentOfExpected: 50, state: "behind" });
    expect(objectivePosition(120, 0, 0)).toMatchObject({ expectedToDate: 0, state: "ahead" });
  });

  it("donne 6 à 8 cartes, sans RSA ni RQTH, avec 12 points de tendance", () => {
    const total = { ...emptyFigures(), hires: 7 };
    const cards = headlineCards({ total, lastYearTotal: { ...emptyFigures(), hires: 5 }, trend: Array.from({ length: 12 }, () => total), objectives: new Map([["hires", { target: 24, achieved: 10 }]]), elapsedMonths: 6 });
    expect(cards.length).toBeGreaterThanOrEqual(6);
    expect(cards.length).toBeLessThanOrEqual(8);
    expect(HEADLINE_KEYS.some((k) => /Rsa|Rqth/.test(k))).toBe(false);
    const hires = cards.find((c) => c.key === "hires")!;
    expect(hires).toMatchObject({ value: 7, yearOnYear: { delta: 2 }, objective: { target: 24, state: "behind" } });
    expect(hires.spark).toHaveLength(12);
  });
});

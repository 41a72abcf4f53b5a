import { describe, expect, it } from "vitest";
import { addMonths, currentMonth, isMonthOver, monthKeySchema, monthLabel, periodLabel, periodMonths, shortMonthLabel } from "@/lib/indicators/period.rules";

describe("mois et périodes des bilans", () => {
  it("valide le format AAAA-MM", () => {
    expect(monthKeySchema.safeParse("2026-03").success).toBe(true);
    expect(monthKeySchema.safeParse("2026-13").success).toBe(false);
    expect(monthKeySchema.safeParse("2026-3").success).toBe(false);
  });

  it("passe d'une année à l'autre", () => {
    expect(addMonths("2026-01", -1)).toBe("2025-12");
    expect(addMonths("2025-12", 1)).toBe("2026-01");
  });

  it("donne les mois d'un mois, d'un trimestre, d'une année et de 12 mois glissants", () => {
    expect(periodMonths({ kind: "month", anchor: "2026-05" })).toEqual(["2026-05"]);
    expect(periodMonths({ kind: "quarter", anchor: "2026-05" })).toEqual(["2026-04", "2026-05", "2026-06"]);
    expect(periodMonths({ kind: "year", anchor: "2026-05" })).toHaveLength(12);
    const rolling = periodMonths({ kind: "rolling12", anchor: "2026-05" });
    expect([rolling[0], rolling[11], rolling.length]).toEqual(["2025-06", "2026-05", 12]);
    expect(periodLabel({ kind: "quarter", anchor: "2026-05" })).toBe("2ᵉ trimestre 2026");
  });

  it("prend le mois à l'heure de Paris et ne clôture qu'un mois terminé", () => {
    expect(currentMonth(new Date("2026-03-31T22:30:00Z"))).toBe("2026-04");
    expect(isMonthOver("2026-03", new Date("2026-03-31T21:59:00Z"))).toBe(false);
    expect(isMonthOver("2026-03", new Date("2026-03-31T22:00:00Z"))).toBe(true);
  });
});

describe("libellés de mois en français (date-fns, locale fr)", () => {
  it("abrège comme le français, sans « déce. » ni « mars. »", () => {
    const months = Array.from({ length: 12 }, (_, i) => shortMonthLabel(`2025-${String(i + 1).padStart(2, "0")}`));
    expect(months).toEqual(["janv. 25", "févr. 25", "mars 25", "avr. 25", "mai 25", "juin 25", "juil. 25", "août 25", "sept. 25", "oct. 25", "nov. 25", "déc. 25"]);
  });

  it("écrit le mois en entier avec l'année", () => {
    expect(monthLabel("2025-12")).toBe("décembre 2025");
    expect(monthLabel("2026-08")).toBe("août 2026");
    expect(periodLabel({ kind: "rolling12", anchor: "2026-11" })).toBe("décembre 2025 – novembre 2026");
  });
});

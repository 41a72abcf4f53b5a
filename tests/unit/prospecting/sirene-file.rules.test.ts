// INSEE headcount bands as the prospecting screen shows them (floor filter, labels, the app's bands).
import { describe, expect, it } from "vitest";
import { companyBandOf, HEADCOUNT_LABELS, headcountLabel, headcountLowerBound, MIN_HEADCOUNT_OPTIONS } from "@/lib/sirene/sirene-file.rules";

describe("tranches d'effectif de l'INSEE", () => {
  it("chaque choix « effectif minimum » dit le bas de sa tranche INSEE", () => {
    for (const o of MIN_HEADCOUNT_OPTIONS) {
      const floor = headcountLowerBound(o.code)!;
      expect(o.label).toBe(`${floor.toLocaleString("fr-FR")} salarié${floor > 1 ? "s" : ""} et plus`);
      // The list's own label of that band starts at the same number.
      expect(HEADCOUNT_LABELS[o.code]!.startsWith(floor.toLocaleString("fr-FR"))).toBe(true);
    }
  });

  it("libellés et tranches de l'application", () => {
    expect(headcountLabel("12")).toBe("20 à 49 salariés");
    expect(headcountLabel("NN")).toBe("effectif inconnu");
    expect(headcountLabel(null)).toBe("effectif inconnu");
    expect(companyBandOf("12")).toBe("H10_49");
    expect(companyBandOf("03")).toBe("H1_9");
    expect(companyBandOf("32")).toBe("H250_999");
    expect(companyBandOf("NN")).toBeNull();
  });
});

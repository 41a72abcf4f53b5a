import { describe, expect, it } from "vitest";
import { conventionEndDate, displayValue, FT_INDICATORS, maskingNote, ftBeneficiaryRows, ftMonthlyIndicators, isMasked, projectMonths, type FtDiagnosticFact } from "@/lib/france-travail/ft-report.rules";

const base: FtDiagnosticFact = {
  jobSeekerId: "p1", diagnosticDone: true, accompanimentDone: false, accompanimentDurationDays: null, solutionRecommended: false,
  orientationMaterialFinancial: false, distanceBeforeKm: null, distanceAfterKm: null, satisfaction: null,
};
const fact = (id: string, extra: Partial<FtDiagnosticFact> = {}): FtDiagnosticFact => ({ ...base, jobSeekerId: id, ...extra });
const byKey = (values: ReturnType<typeof ftMonthlyIndicators>) => Object.fromEntries(values.map((v) => [v.key, v]));

describe("indicateurs mensuels France Travail", () => {
  it("masque les effectifs strictement entre 0 et le seuil", () => {
    expect([0, 1, 4, 5, 6].map((n) => isMasked(n, 5))).toEqual([false, true, true, false, false]);
    expect([isMasked(2, 3), isMasked(3, 3)]).toEqual([true, false]);
  });

  it("agrège chaque indicateur et masque ce qui repose sur moins de 5 diagnostics", () => {
    const facts = [
      fact("a", { accompanimentDone: true, accompanimentDurationDays: 10, distanceBeforeKm: 10, distanceAfterKm: 30, satisfaction: 4, orientationMaterialFinancial: true, solutionRecommended: true }),
      fact("a", { diagnosticDone: false, accompanimentDone: true, accompanimentDurationDays: 20, distanceBeforeKm: 20, distanceAfterKm: 25, satisfaction: 5, orientationMaterialFinancial: true }),
      fact("b", { accompanimentDone: true, accompanimentDurationDays: 30, distanceBeforeKm: 0, distanceAfterKm: 10, satisfaction: 3, orientationMaterialFinancial: true }),
      fact("c", { accompanimentDone: true, accompanimentDurationDays: 41, distanceBeforeKm: 5, distanceAfterKm: 5, satisfaction: 4, orientationMaterialFinancial: true }),
      fact("d", { accompanimentDone: true, distanceBeforeKm: 8, distanceAfterKm: 16, satisfaction: 2 }),
      fact("e", { accompanimentDone: true, accompanimentDurationDays: 14 }),
    ];
    const v = byKey(ftMonthlyIndicators(facts, 5));
    expect(Object.keys(v)).toEqual(FT_INDICATORS.map((d) => d.key));
    expect(v.beneficiaries).toEqual({ key: "beneficiaries", value: 5, base: 5, masked: false });
    expect(v.diagnostics).toMatchObject({ value: 5, masked: false });
    expect(v.accompaniments).toMatchObject({ value: 6, masked: false });
    // (10 + 20 + 30 + 41 + 14) / 5 = 23
    expect(v.accompanimentMeanDays).toMatchObject({ value: 23, base: 5, masked: false });
    // (20 + 5 + 10 + 0 + 8) / 5 = 8.6
    expect(v.distanceMeasured).toMatchObject({ value: 5, masked: false });
    expect(v.distanceMeanChangeKm).toMatchObject({ value: 8.6, base: 5, masked: false });
    expect(v.orientationsMaterialFinancial).toMatchObject({ value: 4, masked: true });
    expect(v.solutionsRecommended).toMatchObject({ value: 1, masked: true });
    // (4 + 5 + 3 + 4 + 2) / 5 = 3.6
    expect(v.satisfactionResponses).toMatchObject({ value: 5, masked: false });
    expect(v.satisfactionMean).toMatchObject({ value: 3.6, masked: false });
  });

  it("masque une moyenne calculée sur trop peu de personnes, en le disant (pas « < seuil »)", () => {
    const v = byKey(ftMonthlyIndicators([fact("a", { satisfaction: 5 }), fact("b", { satisfaction: 1 })], 5));
    expect(v.satisfactionMean).toMatchObject({ value: 3, base: 2, masked: true });
    expect(displayValue(v.satisfactionMean!, 5)).toBe("masquée (moins de 5 personnes)");
    expect(displayValue(v.satisfactionResponses!, 5)).toBe("< 5");
    expect(displayValue(v.accompanimentMeanDays!, 5)).toBeNull();
    expect(displayValue(v.accompaniments!, 5)).toBe(0);
  });

  it("montre une moyenne sur assez de personnes même si sa valeur est sous le seuil", () => {
    const five = ["a", "b", "c", "d", "e"].map((id) => fact(id, { accompanimentDone: true, accompanimentDurationDays: 2, satisfaction: 1 }));
    const v = byKey(ftMonthlyIndicators(five, 5));
    expect(v.accompanimentMeanDays).toMatchObject({ value: 2, base: 5, masked: false });
    expect(displayValue(v.accompanimentMeanDays!, 5)).toBe(2);
    expect(displayValue(v.satisfactionMean!, 5)).toBe(1);
    expect(maskingNote(Object.values(v), 5)).toBe("");
  });

  it("écrit sous le tableau pourquoi une cellule est masquée", () => {
    const v = ftMonthlyIndicators([fact("a", { satisfaction: 5 })], 5);
    expect(maskingNote(v, 5)).toContain("remplacé par « < 5 »");
    expect(maskingNote(v, 5)).toContain("moyenne calculée sur moins de 5 personnes est masquée");
  });

  it("suit le seuil du jeu de règles", () => {
    const v = byKey(ftMonthlyIndicators([fact("a"), fact("b")], 2));
    expect(v.beneficiaries!.masked).toBe(false);
    expect(byKey(ftMonthlyIndicators([fact("a"), fact("b")], 3)).beneficiaries!.masked).toBe(true);
  });
});

describe("retour mensuel des données personnelles", () => {
  it("une ligne par bénéficiaire, O/N combinés sur ses diagnostics du mois, triée par nom", () => {
    const rows = ftBeneficiaryRows([
      { jobSeekerId: "z", lastName: "Zola", firstName: "Émile", franceTravailId: "1234567A", diagnosticDone: true, accompanimentDone: false, solutionRecommended: false, solutionType: null },
      { jobSeekerId: "a", lastName: "Aubry", firstName: "Léa", franceTravailId: null, diagnosticDone: false, accompanimentDone: true, solutionRecommended: true, solutionType: "Aide au permis" },
      { jobSeekerId: "a", lastName: "Aubry", firstName: "Léa", franceTravailId: null, diagnosticDone: true, accompanimentDone: false, solutionRecommended: true, solutionType: "Location de scooter" },
    ]);
    expect(rows).toEqual([
      { name: "AUBRY Léa", franceTravailId: "", diagnosticDone: "O", accompanimentDone: "O", solutionRecommended: "O", solutionType: "Aide au permis, Location de scooter" },
      { name: "ZOLA Émile", franceTravailId: "1234567A", diagnosticDone: "O", accompanimentDone: "N", solutionRecommended: "N", solutionType: "" },
    ]);
  });
});

describe("mois d'un projet", () => {
  it("du mois de départ à la durée de la convention, sans dépasser le mois courant, du plus récent au plus ancien", () => {
    expect(projectMonths("2026-09", "2027-08", "2026-11")).toEqual(["2026-11", "2026-10", "2026-09"]);
    expect(projectMonths("2025-01", "2025-12", "2026-11")).toHaveLength(12);
    expect(projectMonths("2025-01", "2025-12", "2026-11")[0]).toBe("2025-12");
    expect(projectMonths("2027-01", "2027-12", "2026-11")).toEqual([]);
  });

  it("a convention signed on 15 March 2026 ends on 14 March 2027 and its monthly files run to March 2027 (issue 15 §4)", () => {
    const end = conventionEndDate(new Date("2026-03-15T00:00:00Z"), 12);
    expect(end.toISOString().slice(0, 10)).toBe("2027-03-14");
    const months = projectMonths("2026-03", "2027-03", "2027-06");
    expect(months).toHaveLength(13);
    expect([months.at(-1), months[0]]).toEqual(["2026-03", "2027-03"]);
    // Signed on the 1st: exactly twelve calendar months; the 31st clamps to the month's end.
    expect(conventionEndDate(new Date("2026-03-01T00:00:00Z"), 12).toISOString().slice(0, 10)).toBe("2027-02-28");
    expect(conventionEndDate(new Date("2026-01-31T00:00:00Z"), 1).toISOString().slice(0, 10)).toBe("2026-02-27");
  });
});

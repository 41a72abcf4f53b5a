import { describe, expect, it } from "vitest";
import { checkDiagnostic, checkFundingFile } from "@/lib/diagnostics/diagnostic.rules";

const now = new Date("2026-11-23T10:00:00Z");
const ok = {
  date: new Date("2026-11-20"), diagnosticDone: true, accompanimentDone: true, accompanimentDurationDays: 30, solutionRecommended: true, solutionType: "Aide au permis B",
  distanceBeforeKm: 10, distanceAfterKm: 40,
};

describe("diagnostic mobilité", () => {
  it("accepte un diagnostic cohérent", () => {
    expect(checkDiagnostic(ok, now)).toEqual({});
  });
  it("exige la durée d'un accompagnement réalisé et le type d'une solution préconisée ; refuse une date future", () => {
    expect(checkDiagnostic({ ...ok, accompanimentDurationDays: null, solutionType: null, date: new Date("2026-12-01") }, now)).toEqual({
      date: ["La date ne peut pas être dans le futur."],
      accompanimentDurationDays: ["Indiquez la durée de l'accompagnement réalisé (en jours)."],
      solutionType: ["Indiquez le type de solution préconisée."],
    });
    expect(Object.keys(checkDiagnostic({ ...ok, accompanimentDone: false }, now))).toEqual(["accompanimentDurationDays"]);
    expect(Object.keys(checkDiagnostic({ ...ok, distanceBeforeKm: null }, now))).toEqual(["distanceBeforeKm"]);
  });
  it("se rattache à un dossier France Travail de la même plateforme", () => {
    expect(checkFundingFile({ funder: "FRANCE_TRAVAIL", platformId: "p1" }, "p1")).toBeNull();
    expect(checkFundingFile({ funder: "REGION", platformId: "p1" }, "p1")).toMatch(/France Travail/);
    expect(checkFundingFile({ funder: "FRANCE_TRAVAIL", platformId: "p2" }, "p1")).toMatch(/autre plateforme/);
    expect(checkFundingFile(null, "p1")).toMatch(/introuvable/);
  });
});

import { describe, expect, it } from "vitest";
import { resolvePerimeter, splitPerimeter } from "@/lib/platforms/perimeter.rules";
import { platformInputSchema } from "@/lib/platforms/platform.schema";

const REF = [
  { inseeCode: "62498", epciCode: "246200364", population: 30_000 },
  { inseeCode: "62510", epciCode: "246200364", population: 20_000 },
  { inseeCode: "80021", epciCode: "248000531", population: 130_000 },
  { inseeCode: "80001", epciCode: "248000531", population: 500 },
  { inseeCode: "59350", epciCode: null, population: 1_000 },
];

describe("périmètre d'une plateforme", () => {
  it("réunit les communes des EPCI cochés et les communes ajoutées, sans doublon, et somme la population", () => {
    const p = resolvePerimeter(REF, ["246200364"], ["62498", "80021"]);
    expect(p.inseeCodes).toEqual(["62498", "62510", "80021"]);
    expect(p.population).toBe(180_000);
    expect(p.unknownCommunes).toEqual([]);
  });

  it("signale les codes inconnus du référentiel", () => {
    const p = resolvePerimeter(REF, ["999999999"], ["00000"]);
    expect(p.unknownEpcis).toEqual(["999999999"]);
    expect(p.unknownCommunes).toEqual(["00000"]);
    expect(p.population).toBe(0);
  });

  it("réaffiche un périmètre : EPCI entiers cochés, autres communes listées", () => {
    expect(splitPerimeter(REF, ["62498", "62510", "80021"])).toEqual({ epciCodes: ["246200364"], communeCodes: ["80021"] });
  });

  it("valide le formulaire : SIRET avec clé, dates dans l'ordre, au moins une commune", () => {
    const base = { name: "Test", carryingStructureName: "CA Test", carryingStructureType: "EPCI", companyCount: "10", staffEtp: "2.5", communeCodes: "62498 62510" };
    expect(platformInputSchema.parse(base)).toMatchObject({ communeCodes: ["62498", "62510"], staffEtp: 2.5, companyCount: 10 });
    const bad = platformInputSchema.safeParse({ ...base, communeCodes: "", carryingStructureSiret: "12345678901234", conventionStartDate: "2026-01-01", conventionEndDate: "2025-01-01" });
    const fields = Object.fromEntries(bad.error!.issues.map((i) => [i.path.join("."), i.message]));
    expect(fields).toMatchObject({
      carryingStructureSiret: "Ce SIRET n'est pas valide (clé de contrôle).",
      communeCodes: "Choisissez au moins un EPCI ou une commune.",
      conventionEndDate: "La fin de la convention ne peut précéder son début.",
    });
  });
});

import { describe, expect, it } from "vitest";
import { formatNaf, formatSiret, isValidNaf, normalizeNaf, siretError, sirenOf } from "@/lib/companies/company.rules";
import { romeCodeField } from "@/lib/offers/offer.schema";
import { normalizeSearch } from "@/lib/search/normalize";

describe("SIRET", () => {
  it("accepte un SIRET valide avec ou sans espaces et en dérive le SIREN", () => {
    expect(siretError("732 829 320 00074")).toBeNull();
    expect(sirenOf("732 829 320 00074")).toBe("732829320");
    expect(formatSiret("73282932000074")).toBe("732 829 320 00074");
  });

  it("refuse une longueur fausse ou une clé de Luhn fausse, avec le bon message", () => {
    expect(siretError("7328293200007")).toBe("Le SIRET compte exactement 14 chiffres.");
    expect(siretError("73282932000075")).toBe("Ce SIRET n'est pas valide (clé de contrôle incorrecte).");
    expect(siretError("ABCDEFGHIJKLMN")).toBe("Le SIRET compte exactement 14 chiffres.");
  });

  it("applique la règle de La Poste (somme des chiffres multiple de 5)", () => {
    expect(siretError("35600000000048")).toBeNull(); // siège, aussi valide par Luhn
    expect(siretError("35600000049837")).toBeNull(); // somme des chiffres = 45
    expect(siretError("35600000049838")).toBe("Ce SIRET n'est pas valide (clé de contrôle incorrecte).");
  });
});

describe("NAF / APE", () => {
  it("accepte 47.11D et 4711D, normalise sans point et réaffiche avec", () => {
    expect(isValidNaf("47.11D")).toBe(true);
    expect(isValidNaf("4711d")).toBe(true);
    expect(normalizeNaf("47.11d")).toBe("4711D");
    expect(formatNaf("4711D")).toBe("47.11D");
  });

  it("refuse les formats faux", () => {
    for (const bad of ["4711", "47.1D", "A711D", "47111D", ""]) expect(isValidNaf(bad)).toBe(false);
  });
});

describe("code ROME", () => {
  it("accepte une lettre de A à N suivie de 4 chiffres, en majuscules", () => {
    expect(romeCodeField.parse("f1703")).toBe("F1703");
    expect(romeCodeField.parse("N1103")).toBe("N1103");
  });

  it("refuse les autres lettres et longueurs", () => {
    for (const bad of ["O1234", "Z0001", "F170", "F17033", "17033"]) expect(romeCodeField.safeParse(bad).success).toBe(false);
  });
});

describe("normalisation de recherche", () => {
  it("enlève accents, ligatures et casse comme PostgreSQL unaccent", () => {
    expect(normalizeSearch("  Pâtisserie ÉLOÏSE  Cœur ")).toBe("patisserie eloise coeur");
  });
});

import { describe, expect, it } from "vitest";
import { guessMapping, missingRequired, validateCompanyRows } from "@/lib/imports/import.rules";
import { withLuhnKey } from "@/lib/rules/siret.rules";

const siret = (n: number) => withLuhnKey(`4${String(n).padStart(12, "0")}`);

describe("import d'entreprises : correspondance des colonnes", () => {
  it("reconnaît les en-têtes usuels, sans accents ni casse", () => {
    const m = guessMapping(["N° SIRET", "Raison sociale", "Code NAF", "Filière", "Code INSEE", "Nom contact", "Prénom contact", "E-mail", "Téléphone"]);
    expect(m).toEqual({ siret: 0, name: 1, nafCode: 2, sector: 3, communeCode: 4, contactLastName: 5, contactFirstName: 6, contactEmail: 7, contactPhone: 8 });
    expect(missingRequired(m)).toEqual([]);
  });

  it("signale les champs obligatoires non reliés", () => {
    expect(missingRequired(guessMapping(["Nom"]))).toEqual(["SIRET"]);
  });
});

describe("import d'entreprises : validation ligne à ligne", () => {
  const mapping = { siret: 0, name: 1, communeCode: 2, contactLastName: 3, contactEmail: 4 };

  it("garde les bonnes lignes et rapporte les mauvaises avec leur numéro de ligne", () => {
    const rows = [
      [siret(1), "Alpha", "62498", "Durand", "a.durand@alpha.fr"],
      ["123", "Beta", "", "", ""],
      [siret(3), "", "62498", "", ""],
      ["", "", "", "", ""],
      [siret(4), "Delta", "6249", "Martin", "pas-un-mail"],
      [siret(1), "Alpha bis", "", "", ""],
      [siret(6), "Zeta", "", "", ""],
    ];
    const { valid, errors } = validateCompanyRows(rows, mapping);
    expect(valid.map((v) => [v.line, v.company.name, v.contact?.lastName ?? null])).toEqual([
      [2, "Alpha", "Durand"],
      [8, "Zeta", null],
    ]);
    expect(errors).toEqual([
      { line: 3, field: "siret", message: "Le SIRET compte exactement 14 chiffres." },
      { line: 4, field: "name", message: "Raison sociale : champ obligatoire." },
      { line: 6, field: "communeCode", message: "Code commune INSEE invalide (5 caractères, ex. : 62498)." },
      { line: 6, field: "contact.proEmail", message: "Adresse e-mail invalide (ex. : prenom.nom@entreprise.fr)." },
      { line: 7, field: "siret", message: "SIRET en double dans le fichier (déjà ligne 2)." },
    ]);
  });
});

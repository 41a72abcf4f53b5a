import { describe, expect, it } from "vitest";
import { guessMapping } from "@/lib/imports/import.rules";
import { frenchBool, frenchDate, JOB_SEEKER_IMPORT_FIELDS, matchExisting, missingJobSeekerFields, validateJobSeekerRows } from "@/lib/imports/job-seeker-import.rules";

const now = new Date("2026-11-23T10:00:00Z");
const HEADERS = ["Civilité", "Nom", "Prénom", "Date de naissance", "E-mail", "Téléphone", "Identifiant France Travail", "Code INSEE", "RSA", "Arrivée par", "Informé le", "Canal d'information"];
const mapping = guessMapping(HEADERS, JOB_SEEKER_IMPORT_FIELDS);
const opts = { defaults: {}, now, minAge: 16 };
const row = (o: Partial<Record<(typeof HEADERS)[number], string>> = {}) =>
  HEADERS.map((h) => o[h] ?? { Civilité: "Mme", Nom: "Lefèvre", Prénom: "Élodie", "Date de naissance": "15/03/1990", "E-mail": "E.Lefevre@exemple.fr", Téléphone: "0612345678", "Identifiant France Travail": "1234567a", "Code INSEE": "62498", RSA: "oui", "Arrivée par": "Numéro vert", "Informé le": "02/11/2026", "Canal d'information": "téléphone" }[h]!);

describe("import de demandeurs : correspondance des colonnes", () => {
  it("reconnaît les en-têtes usuels, sans accents ni casse", () => {
    expect(mapping).toEqual({ civility: 0, lastName: 1, firstName: 2, birthDate: 3, email: 4, phone: 5, franceTravailId: 6, communeCode: 7, rsa: 8, origin: 9, informedAt: 10, informedChannel: 11 });
    expect(missingJobSeekerFields(mapping, {})).toEqual([]);
  });

  it("exige la date et le canal d'information : en colonne ou pour tout le fichier", () => {
    const m = guessMapping(["Nom", "Prénom", "Date de naissance"], JOB_SEEKER_IMPORT_FIELDS);
    expect(missingJobSeekerFields(m, {})).toEqual([
      "Arrivée par (colonne ou valeur pour tout le fichier)",
      "Date d'information du traitement (colonne ou valeur pour tout le fichier)",
      "Canal d'information du traitement (colonne ou valeur pour tout le fichier)",
    ]);
    expect(missingJobSeekerFields(m, { origin: "PARTENAIRE", informedAt: "2026-11-02", informedChannel: "EN_PERSONNE" })).toEqual([]);
    expect(missingJobSeekerFields({}, { origin: "PARTENAIRE", informedAt: "2026-11-02", informedChannel: "EN_PERSONNE" })).toEqual(["Nom", "Prénom", "Date de naissance"]);
  });
});

describe("import de demandeurs : valeurs françaises", () => {
  it("lit les dates JJ/MM/AAAA et ISO, et oui / non", () => {
    expect(frenchDate("5/3/1990")).toBe("1990-03-05");
    expect(frenchDate("1990-03-05T00:00:00.000Z")).toBe("1990-03-05");
    expect(frenchDate("hier")).toBe("hier");
    expect([frenchBool("Oui"), frenchBool("x"), frenchBool("NON"), frenchBool("peut-être")]).toEqual(["true", "true", "false", "peut-être"]);
  });
});

describe("import de demandeurs : validation ligne à ligne", () => {
  it("accepte une ligne complète et normalise les valeurs", () => {
    const { valid, errors } = validateJobSeekerRows([row()], mapping, opts);
    expect(errors).toEqual([]);
    expect(valid[0]).toMatchObject({ line: 2, input: { civility: "MADAME", lastName: "Lefèvre", email: "e.lefevre@exemple.fr", phone: "06 12 34 56 78", franceTravailId: "1234567A", rsa: true, origin: "NUMERO_VERT", informedChannel: "TELEPHONE" } });
    expect(valid[0]!.input.birthDate!.toISOString().slice(0, 10)).toBe("1990-03-15");
    expect(valid[0]!.filled).toContain("rsa");
    expect(valid[0]!.filled).not.toContain("city");
  });

  it("rapporte les erreurs en français avec leur numéro de ligne", () => {
    const rows = [
      row(),
      row({ "E-mail": "pas-un-mail", Nom: "A", "Identifiant France Travail": "" }),
      row({ "Date de naissance": "01/01/2020", "E-mail": "b@exemple.fr", "Identifiant France Travail": "", Nom: "B" }),
      row({ "Identifiant France Travail": "12AB", "E-mail": "c@exemple.fr", Nom: "C" }),
      row({ "Informé le": "", "E-mail": "d@exemple.fr", "Identifiant France Travail": "", Nom: "D" }),
      row({ "Informé le": "01/12/2026", "E-mail": "e@exemple.fr", "Identifiant France Travail": "", Nom: "E" }),
      row({ "Canal d'information": "pigeon", "E-mail": "f@exemple.fr", "Identifiant France Travail": "", Nom: "F" }),
    ];
    const { valid, errors } = validateJobSeekerRows(rows, mapping, opts);
    expect(valid.map((v) => v.line)).toEqual([2]);
    expect(errors).toEqual([
      { line: 3, field: "email", message: "Adresse e-mail invalide." },
      { line: 4, field: "birthDate", message: "La personne doit avoir au moins 16 ans." },
      { line: 5, field: "franceTravailId", message: "Identifiant France Travail invalide : 7 chiffres puis une lettre ou un chiffre (ex. 1234567A)." },
      { line: 6, field: "informedAt", message: "Indiquez la date à laquelle la personne a été informée du traitement de ses données." },
      { line: 7, field: "informedAt", message: "La date d'information ne peut pas être dans le futur." },
      { line: 8, field: "informedChannel", message: "Indiquez comment la personne a été informée." },
    ]);
  });

  it("prend la valeur choisie pour tout le fichier quand la cellule est vide", () => {
    const { valid } = validateJobSeekerRows([row({ "Informé le": "", "Canal d'information": "", "Arrivée par": "" })], mapping, { ...opts, defaults: { informedAt: "2026-10-01", informedChannel: "COURRIER", origin: "PARTENAIRE" } });
    expect(valid[0]!.input).toMatchObject({ informedChannel: "COURRIER", origin: "PARTENAIRE" });
    expect(valid[0]!.input.informedAt.toISOString().slice(0, 10)).toBe("2026-10-01");
  });

  it("signale la même personne deux fois dans le fichier (nom et date de naissance sans accents)", () => {
    const again = row({ Nom: "LEFEVRE", Prénom: "elodie", "E-mail": "autre@exemple.fr", "Identifiant France Travail": "" });
    const { valid, errors } = validateJobSeekerRows([row(), [], again], mapping, opts);
    expect(valid).toHaveLength(1);
    expect(errors).toEqual([{ line: 4, field: "lastName", message: "Même personne que la ligne 2 du fichier." }]);
  });
});

describe("import de demandeurs : doublons avec les fiches existantes", () => {
  it("rattache une ligne à la fiche existante (identifiant, e-mail ou nom + date de naissance)", () => {
    const { valid } = validateJobSeekerRows(
      [row(), row({ Nom: "Durand", Prénom: "Jean", "E-mail": "jean@exemple.fr", "Identifiant France Travail": "", "Date de naissance": "01/02/1985" }), row({ Nom: "Martin", "E-mail": "m@exemple.fr", "Identifiant France Travail": "" })],
      mapping, opts,
    );
    const existing = [
      { id: "a", lastName: "Autre", firstName: "X", birthDate: null, email: null, franceTravailId: "1234567A" },
      { id: "b", lastName: "DURAND", firstName: "Jéan", birthDate: new Date("1985-02-01T00:00:00Z"), email: null, franceTravailId: null },
    ];
    const m = matchExisting(valid, existing);
    expect(m.get(2)).toEqual({ id: "a", reasons: ["FRANCE_TRAVAIL_ID"] });
    expect(m.get(3)).toEqual({ id: "b", reasons: ["NAME_BIRTH_DATE"] });
    expect(m.has(4)).toBe(false);
  });
});

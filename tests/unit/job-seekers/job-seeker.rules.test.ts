import { describe, expect, it } from "vitest";
import { checkBirthDate, duplicateReasons, isYoung, mergeFields, normalizeName, normalizePhone } from "@/lib/job-seekers/job-seeker.rules";
import { createJobSeekerSchema } from "@/lib/job-seekers/job-seeker.schema";

const now = new Date("2026-11-23T10:00:00Z");

describe("date de naissance", () => {
  it("refuse une date future", () => {
    const r = checkBirthDate(new Date("2027-01-01"), now, 16);
    expect(r).toEqual({ ok: false, message: "La date de naissance ne peut pas être dans le futur." });
  });
  it("refuse une personne de moins de l'âge minimal, accepte le jour anniversaire", () => {
    expect(checkBirthDate(new Date("2010-11-24"), now, 16).ok).toBe(false);
    expect(checkBirthDate(new Date("2010-11-23"), now, 16).ok).toBe(true);
  });
  it("l'âge minimal vient du jeu de règles passé en paramètre", () => {
    expect(checkBirthDate(new Date("2009-01-01"), now, 18).ok).toBe(false);
    expect(checkBirthDate(new Date("2009-01-01"), now, 16).ok).toBe(true);
  });
  it("jeune : strictement moins que la limite", () => {
    expect(isYoung(new Date("2000-11-24"), now, 26)).toBe(true);
    expect(isYoung(new Date("2000-11-23"), now, 26)).toBe(false);
    expect(isYoung(null, now, 26)).toBe(false);
  });
});

describe("formats", () => {
  it("normalise les téléphones français", () => {
    expect(normalizePhone("0612345678")).toBe("06 12 34 56 78");
    expect(normalizePhone("+33 6 12 34 56 78")).toBe("06 12 34 56 78");
    expect(normalizePhone("06.12.34.56.78")).toBe("06 12 34 56 78");
    expect(normalizePhone("061234567")).toBeNull();
    expect(normalizePhone("0012345678")).toBeNull();
  });

  const base = {
    lastName: "Durand", firstName: "Léa", birthDate: "1990-05-04", origin: "SPONTANE", informedAt: "2026-11-20", informedChannel: "EN_PERSONNE",
  };
  it("accepte une fiche minimale et normalise identifiant, e-mail et téléphone", () => {
    const r = createJobSeekerSchema.parse({ ...base, franceTravailId: " 1234567a ", email: " Lea.Durand@Exemple.FR ", phone: "0612345678", transportModes: "VOITURE,VELO" });
    expect(r.franceTravailId).toBe("1234567A");
    expect(r.email).toBe("lea.durand@exemple.fr");
    expect(r.phone).toBe("06 12 34 56 78");
    expect(r.transportModes).toEqual(["VOITURE", "VELO"]);
  });
  it("refuse identifiant France Travail, e-mail et téléphone mal formés avec des messages par champ", () => {
    const r = createJobSeekerSchema.safeParse({ ...base, franceTravailId: "12345A", email: "pas-un-mail", phone: "12" });
    expect(r.success).toBe(false);
    const paths = r.error!.issues.map((i) => i.path.join("."));
    expect(paths).toEqual(expect.arrayContaining(["franceTravailId", "email", "phone"]));
    expect(r.error!.issues.find((i) => i.path[0] === "franceTravailId")!.message).toMatch(/7 chiffres/);
  });
  it("exige la date et le canal d'information de la personne", () => {
    const r = createJobSeekerSchema.safeParse({ ...base, informedAt: "", informedChannel: "" });
    expect(r.success).toBe(false);
    expect(r.error!.issues.map((i) => i.path[0])).toEqual(expect.arrayContaining(["informedAt", "informedChannel"]));
  });
});

describe("détection des doublons", () => {
  const existing = { lastName: "Lefèvre-Dupont", firstName: "Élodie", birthDate: new Date("1990-05-04"), email: "elodie@exemple.fr", franceTravailId: "1234567A" };
  it("même identifiant France Travail", () => {
    expect(duplicateReasons({ franceTravailId: "1234567a" }, existing)).toEqual(["FRANCE_TRAVAIL_ID"]);
  });
  it("même e-mail, sans tenir compte de la casse", () => {
    expect(duplicateReasons({ email: "ELODIE@exemple.fr" }, existing)).toEqual(["EMAIL"]);
  });
  it("mêmes nom et prénom sans accents ni tirets et même date de naissance", () => {
    expect(duplicateReasons({ lastName: "LEFEVRE DUPONT", firstName: "elodie", birthDate: new Date("1990-05-04") }, existing)).toEqual(["NAME_BIRTH_DATE"]);
  });
  it("pas de doublon si la date de naissance diffère ou si rien ne coïncide", () => {
    expect(duplicateReasons({ lastName: "Lefevre-Dupont", firstName: "Elodie", birthDate: new Date("1990-05-05") }, existing)).toEqual([]);
    expect(duplicateReasons({ lastName: "Martin", firstName: "Paul", birthDate: new Date("1990-05-04"), email: "paul@x.fr" }, existing)).toEqual([]);
  });
  it("des champs vides ne font jamais un doublon", () => {
    expect(duplicateReasons({ lastName: "", firstName: "", birthDate: null, email: null }, { lastName: "", firstName: "", birthDate: null, email: null })).toEqual([]);
  });
  it("normalise les noms", () => {
    expect(normalizeName("  Ça-Été  Noël ")).toBe("ca ete noel");
  });
});

describe("fusion : champs complétés", () => {
  it("ne remplit que les champs vides de la fiche conservée, jamais l'identité de la ligne ni les champs dérivés", () => {
    const keep = { id: "k", lastName: "Martin", email: null, phone: "", transportModes: [], lastContactAt: new Date("2026-01-01"), version: 3 };
    const dup = { id: "d", lastName: "MARTIN", email: "m@x.fr", phone: "06 00 00 00 00", transportModes: ["VELO"], lastContactAt: new Date("2026-06-01"), version: 1, rsa: null };
    expect(mergeFields(keep, dup)).toEqual({ email: "m@x.fr", phone: "06 00 00 00 00", transportModes: ["VELO"] });
  });
});

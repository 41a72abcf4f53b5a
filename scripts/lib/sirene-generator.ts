// Writes SIRENE files in INSEE's official format (« StockEtablissement » and « StockUniteLegale »: UTF-8,
// comma-separated, INSEE's header) from deterministic fake data, for the tests and `npm run bench:sirene`.
// Month 2 of the same seed closes, removes, renames and adds establishments, as a real monthly file does.
import { createWriteStream } from "node:fs";
import { once } from "node:events";
import { withLuhnKey } from "@/lib/rules/siret.rules";

/** The columns of INSEE's « StockEtablissement » file, in its order. */
export const STOCK_ETABLISSEMENT_HEADER = [
  "siren", "nic", "siret", "statutDiffusionEtablissement", "dateCreationEtablissement", "trancheEffectifsEtablissement",
  "anneeEffectifsEtablissement", "activitePrincipaleRegistreMetiersEtablissement", "dateDernierTraitementEtablissement",
  "etablissementSiege", "nombrePeriodesEtablissement", "complementAdresseEtablissement", "numeroVoieEtablissement",
  "indiceRepetitionEtablissement", "dernierNumeroVoieEtablissement", "indiceRepetitionDernierNumeroVoieEtablissement",
  "typeVoieEtablissement", "libelleVoieEtablissement", "codePostalEtablissement", "libelleCommuneEtablissement",
  "libelleCommuneEtrangerEtablissement", "distributionSpecialeEtablissement", "codeCommuneEtablissement",
  "codeCedexEtablissement", "libelleCedexEtablissement", "codePaysEtrangerEtablissement", "libellePaysEtrangerEtablissement",
  "identifiantAdresseEtablissement", "coordonneeLambertAbscisseEtablissement", "coordonneeLambertOrdonneeEtablissement",
  "complementAdresse2Etablissement", "numeroVoie2Etablissement", "indiceRepetition2Etablissement", "typeVoie2Etablissement",
  "libelleVoie2Etablissement", "codePostal2Etablissement", "libelleCommune2Etablissement", "libelleCommuneEtranger2Etablissement",
  "distributionSpeciale2Etablissement", "codeCommune2Etablissement", "codeCedex2Etablissement", "libelleCedex2Etablissement",
  "codePaysEtranger2Etablissement", "libellePaysEtranger2Etablissement", "dateDebut", "etatAdministratifEtablissement",
  "enseigne1Etablissement", "enseigne2Etablissement", "enseigne3Etablissement", "denominationUsuelleEtablissement",
  "activitePrincipaleEtablissement", "nomenclatureActivitePrincipaleEtablissement", "caractereEmployeurEtablissement",
];

/** The columns of INSEE's « StockUniteLegale » file, in its order. */
export const STOCK_UNITE_LEGALE_HEADER = [
  "siren", "statutDiffusionUniteLegale", "unitePurgeeUniteLegale", "dateCreationUniteLegale", "sigleUniteLegale",
  "sexeUniteLegale", "prenom1UniteLegale", "prenom2UniteLegale", "prenom3UniteLegale", "prenom4UniteLegale",
  "prenomUsuelUniteLegale", "pseudonymeUniteLegale", "identifiantAssociationUniteLegale", "trancheEffectifsUniteLegale",
  "anneeEffectifsUniteLegale", "dateDernierTraitementUniteLegale", "nombrePeriodesUniteLegale", "categorieEntreprise",
  "anneeCategorieEntreprise", "dateDebut", "etatAdministratifUniteLegale", "nomUniteLegale", "nomUsageUniteLegale",
  "denominationUniteLegale", "denominationUsuelle1UniteLegale", "denominationUsuelle2UniteLegale",
  "denominationUsuelle3UniteLegale", "categorieJuridiqueUniteLegale", "activitePrincipaleUniteLegale",
  "nomenclatureActivitePrincipaleUniteLegale", "nicSiegeUniteLegale", "economieSocialeSolidaireUniteLegale",
  "societeMissionUniteLegale", "caractereEmployeurUniteLegale",
];

export interface GeneratorCommune {
  inseeCode: string;
  name: string;
  postalCode: string;
}

export interface SireneGeneratorOptions {
  lines: number;
  /** Communes inside the platforms' perimeters, and others. */
  inside: GeneratorCommune[];
  outside: GeneratorCommune[];
  /** 1 = this month; 2 = next month's file (closures, removals, renames, additions). */
  month?: 1 | 2;
  /** Share of lines outside the perimeter (default 0.1), not diffused (0.03), closed (0.1). */
  outsideShare?: number;
  restrictedShare?: number;
  closedShare?: number;
  nafCodes?: string[];
}

/** Deterministic 32-bit hash of an integer and a salt, in [0, 1). */
function unit(i: number, salt: number): number {
  let h = Math.imul(i ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(salt + 1, 0xc2b2ae35);
  h ^= h >>> 13;
  h = Math.imul(h, 0x27d4eb2f);
  h ^= h >>> 16;
  return (h >>> 0) / 4294967296;
}

const DEFAULT_NAF = ["25.62B", "43.21A", "47.11F", "56.10A", "49.41A", "86.10Z", "62.01Z", "10.71C", "45.20A", "88.10A", "52.29A", "81.21Z"];
const BANDS = ["NN", "00", "01", "02", "03", "11", "12", "21", "22", "31", "32", "41"];
const STREETS = ["RUE DES MINEURS", "AVENUE JEAN JAURES", "RUE DE LA GARE", "BOULEVARD DE PARIS", "RUE VICTOR HUGO", "ZONE INDUSTRIELLE"];
const WORDS = ["ATELIER", "BOULANGERIE", "TRANSPORTS", "GARAGE", "MENUISERIE", "CABINET", "SOLUTIONS", "SERVICES", "LOGISTIQUE", "RESTAURANT"];

export function sirenOf(i: number): string {
  return withLuhnKey(String(10_000_000 + i));
}
export function siretOf(i: number): string {
  return withLuhnKey(sirenOf(i) + "0001");
}

function csv(value: string): string {
  return /[",\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

export interface GeneratedLine {
  index: number;
  siret: string;
  commune: GeneratorCommune;
  inside: boolean;
  restricted: boolean;
  active: boolean;
  name: string;
}

/** The lines of a generated month, without writing them (the tests compare the import with them). */
export function* generatedLines(o: SireneGeneratorOptions): Generator<GeneratedLine & { fields: string[] }> {
  const month = o.month ?? 1;
  const naf = o.nafCodes ?? DEFAULT_NAF;
  const total = month === 2 ? Math.round(o.lines * 1.03) : o.lines;
  for (let i = 0; i < total; i++) {
    // Month 2: 1 % of last month's lines are gone from the file; 3 % are new (appended indexes).
    if (month === 2 && i < o.lines && unit(i, 7) < 0.01) continue;
    const inside = unit(i, 1) >= (o.outsideShare ?? 0.1);
    const list = inside ? o.inside : o.outside;
    const commune = list[Math.floor(unit(i, 2) * list.length)]!;
    const restricted = unit(i, 3) < (o.restrictedShare ?? 0.03);
    const active = !(unit(i, 4) < (o.closedShare ?? 0.1) || (month === 2 && unit(i, 8) < 0.02));
    const renamed = month === 2 && unit(i, 9) < 0.02;
    const name = `${WORDS[Math.floor(unit(i, 5) * WORDS.length)]} ${renamed ? "NOUVEAU " : ""}${i}`;
    const siren = sirenOf(i);
    const siret = siretOf(i);
    const band = BANDS[Math.floor(unit(i, 6) * BANDS.length)]!;
    const year = 1980 + Math.floor(unit(i, 10) * 45);
    const row: Record<string, string> = {
      siren,
      nic: siret.slice(9),
      siret,
      statutDiffusionEtablissement: restricted ? "P" : "O",
      dateCreationEtablissement: `${year}-0${1 + Math.floor(unit(i, 11) * 9)}-15`,
      trancheEffectifsEtablissement: band,
      anneeEffectifsEtablissement: band === "NN" ? "" : "2023",
      dateDernierTraitementEtablissement: month === 2 ? "2026-11-30T21:00:00" : "2026-10-31T21:00:00",
      etablissementSiege: "true",
      nombrePeriodesEtablissement: "1",
      numeroVoieEtablissement: String(1 + Math.floor(unit(i, 12) * 120)),
      typeVoieEtablissement: "",
      libelleVoieEtablissement: STREETS[Math.floor(unit(i, 13) * STREETS.length)]!,
      codePostalEtablissement: commune.postalCode,
      libelleCommuneEtablissement: commune.name.toUpperCase(),
      codeCommuneEtablissement: commune.inseeCode,
      dateDebut: "2020-01-01",
      etatAdministratifEtablissement: active ? "A" : "F",
      enseigne1Etablissement: unit(i, 14) < 0.5 ? name : "",
      denominationUsuelleEtablissement: "",
      activitePrincipaleEtablissement: naf[Math.floor(unit(i, 15) * naf.length)]!,
      nomenclatureActivitePrincipaleEtablissement: "NAFRev2",
      caractereEmployeurEtablissement: band === "00" || band === "NN" ? "N" : "O",
    };
    yield { index: i, siret, commune, inside, restricted, active, name, fields: STOCK_ETABLISSEMENT_HEADER.map((h) => row[h] ?? "") };
  }
}

async function writeLines(file: string, header: string[], rows: Iterable<string[]>): Promise<void> {
  const out = createWriteStream(file, { encoding: "utf8" });
  const write = async (s: string) => {
    if (!out.write(s)) await once(out, "drain");
  };
  await write(header.join(",") + "\n");
  let chunk = "";
  for (const r of rows) {
    chunk += r.map(csv).join(",") + "\n";
    if (chunk.length > 1 << 16) {
      await write(chunk);
      chunk = "";
    }
  }
  await write(chunk);
  out.end();
  await once(out, "finish");
}

export async function writeStockEtablissement(file: string, o: SireneGeneratorOptions): Promise<void> {
  await writeLines(file, STOCK_ETABLISSEMENT_HEADER, (function* () {
    for (const l of generatedLines(o)) yield l.fields;
  })());
}

/** Legal units of the generated establishments: every tenth one is an individual entrepreneur, half of those not diffused. */
export async function writeStockUniteLegale(file: string, o: SireneGeneratorOptions): Promise<void> {
  await writeLines(file, STOCK_UNITE_LEGALE_HEADER, (function* () {
    for (const l of generatedLines(o)) {
      const individual = l.index % 10 === 0;
      const row: Record<string, string> = {
        siren: l.siret.slice(0, 9),
        statutDiffusionUniteLegale: individual && l.index % 20 === 0 ? "P" : "O",
        unitePurgeeUniteLegale: "",
        etatAdministratifUniteLegale: l.active ? "A" : "C",
        nomUniteLegale: individual ? `DUPONT${l.index}` : "",
        prenomUsuelUniteLegale: individual ? "CLAIRE" : "",
        denominationUniteLegale: individual ? "" : `SOCIETE ${l.index} SAS`,
        categorieJuridiqueUniteLegale: individual ? "1000" : "5710",
      };
      yield STOCK_UNITE_LEGALE_HEADER.map((h) => row[h] ?? "");
    }
  })());
}

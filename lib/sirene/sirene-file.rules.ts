// INSEE SIRENE files (pure): the columns we read from « StockEtablissement » and « StockUniteLegale »
// (INSEE, « Description des fichiers de stock », base Sirene des entreprises et de leurs établissements),
// the checks of one line and what we keep of it. The files are UTF-8 CSV, comma-separated, with a header
// of INSEE's column names; a regional extract from an open-data portal has the same columns.
import { isValidSiret } from "@/lib/rules/siret.rules";

/** Columns the loader needs in « StockEtablissement » (the file has ~50; the others are ignored). */
export const ESTABLISHMENT_COLUMNS = [
  "siren",
  "nic",
  "siret",
  "statutDiffusionEtablissement",
  "dateCreationEtablissement",
  "trancheEffectifsEtablissement",
  "etablissementSiege",
  "complementAdresseEtablissement",
  "numeroVoieEtablissement",
  "indiceRepetitionEtablissement",
  "typeVoieEtablissement",
  "libelleVoieEtablissement",
  "codePostalEtablissement",
  "libelleCommuneEtablissement",
  "codeCommuneEtablissement",
  "etatAdministratifEtablissement",
  "enseigne1Etablissement",
  "denominationUsuelleEtablissement",
  "activitePrincipaleEtablissement",
  "caractereEmployeurEtablissement",
] as const;
export type EstablishmentColumn = (typeof ESTABLISHMENT_COLUMNS)[number];

/** Columns the loader needs in « StockUniteLegale ». */
export const LEGAL_UNIT_COLUMNS = [
  "siren",
  "statutDiffusionUniteLegale",
  "denominationUniteLegale",
  "nomUniteLegale",
  "nomUsageUniteLegale",
  "prenomUsuelUniteLegale",
  "categorieJuridiqueUniteLegale",
] as const;
export type LegalUnitColumn = (typeof LEGAL_UNIT_COLUMNS)[number];

export type HeaderIndex<C extends string> = Record<C, number>;

/** Maps each needed column to its position, or names the missing ones (French message). */
export function indexHeader<C extends string>(header: string[], needed: readonly C[], fileLabel: string): { ok: true; index: HeaderIndex<C>; width: number } | { ok: false; message: string } {
  const clean = header.map((h, i) => (i === 0 ? h.replace(/^\uFEFF/, "") : h).trim());
  const missing = needed.filter((c) => !clean.includes(c));
  if (missing.length > 0) {
    return {
      ok: false,
      message: `En-tête du fichier ${fileLabel} non reconnu : colonne${missing.length > 1 ? "s" : ""} manquante${missing.length > 1 ? "s" : ""} ${missing.join(", ")}. Le fichier doit être au format officiel de l'INSEE (CSV UTF-8, séparateur virgule, noms de colonnes de l'INSEE sur la première ligne).`,
    };
  }
  const index = {} as HeaderIndex<C>;
  for (const c of needed) index[c] = clean.indexOf(c);
  return { ok: true, index, width: clean.length };
}

export interface EstablishmentRow {
  siret: string;
  siren: string;
  name: string;
  nafCode: string | null;
  headcountCode: string | null;
  employer: boolean | null;
  headOffice: boolean;
  createdOn: string | null;
  active: boolean;
  addressLine: string | null;
  postalCode: string | null;
  city: string | null;
  inseeCode: string;
}

export type LineVerdict =
  | { kind: "keep"; row: EstablishmentRow }
  | { kind: "outside" }
  | { kind: "restricted" }
  | { kind: "reject"; siret: string; message: string };

const blank = (s: string | undefined) => {
  const t = (s ?? "").trim();
  return t === "" || t === "[ND]" ? null : t;
};

/** INSEE codes its NAF rév. 2 activity as « 56.10A »; the app stores « 5610A ». */
export function nafFromInsee(code: string | null): string | null {
  if (!code) return null;
  const c = code.replace(".", "").toUpperCase();
  return /^\d{4}[A-Z]$/.test(c) ? c : null;
}

/** The address as one line: « 12 B RUE DES MINEURS, BATIMENT C ». */
function addressOf(f: (c: EstablishmentColumn) => string | null): string | null {
  const street = [f("numeroVoieEtablissement"), f("indiceRepetitionEtablissement"), f("typeVoieEtablissement"), f("libelleVoieEtablissement")].filter(Boolean).join(" ");
  const parts = [street, f("complementAdresseEtablissement")].filter((p): p is string => !!p && p.length > 0);
  return parts.length ? parts.join(", ") : null;
}

/**
 * One data line of « StockEtablissement »: kept when its commune is in `perimeter` and INSEE diffuses it
 * (statutDiffusionEtablissement = « O »; « P » — partial, since 2023 — and the former « N » are not shown,
 * as the register's rules on restricted diffusion require).
 */
export function readEstablishmentLine(fields: string[], index: HeaderIndex<EstablishmentColumn>, width: number, perimeter: ReadonlySet<string>): LineVerdict {
  const f = (c: EstablishmentColumn) => blank(fields[index[c]]);
  const siret = (fields[index.siret] ?? "").trim();
  if (fields.length !== width) {
    return { kind: "reject", siret, message: `ligne incomplète : ${fields.length} colonne(s) au lieu de ${width} (fichier tronqué ?)` };
  }
  const commune = f("codeCommuneEtablissement");
  if (!commune || !perimeter.has(commune)) return { kind: "outside" };
  if (!/^\d{14}$/.test(siret)) return { kind: "reject", siret, message: "SIRET absent ou pas sur 14 chiffres" };
  const siren = f("siren") ?? "";
  const nic = f("nic") ?? "";
  if (siren + nic !== siret) return { kind: "reject", siret, message: "le SIRET ne correspond pas au SIREN suivi du NIC" };
  if (!isValidSiret(siret)) return { kind: "reject", siret, message: "SIRET invalide (clé de contrôle)" };
  if (f("statutDiffusionEtablissement") !== "O") return { kind: "restricted" };
  const created = f("dateCreationEtablissement");
  const tranche = f("trancheEffectifsEtablissement");
  const employer = f("caractereEmployeurEtablissement");
  return {
    kind: "keep",
    row: {
      siret,
      siren,
      name: f("enseigne1Etablissement") ?? f("denominationUsuelleEtablissement") ?? "",
      nafCode: nafFromInsee(f("activitePrincipaleEtablissement")),
      headcountCode: tranche && /^(\d\d|NN)$/.test(tranche) ? tranche : null,
      employer: employer === "O" ? true : employer === "N" ? false : null,
      headOffice: f("etablissementSiege") === "true",
      createdOn: created && /^\d{4}-\d{2}-\d{2}$/.test(created) ? created : null,
      active: f("etatAdministratifEtablissement") === "A",
      addressLine: addressOf(f),
      postalCode: f("codePostalEtablissement")?.slice(0, 5) ?? null,
      city: f("libelleCommuneEtablissement"),
      inseeCode: commune,
    },
  };
}

export interface LegalUnitName {
  siren: string;
  /** Null when INSEE does not diffuse the unit's identity. */
  legalName: string | null;
  individualEntrepreneur: boolean;
}

/**
 * The legal unit's name. For an individual entrepreneur (legal category 1000) the name is a person's:
 * shown only when INSEE diffuses it (« O »), never used anywhere but the register views.
 */
export function readLegalUnitLine(fields: string[], index: HeaderIndex<LegalUnitColumn>): LegalUnitName {
  const f = (c: LegalUnitColumn) => blank(fields[index[c]]);
  const individual = f("categorieJuridiqueUniteLegale") === "1000";
  const diffused = f("statutDiffusionUniteLegale") === "O";
  let legalName: string | null = null;
  if (diffused) {
    legalName = individual
      ? [f("prenomUsuelUniteLegale"), f("nomUsageUniteLegale") ?? f("nomUniteLegale")].filter(Boolean).join(" ") || null
      : f("denominationUniteLegale");
  }
  return { siren: (fields[index.siren] ?? "").trim(), legalName, individualEntrepreneur: individual };
}

/** INSEE's headcount bands (trancheEffectifs), in employees. */
export const HEADCOUNT_LABELS: Record<string, string> = {
  NN: "effectif inconnu",
  "00": "0 salarié",
  "01": "1 à 2 salariés",
  "02": "3 à 5 salariés",
  "03": "6 à 9 salariés",
  "11": "10 à 19 salariés",
  "12": "20 à 49 salariés",
  "21": "50 à 99 salariés",
  "22": "100 à 199 salariés",
  "31": "200 à 249 salariés",
  "32": "250 à 499 salariés",
  "41": "500 à 999 salariés",
  "42": "1 000 à 1 999 salariés",
  "51": "2 000 à 4 999 salariés",
  "52": "5 000 à 9 999 salariés",
  "53": "10 000 salariés et plus",
};

/** « Effectif minimum » filter of the prospecting list: an INSEE band code and what it means as a floor. */
export const MIN_HEADCOUNT_OPTIONS = [
  { code: "01", label: "1 salarié et plus" },
  { code: "03", label: "6 salariés et plus" },
  { code: "11", label: "10 salariés et plus" },
  { code: "12", label: "20 salariés et plus" },
  { code: "21", label: "50 salariés et plus" },
  { code: "22", label: "100 salariés et plus" },
  { code: "32", label: "250 salariés et plus" },
  { code: "41", label: "500 salariés et plus" },
] as const;

export function headcountLabel(code: string | null): string {
  return (code && HEADCOUNT_LABELS[code]) ?? "effectif inconnu";
}

/** Lower bound of an INSEE band (employees), null when unknown. */
export function headcountLowerBound(code: string | null): number | null {
  const bounds: Record<string, number> = { "00": 0, "01": 1, "02": 3, "03": 6, "11": 10, "12": 20, "21": 50, "22": 100, "31": 200, "32": 250, "41": 500, "42": 1000, "51": 2000, "52": 5000, "53": 10000 };
  return code && code in bounds ? bounds[code]! : null;
}

/** The app's company headcount band for an INSEE band (company form autofill). */
export function companyBandOf(code: string | null): "H0" | "H1_9" | "H10_49" | "H50_249" | "H250_999" | "H1000_PLUS" | null {
  const n = headcountLowerBound(code);
  if (n === null) return null;
  if (n === 0) return "H0";
  if (n < 10) return "H1_9";
  if (n < 50) return "H10_49";
  if (n < 250) return "H50_249";
  if (n < 1000) return "H250_999";
  return "H1000_PLUS";
}

// Import of job seekers from a table: the importable fields (a subset of the annex-1 record),
// reading of French cell values (dates JJ/MM/AAAA, oui/non, labels), row validation with line
// numbers against the same zod schema as the form, duplicates inside the file and against existing
// records (same rule as on creation). Pure: no Prisma, no Next, no clock (callers pass `now`).
import { importedLastContact } from "@/lib/job-seekers/last-contact.rules";
import { cell, type ColumnMapping, type ImportField, type RowError } from "@/lib/imports/import.rules";
import { checkBirthDate, duplicateReasons, normalizeFranceTravailId, normalizeName, type DuplicateReason, type IdentityKeys } from "@/lib/job-seekers/job-seeker.rules";
import { INFORMATION_CHANNELS, jobSeekerInputSchema, LABELS, ORIGINS, type JobSeekerInput } from "@/lib/job-seekers/job-seeker.schema";
import { normalizeSearch } from "@/lib/search/normalize";
import { isInFuture } from "@/lib/fields.schema";

export const JOB_SEEKER_IMPORT_FIELDS: ImportField[] = [
  { key: "civility", label: "Civilité", aliases: ["civilite", "titre", "genre"] },
  { key: "lastName", label: "Nom", required: true, aliases: ["nom", "nom de famille", "nom de naissance", "nom d'usage"] },
  { key: "firstName", label: "Prénom", required: true, aliases: ["prenom", "prenoms"] },
  { key: "birthDate", label: "Date de naissance", required: true, aliases: ["date de naissance", "naissance", "ne le", "ne e le", "ddn", "date naissance"] },
  { key: "email", label: "E-mail", aliases: ["email", "e-mail", "mail", "courriel", "adresse mail", "adresse e-mail"] },
  { key: "phone", label: "Téléphone", aliases: ["telephone", "tel", "portable", "mobile", "numero de telephone"] },
  { key: "franceTravailId", label: "Identifiant France Travail", aliases: ["identifiant france travail", "id france travail", "n france travail", "numero france travail", "identifiant pole emploi", "id pole emploi", "identifiant ft"] },
  { key: "addressLine", label: "Adresse", aliases: ["adresse", "adresse postale", "rue"] },
  { key: "postalCode", label: "Code postal", aliases: ["code postal", "cp"] },
  { key: "city", label: "Ville", aliases: ["ville", "commune", "localite"] },
  { key: "communeCode", label: "Code commune INSEE", aliases: ["code commune", "code insee", "insee", "commune insee"] },
  { key: "desiredJobLabel", label: "Métier recherché", aliases: ["metier recherche", "emploi recherche", "poste recherche", "metier"] },
  { key: "desiredRomeCodes", label: "Codes ROME recherchés", aliases: ["code rome", "codes rome", "rome"] },
  { key: "rsa", label: "Bénéficiaire du RSA", aliases: ["rsa", "beneficiaire rsa", "beneficiaire du rsa"] },
  { key: "rqth", label: "RQTH", aliases: ["rqth"] },
  { key: "csp", label: "CSP", aliases: ["csp"] },
  { key: "indemnise", label: "Indemnisé·e", aliases: ["indemnise", "indemnise e", "indemnisation"] },
  { key: "origin", label: "Arrivée par", aliases: ["origine", "arrivee par", "arrive par", "canal d'arrivee", "provenance"] },
  { key: "informedAt", label: "Date d'information du traitement", aliases: ["date d'information", "informe le", "informe e le", "date information rgpd", "information rgpd"] },
  { key: "informedChannel", label: "Canal d'information du traitement", aliases: ["canal d'information", "informe par", "canal information rgpd"] },
  // Issue 22: the last contact comes from the file (retention counts from it), never the import date.
  { key: "lastContactAt", label: "Date du dernier contact", aliases: ["dernier contact", "date du dernier contact", "date dernier contact", "derniere relance"] },
];

/** Batch-level values chosen in the form, used for rows whose column is absent or empty. */
export interface JobSeekerImportDefaults {
  origin?: (typeof ORIGINS)[number];
  informedAt?: string;
  informedChannel?: (typeof INFORMATION_CHANNELS)[number];
}

/** The fields that may come from a batch-level value instead of a column. */
const DEFAULTABLE = ["origin", "informedAt", "informedChannel"] as const;

/** Required fields neither mapped to a column nor given a batch-level value (labels, for the message). */
export function missingJobSeekerFields(mapping: ColumnMapping, defaults: JobSeekerImportDefaults): string[] {
  const missing = JOB_SEEKER_IMPORT_FIELDS.filter((f) => f.required && mapping[f.key] === undefined).map((f) => f.label);
  for (const key of DEFAULTABLE) {
    if (mapping[key] === undefined && !defaults[key]) missing.push(`${JOB_SEEKER_IMPORT_FIELDS.find((f) => f.key === key)!.label} (colonne ou valeur pour tout le fichier)`);
  }
  return missing;
}

const k = (s: string) => normalizeSearch(s).replace(/[·.'’_-]/g, " ").replace(/\s+/g, " ").trim();

/** "15/03/1990", "15-03-1990", "15.03.90"? No: only 4-digit years; ISO dates pass unchanged. */
export function frenchDate(raw: string | undefined): string | undefined {
  if (!raw) return undefined;
  const m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(raw.trim());
  if (m) return `${m[3]}-${m[2]!.padStart(2, "0")}-${m[1]!.padStart(2, "0")}`;
  const iso = /^(\d{4}-\d{2}-\d{2})(T.*)?$/.exec(raw.trim());
  return iso ? iso[1] : raw.trim();
}

/** oui / non, o / n, x, 1 / 0, vrai / faux; anything else is kept and refused by the schema. */
export function frenchBool(raw: string | undefined): string | undefined {
  if (!raw) return undefined;
  const v = k(raw);
  if (["oui", "o", "x", "1", "vrai", "true", "yes"].includes(v)) return "true";
  if (["non", "n", "0", "faux", "false", "no"].includes(v)) return "false";
  return raw;
}

function fromLabels<T extends string>(raw: string | undefined, labels: Record<T, string>, extra: Record<string, T> = {}): string | undefined {
  if (!raw) return undefined;
  const v = k(raw);
  for (const [code, label] of Object.entries(labels) as [T, string][]) {
    if (v === k(code) || v === k(label)) return code;
  }
  return extra[v] ?? raw;
}

const CIVILITY_EXTRA: Record<string, "MADAME" | "MONSIEUR"> = { mme: "MADAME", mlle: "MADAME", madame: "MADAME", f: "MADAME", m: "MONSIEUR", mr: "MONSIEUR", monsieur: "MONSIEUR", h: "MONSIEUR" };
const ORIGIN_EXTRA: Record<string, (typeof ORIGINS)[number]> = { "numero vert": "NUMERO_VERT", "circuit court": "CIRCUIT_COURT", offre: "OFFRE", partenaire: "PARTENAIRE", spontane: "SPONTANE", "spontanee": "SPONTANE", autre: "AUTRE" };
const CHANNEL_EXTRA: Record<string, (typeof INFORMATION_CHANNELS)[number]> = { "en personne": "EN_PERSONNE", "face a face": "EN_PERSONNE", "physique": "EN_PERSONNE", tel: "TELEPHONE", telephone: "TELEPHONE", mail: "EMAIL", "e mail": "EMAIL", email: "EMAIL", courriel: "EMAIL", courrier: "COURRIER", lettre: "COURRIER" };

/** The form values of one row, before validation (only the fields the row fills). */
export function rowValues(row: string[], mapping: ColumnMapping, defaults: JobSeekerImportDefaults): Record<string, string | undefined> {
  const c = (f: string) => cell(row, mapping, f);
  return {
    civility: fromLabels(c("civility"), LABELS.civility, CIVILITY_EXTRA),
    lastName: c("lastName"),
    firstName: c("firstName"),
    birthDate: frenchDate(c("birthDate")),
    email: c("email"),
    phone: c("phone"),
    franceTravailId: c("franceTravailId"),
    addressLine: c("addressLine"),
    postalCode: c("postalCode"),
    city: c("city"),
    communeCode: c("communeCode"),
    desiredJobLabel: c("desiredJobLabel"),
    desiredRomeCodes: c("desiredRomeCodes")?.replace(/[;\s]+/g, ","),
    rsa: frenchBool(c("rsa")),
    rqth: frenchBool(c("rqth")),
    csp: frenchBool(c("csp")),
    indemnise: frenchBool(c("indemnise")),
    origin: fromLabels(c("origin"), LABELS.origin, ORIGIN_EXTRA) ?? defaults.origin,
    informedAt: frenchDate(c("informedAt")) ?? defaults.informedAt,
    informedChannel: fromLabels(c("informedChannel"), LABELS.channel, CHANNEL_EXTRA) ?? defaults.informedChannel,
  };
}

export interface ValidJobSeekerRow {
  line: number;
  input: JobSeekerInput;
  /** Input fields the row actually fills: an update only writes these. */
  filled: (keyof JobSeekerInput)[];
  /** The file's last-contact date, when it has one (a new record's lastContactAt comes from it). */
  lastContactAt: Date | null;
}

const LABEL_OF = new Map(JOB_SEEKER_IMPORT_FIELDS.map((f) => [f.key, f.label]));
export const fieldLabel = (key: string) => LABEL_OF.get(key) ?? key;

/** Identity keys of a row, for duplicates inside the file. */
function identityKeys(i: IdentityKeys): string[] {
  const out: string[] = [];
  if (i.franceTravailId) out.push(`ft:${normalizeFranceTravailId(i.franceTravailId)}`);
  if (i.email) out.push(`mail:${i.email.trim().toLowerCase()}`);
  if (i.birthDate && normalizeName(i.lastName)) out.push(`nom:${normalizeName(i.lastName)}|${normalizeName(i.firstName)}|${i.birthDate.toISOString().slice(0, 10)}`);
  return out;
}

/**
 * Validates every data row with the job-seeker schema, the minimum age of the active rule set and
 * the dates against `now`. `firstLine` is the file line of rows[0] (2 below a header line). The
 * same person twice in the file (same rule as the duplicate warning) is an error on the second line.
 */
export function validateJobSeekerRows(
  rows: string[][],
  mapping: ColumnMapping,
  opts: { defaults: JobSeekerImportDefaults; now: Date; minAge: number; firstLine?: number },
): { valid: ValidJobSeekerRow[]; errors: RowError[] } {
  const valid: ValidJobSeekerRow[] = [];
  const errors: RowError[] = [];
  const seen = new Map<string, number>();
  rows.forEach((row, i) => {
    const line = (opts.firstLine ?? 2) + i;
    if (row.every((c) => !c || !c.trim())) return;
    const values = rowValues(row, mapping, opts.defaults);
    const parsed = jobSeekerInputSchema.safeParse(values);
    const rowErrors: RowError[] = [];
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const field = String(issue.path[0] ?? "_");
        if (!rowErrors.some((e) => e.field === field)) rowErrors.push({ line, field, message: issue.message });
      }
    } else {
      // Issue 22 §6: optional; the minimum age applies when it is given.
      const birth = parsed.data.birthDate ? checkBirthDate(parsed.data.birthDate, opts.now, opts.minAge) : { ok: true as const };
      if (!birth.ok) rowErrors.push({ line, field: "birthDate", message: birth.message });
      if (isInFuture(parsed.data.informedAt, opts.now)) rowErrors.push({ line, field: "informedAt", message: "La date d'information ne peut pas être dans le futur." });
      const keys = identityKeys(parsed.data);
      const first = keys.map((key) => seen.get(key)).find((l) => l !== undefined);
      if (first !== undefined) rowErrors.push({ line, field: "lastName", message: `Même personne que la ligne ${first} du fichier.` });
      else if (rowErrors.length === 0) keys.forEach((key) => seen.set(key, line));
    }
    if (rowErrors.length) errors.push(...rowErrors);
    else {
      const rawLast = mapping.lastContactAt === undefined ? undefined : frenchDate(row[mapping.lastContactAt]?.trim() || undefined);
      valid.push({
        line, input: parsed.data!, filled: (Object.keys(values) as (keyof JobSeekerInput)[]).filter((f) => values[f] !== undefined && f !== ("lastContactAt" as keyof JobSeekerInput)),
        lastContactAt: importedLastContact(rawLast ? new Date(rawLast) : null, parsed.data!.informedAt, opts.now),
      });
    }
  });
  return { valid, errors };
}

export interface ExistingSeeker extends IdentityKeys {
  id: string;
}

/** The existing record each row probably duplicates (first match), with the reasons. */
export function matchExisting(valid: readonly ValidJobSeekerRow[], existing: readonly ExistingSeeker[]): Map<number, { id: string; reasons: DuplicateReason[] }> {
  const byKey = new Map<string, ExistingSeeker[]>();
  const add = (key: string, e: ExistingSeeker) => byKey.set(key, [...(byKey.get(key) ?? []), e]);
  for (const e of existing) {
    if (e.franceTravailId) add(`ft:${normalizeFranceTravailId(e.franceTravailId)}`, e);
    if (e.email) add(`mail:${e.email.trim().toLowerCase()}`, e);
    if (e.birthDate) add(`naissance:${e.birthDate.toISOString().slice(0, 10)}`, e);
  }
  const out = new Map<number, { id: string; reasons: DuplicateReason[] }>();
  for (const row of valid) {
    const i = row.input;
    const candidates = [
      ...(i.franceTravailId ? (byKey.get(`ft:${normalizeFranceTravailId(i.franceTravailId)}`) ?? []) : []),
      ...(i.email ? (byKey.get(`mail:${i.email.trim().toLowerCase()}`) ?? []) : []),
      ...(i.birthDate ? (byKey.get(`naissance:${i.birthDate.toISOString().slice(0, 10)}`) ?? []) : []),
    ];
    for (const c of candidates) {
      const reasons = duplicateReasons(i, c);
      if (reasons.length) {
        out.set(row.line, { id: c.id, reasons });
        break;
      }
    }
  }
  return out;
}

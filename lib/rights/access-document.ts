// Renders what lib/rights/subject-data.ts collected: a printable HTML document (right of access)
// and JSON / CSV (portability). Pure: no Prisma, no clock. Every column of the record is shown,
// with a French label when one is known and the column name otherwise (never dropped).
import { formatDateTime } from "@/lib/format";
import { csvDocument } from "@/lib/exports/csv";
import type { SubjectData } from "@/lib/rights/subject-data";

export const PERSON_FIELD_LABELS: Partial<Record<string, string>> = {
  id: "Identifiant interne",
  platformId: "Plateforme (identifiant)",
  platform: "Plateforme",
  civilite: "Civilité",
  lastName: "Nom",
  firstName: "Prénom",
  birthDate: "Date de naissance",
  addressLine: "Adresse",
  postalCode: "Code postal",
  city: "Commune",
  inseeCode: "Code commune INSEE",
  phone: "Téléphone",
  email: "Adresse e-mail",
  franceTravailId: "Identifiant France Travail",
  transportModes: "Moyens de transport",
  maxTravelMinutes: "Temps de trajet maximum accepté (minutes)",
  mobilityScope: "Périmètre de mobilité",
  mobilityCodes: "Territoires du périmètre de mobilité",
  supportNeeds: "Besoins d'accompagnement spécifiques",
  supportNeedsOther: "Autres besoins d'accompagnement",
  lastClassAttended: "Dernière classe fréquentée",
  diplomasObtained: "Diplômes obtenus",
  diplomasInProgress: "Diplômes préparés",
  trainingType: "Type de formation",
  trainingStartDate: "Date de début de formation",
  employmentSituation: "Situation d'emploi à la demande",
  inActivity: "En activité",
  monthsWithoutEmployment: "Durée sans emploi (mois)",
  contractType: "Type de contrat",
  wantsChange: "Souhait de changement / mobilité",
  situationDuringFollowUp: "Situation lors du suivi",
  desiredRomeCodes: "Emplois recherchés (codes ROME)",
  desiredJobLabel: "Emploi recherché",
  experiences: "Expériences",
  skillLanguages: "Langues",
  skillCertifications: "Habilitations",
  skillProfessionalLicences: "Permis",
  skillIt: "Informatique",
  csp: "Contrat de sécurisation professionnelle",
  rsa: "RSA",
  rqth: "RQTH",
  indemnise: "Indemnisé·e",
  strengthsAndObstacles: "Atouts et freins pour les métiers visés",
  origin: "Arrivé·e par",
  referentId: "Référent·e Région (identifiant)",
  referent: "Référent·e Région",
  informedAt: "Information de la personne (date)",
  informedChannel: "Information de la personne (canal)",
  lifecycle: "État de la fiche",
  lastContactAt: "Dernier contact",
  archivedAt: "Archivée le",
  destroyedAt: "Détruite le",
  restrictedAt: "Traitement limité depuis le",
  version: "Version de la fiche",
  createdById: "Créée par (identifiant)",
  createdAt: "Créée le",
  updatedAt: "Modifiée le",
};

export function formatValue(v: unknown): string {
  if (v === null || v === undefined) return "";
  if (v instanceof Date) return v.toISOString();
  if (typeof v === "boolean") return v ? "oui" : "non";
  if (Array.isArray(v)) return v.map(formatValue).join(", ");
  if (typeof v === "object") return JSON.stringify(v);
  return String(v);
}

/**
 * A value as the person reads it in the HTML document: dates in French (a date without time —
 * stored at UTC midnight — as JJ/MM/AAAA, an instant with its time in Europe/Paris). CSV and JSON
 * keep ISO 8601 (formatValue) so that they stay machine-readable.
 */
export function readableValue(v: unknown): string {
  if (v instanceof Date) {
    const dateOnly = v.getUTCHours() === 0 && v.getUTCMinutes() === 0 && v.getUTCSeconds() === 0 && v.getUTCMilliseconds() === 0;
    return dateOnly ? new Intl.DateTimeFormat("fr-FR", { dateStyle: "short", timeZone: "UTC" }).format(v) : formatDateTime(v);
  }
  if (Array.isArray(v)) return v.map(readableValue).join(", ");
  return formatValue(v);
}

const escapeHtml = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

function table(rows: Record<string, unknown>[]): string {
  if (rows.length === 0) return "<p>Aucune donnée.</p>";
  const cols = [...new Set(rows.flatMap((r) => Object.keys(r)))];
  const head = cols.map((c) => `<th scope="col">${escapeHtml(c)}</th>`).join("");
  const body = rows.map((r) => `<tr>${cols.map((c) => `<td>${escapeHtml(readableValue(r[c]))}</td>`).join("")}</tr>`).join("\n");
  return `<table><thead><tr>${head}</tr></thead><tbody>${body}</tbody></table>`;
}

/** The right-of-access document: a standalone, printable HTML page. */
export function renderAccessHtml(data: SubjectData, meta: { controller: string; requestId: string }): string {
  const personRows = Object.entries(data.person)
    .map(([k, v]) => `<tr data-field="${escapeHtml(k)}"><th scope="row">${escapeHtml(PERSON_FIELD_LABELS[k] ?? k)}</th><td>${escapeHtml(readableValue(v)) || "<em>non renseigné</em>"}</td></tr>`)
    .join("\n");
  const sections = data.sections.map((s) => `<section><h2>${escapeHtml(s.title)} (${s.rows.length})</h2>${table(s.rows)}</section>`).join("\n");
  return `<!doctype html>
<html lang="fr"><head><meta charset="utf-8"><title>Données personnelles détenues — droit d'accès</title>
<style>
body{font-family:system-ui,sans-serif;margin:2rem;color:#111;line-height:1.4}
table{border-collapse:collapse;width:100%;margin:.5rem 0 1.5rem;font-size:.9rem}
th,td{border:1px solid #999;padding:.3rem .5rem;text-align:left;vertical-align:top}
th[scope=row]{width:35%;background:#f3f3f3}
@media print{body{margin:0} section{break-inside:avoid-page}}
</style></head>
<body><main>
<h1>Données personnelles détenues sur vous</h1>
<p>Responsable de traitement : ${escapeHtml(meta.controller)}. Document établi le ${escapeHtml(formatDateTime(data.generatedAt))} en réponse à la demande ${escapeHtml(meta.requestId)} (droit d'accès, RGPD art. 15).</p>
<section><h2>Fiche</h2><table><tbody>
${personRows}
</tbody></table></section>
${sections}
</main></body></html>`;
}

/** Portability (RGPD art. 20): the same data, structured and machine-readable. */
export function toPortableJson(data: SubjectData): string {
  return JSON.stringify(
    { generatedAt: data.generatedAt.toISOString(), person: data.person, ...Object.fromEntries(data.sections.map((s) => [s.title, s.rows])) },
    (_k, v: unknown) => (typeof v === "bigint" ? v.toString() : v),
    2,
  );
}

/** Portability as CSV (semicolon, the French spreadsheet default): one line per value, section;row;field;value. */
export function toPortableCsv(data: SubjectData): string {
  const lines: string[][] = [["section", "ligne", "champ", "valeur"]];
  for (const [k, v] of Object.entries(data.person)) lines.push(["Fiche", "1", k, formatValue(v)]);
  for (const s of data.sections) {
    s.rows.forEach((r, i) => {
      for (const [k, v] of Object.entries(r)) lines.push([s.title, String(i + 1), k, formatValue(v)]);
    });
  }
  return csvDocument(lines);
}

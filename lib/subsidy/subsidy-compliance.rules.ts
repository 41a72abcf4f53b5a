// Compliance around awarded subsidies (shared/DOMAIN.md §4): open data of conventions (décret
// 2017-779, SCDL "subventions" schema), de minimis ceiling per undertaking, and the deadlines the
// finance team follows. Pure: `now` and every figure come in as parameters.
import { csvDocument } from "@/lib/exports/csv";
import { addMonthsUtc, addYearsUtc, differenceInCalendarDaysUtc } from "@/lib/calendar-day";
import { formatCents } from "@/lib/format";
import { parisDate } from "@/lib/paris-day";
import type { Attributor } from "@/lib/rules/rule-set.schema";

// ───────────────────────── open data (SCDL subventions) ─────────────────────────

/**
 * The SCDL « subventions » version the files follow (schema.data.gouv.fr, scdl/subventions). Its
 * Table Schema is kept in lib/subsidy/scdl-subventions.schema.json (the tests validate against it).
 */
export const SCDL_VERSION = "2.1.1";

/** Every field of the schema, in its order (a CSV must have them all, empty when optional and unknown). */
export const SCDL_COLUMNS = [
  "nomAttribuant", "idAttribuant", "dateConvention", "referenceDecision", "nomBeneficiaire", "idBeneficiaire", "rnaBeneficiaire", "objet",
  "montant", "nature", "conditionsVersement", "datesPeriodeVersement", "idRAE", "notificationUE", "pourcentageSubvention", "dispositifAide",
] as const;

/** One row, with the schema's types: numbers are numbers, the boolean a boolean, optional fields null. */
export interface ScdlRecord {
  nomAttribuant: string;
  idAttribuant: string;
  dateConvention: string;
  referenceDecision: string | null;
  nomBeneficiaire: string;
  idBeneficiaire: string | null;
  rnaBeneficiaire: string | null;
  objet: string;
  montant: number;
  nature: "aide en numéraire";
  conditionsVersement: "unique" | "échelonné";
  datesPeriodeVersement: string;
  idRAE: string | null;
  notificationUE: boolean;
  pourcentageSubvention: number;
  dispositifAide: string | null;
}

export interface OpenDataFile {
  attributor: Attributor & { siret: string };
  signedAt: Date;
  deliberationNumber: string | null;
  beneficiaryName: string;
  beneficiarySiret: string | null;
  object: string;
  awardedCents: number;
  trancheDueDates: (Date | null)[];
}

const iso = (d: Date) => d.toISOString().slice(0, 10);

/**
 * One SCDL row. `montant` in euros (the schema's « nombre réel », a dot before the cents);
 * `pourcentageSubvention` is the share of the subsidy that goes to this beneficiary: each
 * convention has a single beneficiary (the carrying structure), so 1. A period is written
 * « début/fin » (ISO 8601, the schema's pattern).
 */
export function toScdlRecord(f: OpenDataFile): ScdlRecord {
  const dates = f.trancheDueDates.filter((d): d is Date => d !== null).sort((a, b) => a.getTime() - b.getTime());
  const first = dates[0] ?? f.signedAt;
  const last = dates.at(-1) ?? f.signedAt;
  return {
    nomAttribuant: f.attributor.name,
    idAttribuant: f.attributor.siret,
    dateConvention: iso(f.signedAt),
    referenceDecision: f.deliberationNumber,
    nomBeneficiaire: f.beneficiaryName,
    idBeneficiaire: f.beneficiarySiret,
    rnaBeneficiaire: null,
    objet: f.object.slice(0, 256),
    montant: f.awardedCents / 100,
    nature: "aide en numéraire",
    conditionsVersement: f.trancheDueDates.length > 1 ? "échelonné" : "unique",
    datesPeriodeVersement: iso(first) === iso(last) ? iso(first) : `${iso(first)}/${iso(last)}`,
    idRAE: null,
    // De minimis aid is exempt from prior notification to the European Commission.
    notificationUE: false,
    pourcentageSubvention: 1,
    dispositifAide: null,
  };
}

/** The JSON file: which schema and version the rows follow, then the rows with the schema's types. */
export function scdlJsonDocument(records: ScdlRecord[]): { schema: string; version: string; records: ScdlRecord[] } {
  return { schema: "scdl/subventions", version: SCDL_VERSION, records };
}

/** Only conventions strictly above the threshold are published. */
export function isPublishable(awardedCents: number | null, thresholdCents: number): boolean {
  return awardedCents !== null && awardedCents > thresholdCents;
}

/** A value as the schema reads it: booleans « oui » / « non », non-integer numbers with two decimals (dot). */
function scdlValue(v: string | number | boolean | null): string | number | null {
  if (typeof v === "boolean") return v ? "oui" : "non";
  if (typeof v === "number" && !Number.isInteger(v)) return v.toFixed(2);
  return v;
}

/** RFC 4180 CSV in UTF-8 with the schema's header (its field names, in order), comma separated, CRLF line ends; through the one CSV writer. */
export function toScdlCsv(records: ScdlRecord[]): string {
  return csvDocument([[...SCDL_COLUMNS], ...records.map((r) => SCDL_COLUMNS.map((c) => scdlValue(r[c])))], { separator: ",", bom: false });
}

// ───────────────────────── de minimis ─────────────────────────

export interface DeMinimisResult {
  windowStart: Date;
  previousCents: number;
  totalCents: number;
  ceilingCents: number;
  exceeded: boolean;
  message: string;
}

/**
 * Aid to one undertaking (SIRET of the carrying structure) over the rolling window, including the
 * award being decided. Only aid recorded in this system is counted, which the message says.
 */
export function deMinimisCheck(
  rule: { ceilingCents: number; years: number },
  previousAids: { amountCents: number; grantedAt: Date }[],
  proposedCents: number,
  now: Date,
): DeMinimisResult {
  const windowStart = addYearsUtc(now, -rule.years);
  const previousCents = previousAids.filter((a) => a.grantedAt > windowStart && a.grantedAt <= now).reduce((s, a) => s + a.amountCents, 0);
  const totalCents = previousCents + proposedCents;
  const exceeded = totalCents > rule.ceilingCents;
  const message = `Aides de minimis sur ${rule.years} ans (aides enregistrées dans le SI) : ${formatCents(previousCents)} déjà attribués + ${formatCents(proposedCents)} = ${formatCents(totalCents)} pour un plafond de ${formatCents(rule.ceilingCents)}${exceeded ? " : PLAFOND DÉPASSÉ" : ""}.`;
  return { windowStart, previousCents, totalCents, ceilingCents: rule.ceilingCents, exceeded, message };
}

// ───────────────────────── deadlines ─────────────────────────

export type DeadlineKind = "FINANCIAL_REPORT" | "TEAM_RECRUITMENT" | "TRANCHE" | "TERMINATION" | "FT_FINAL_BILAN";
export type DeadlineState = "DONE" | "LATE" | "SOON" | "UPCOMING";

export interface Deadline {
  kind: DeadlineKind;
  label: string;
  dueAt: Date;
  state: DeadlineState;
  /** Negative when late. */
  daysLeft: number;
  /** What happens when late (formal notice, withholding, lapse). */
  consequence: string | null;
}

export interface DeadlineFile {
  fiscalYearEnd: Date | null;
  financialReportReceivedAt: Date | null;
  formalNoticeAt?: Date | null;
  /**
   * Région convention cadre art. 11: the recruitment deadline of the convention cadre, given to ONE
   * file of the platform (recruitmentCarriers); null/absent on every other file and on France Travail files.
   */
  cadre?: { notificationDate: Date; teamRecruitedAt: Date | null } | null;
  tranches: { rank: number; label: string; dueAt: Date | null; status: string }[];
  /** A notified termination (FT art. 14, Région art. 11): its effective date is a deadline. */
  status?: string;
  terminationEffectiveAt?: Date | null;
  /** FT art. 5: the final bilan « un mois avant la tenue de la réunion » (months from the FT rule set). */
  ftFinalBilan?: { meetingAt: Date | null; reportAt: Date | null; monthsBefore: number } | null;
}

function state(dueAt: Date, done: boolean, now: Date, soonDays: number): { state: DeadlineState; daysLeft: number } {
  // Days from today in Paris (stored as a day is, midnight UTC) to the due day: not the server's day,
  // which is still yesterday between midnight in Paris and midnight UTC.
  const daysLeft = differenceInCalendarDaysUtc(dueAt, parisDate(now));
  if (done) return { state: "DONE", daysLeft };
  if (daysLeft < 0) return { state: "LATE", daysLeft };
  return { state: daysLeft <= soonDays ? "SOON" : "UPCOMING", daysLeft };
}

export interface CadreCandidate {
  id: string;
  platformId: string;
  funder: string;
  year: number;
  status: string;
  teamRecruitedAt: Date | null;
  platformNotificationDate: Date | null;
}

/**
 * Région convention cadre art. 11: the six-month recruitment deadline counts from the convention
 * cadre's notification (Platform.notificationDate), once per convention cadre — not from each annual
 * file, and never on a France Travail file. It is shown on the platform's earliest open Région file;
 * recruitment recorded on any Région file of the platform meets it.
 */
export function recruitmentCarriers(files: readonly CadreCandidate[]): Map<string, { notificationDate: Date; teamRecruitedAt: Date | null }> {
  const out = new Map<string, { notificationDate: Date; teamRecruitedAt: Date | null }>();
  const region = files.filter((f) => f.funder === "REGION" && f.platformNotificationDate);
  for (const platformId of new Set(region.map((f) => f.platformId))) {
    const mine = region.filter((f) => f.platformId === platformId);
    const open = mine.filter((f) => f.status !== "CLOSED").sort((a, b) => a.year - b.year);
    const carrier = open[0];
    if (!carrier) continue;
    const recruited = mine.map((f) => f.teamRecruitedAt).filter((d): d is Date => d !== null).sort((a, b) => a.getTime() - b.getTime())[0] ?? null;
    out.set(carrier.id, { notificationDate: carrier.platformNotificationDate!, teamRecruitedAt: recruited });
  }
  return out;
}

/** The deadlines of one file: financial report, team recruitment (cadre carrier only), unpaid tranches. */
export function fileDeadlines(
  f: DeadlineFile,
  rules: { financialReportMonthsAfterFiscalYearEnd: number; teamRecruitmentMonthsAfterNotification: number },
  now: Date,
  soonDays = 30,
): Deadline[] {
  const out: Deadline[] = [];
  if (f.fiscalYearEnd) {
    const dueAt = addMonthsUtc(f.fiscalYearEnd, rules.financialReportMonthsAfterFiscalYearEnd);
    out.push({
      kind: "FINANCIAL_REPORT", label: "Compte rendu financier", dueAt, ...state(dueAt, f.financialReportReceivedAt !== null, now, soonDays),
      consequence: f.formalNoticeAt
        ? `Mise en demeure envoyée le ${f.formalNoticeAt.toISOString().slice(0, 10).split("-").reverse().join("/")} : retenue possible si elle reste sans réponse`
        : "Mise en demeure, puis retenue sur la subvention si elle reste sans réponse",
    });
  }
  if (f.cadre) {
    // Région convention cadre art. 11: « recruter l'équipe de la plateforme dans un délai maximal de 6
    // mois suivant la date de notification de la présente convention, sous peine de caducité de l'acte ».
    const dueAt = addMonthsUtc(f.cadre.notificationDate, rules.teamRecruitmentMonthsAfterNotification);
    out.push({
      kind: "TEAM_RECRUITMENT", label: "Équipe recrutée (convention cadre)", dueAt, ...state(dueAt, f.cadre.teamRecruitedAt !== null, now, soonDays),
      consequence: "Caducité de la convention (décision des finances)",
    });
  }
  if (f.status === "TERMINATING" && f.terminationEffectiveAt) {
    out.push({
      kind: "TERMINATION", label: "Résiliation effective", dueAt: f.terminationEffectiveAt, ...state(f.terminationEffectiveAt, false, now, soonDays),
      consequence: "Versements suspendus ; restitution de la part non utilisée",
    });
  }
  if (f.ftFinalBilan?.meetingAt) {
    const dueAt = addMonthsUtc(f.ftFinalBilan.meetingAt, -f.ftFinalBilan.monthsBefore);
    out.push({
      kind: "FT_FINAL_BILAN", label: "Bilan final France Travail (avant la réunion de bilan)", dueAt, ...state(dueAt, f.ftFinalBilan.reportAt !== null, now, soonDays),
      consequence: "Solde versé dans les 30 jours suivant la réunion de bilan",
    });
  }
  for (const t of f.tranches) {
    if (!t.dueAt || t.status === "CANCELLED") continue;
    out.push({ kind: "TRANCHE", label: `Tranche ${t.rank} — ${t.label}`, dueAt: t.dueAt, ...state(t.dueAt, t.status === "PAID", now, soonDays), consequence: null });
  }
  return out;
}

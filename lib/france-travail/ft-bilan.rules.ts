// France Travail convention art. 5 (« Suivi, bilan et évaluation »): the intermediate bilan (at the
// latest 6 months after signature: steps done and ahead, « le résultat des indicateurs à date », the
// expenses engaged, « le cas échéant, une actualisation du budget prévisionnel global ») and the final
// bilan (sent « un mois avant la tenue de la réunion »: final budget, the porteur's indicators, the
// volume of beneficiaries, diagnostics / accompaniments with their mean duration, change in accepted
// distance, orientations, satisfaction). Project-wide figures over the period, not sums of months (a
// person seen in three months is one beneficiary). Pure: no Prisma, no Next, no clock.
import { addMonthsUtc } from "@/lib/calendar-day";
import { ftMonthlyIndicators, isMasked, type FtDiagnosticFact, type FtIndicatorKind, type FtIndicatorValue } from "@/lib/france-travail/ft-report.rules";
import { parisDate } from "@/lib/paris-day";
import type { FranceTravailRules } from "@/lib/rules/rule-set.schema";

export type FtBilanKind = "INTERMEDIATE" | "FINAL";
/** The documents whose small-count masking the rule set chooses (rule set field `masking`). */
export type FtReport = "monthly" | "intermediateBilan" | "finalBilan";

/**
 * Threshold under which counts are masked in `report`, or 0 when the rule set leaves that report
 * unmasked (isMasked(n, 0) is never true). Issue 22 §3: « the small-count masking is a rule-set
 * choice per report ».
 */
export function maskThresholdFor(rules: Pick<FranceTravailRules, "smallCountMaskThreshold" | "masking">, report: FtReport): number {
  return rules.masking[report] ? rules.smallCountMaskThreshold : 0;
}

export interface FtBilanIndicatorDefinition {
  key: string;
  label: string;
  unit: string;
  kind: FtIndicatorKind;
  definition: string;
}

/** The fixed list of art. 5's final bilan, in its order, over the bilan's period. */
export const FT_BILAN_INDICATORS: readonly FtBilanIndicatorDefinition[] = [
  { key: "beneficiaries", label: "Volume de bénéficiaires", unit: "personnes", kind: "count",
    definition: "Personnes distinctes ayant au moins un diagnostic mobilité du projet sur la période (une personne vue plusieurs mois compte une fois)." },
  { key: "diagnosticsProposed", label: "Diagnostics proposés", unit: "diagnostics", kind: "count",
    definition: "Diagnostics mobilité enregistrés pour le projet sur la période, réalisés ou non." },
  { key: "diagnostics", label: "Diagnostics réalisés", unit: "diagnostics", kind: "count",
    definition: "Diagnostics de la période marqués « diagnostic réalisé »." },
  { key: "accompaniments", label: "Accompagnements réalisés", unit: "accompagnements", kind: "count",
    definition: "Diagnostics de la période dont l'accompagnement est réalisé." },
  { key: "accompanimentMeanDays", label: "Durée moyenne des accompagnements réalisés", unit: "jours", kind: "mean",
    definition: "Moyenne, en jours (arrondie au dixième), de la durée des accompagnements réalisés dont la durée est connue." },
  { key: "distanceMeasured", label: "Distances domicile-travail mesurées avant et après", unit: "personnes", kind: "count",
    definition: "Diagnostics où la distance aller-retour acceptée est connue avant et après l'accompagnement." },
  { key: "distanceMeanChangeKm", label: "Évolution moyenne de la distance aller-retour acceptée", unit: "km", kind: "mean",
    definition: "Moyenne (arrondie au dixième) de la distance acceptée après moins avant, sur les diagnostics où les deux sont connues." },
  { key: "orientationsMaterialFinancial", label: "Orientations vers des solutions matérielles et/ou financières", unit: "orientations", kind: "count",
    definition: "Diagnostics ayant orienté la personne vers une solution matérielle ou financière." },
  { key: "solutionsRecommended", label: "Solutions préconisées", unit: "diagnostics", kind: "count",
    definition: "Diagnostics ayant abouti à une solution préconisée." },
  { key: "satisfactionResponses", label: "Réponses de satisfaction", unit: "réponses", kind: "count",
    definition: "Diagnostics où la satisfaction (1 à 5) relative au diagnostic ou à l'accompagnement a été recueillie." },
  { key: "satisfactionMean", label: "Satisfaction moyenne (sur 5)", unit: "note sur 5", kind: "mean",
    definition: "Moyenne (arrondie au dixième) des notes de satisfaction recueillies." },
];

/**
 * What art. 5 asks for and the data model does not hold: shown under the figures so nobody reads a
 * missing measure as a zero.
 */
export const FT_BILAN_NO_DATA: readonly string[] = [
  "Accompagnements proposés (art. 5 « diagnostics/accompagnements proposés ») : seul l'accompagnement réalisé est enregistré sur un diagnostic ; les diagnostics proposés sont donnés.",
  "Conformité des résultats au projet initial et impact au regard de l'intérêt général : évaluation qualitative faite en réunion de bilan, hors de l'application.",
];

/** Project-wide figures over the period's diagnostics, masked below `threshold` (0 = no masking). */
export function ftBilanIndicators(facts: readonly FtDiagnosticFact[], threshold: number): FtIndicatorValue[] {
  const base = new Map(ftMonthlyIndicators(facts, threshold).map((v) => [v.key, v]));
  const proposed = facts.length;
  base.set("diagnosticsProposed", { key: "diagnosticsProposed", value: proposed, base: proposed, masked: isMasked(proposed, threshold) });
  return FT_BILAN_INDICATORS.map((d) => base.get(d.key)!);
}

/** A cell of the bilan: the figure, or the masking mark (same wording as the monthly file). */
export function bilanDisplayValue(v: FtIndicatorValue, threshold: number): number | string | null {
  if (!v.masked) return v.value;
  const def = FT_BILAN_INDICATORS.find((d) => d.key === v.key);
  return def?.kind === "mean" ? `masquée (moins de ${threshold} personnes)` : `< ${threshold}`;
}

export interface Period {
  from: Date;
  to: Date;
}

const DAY = 86_400_000;

/**
 * The period a bilan covers. Intermediate: from the signature to the day the bilan was sent (« le
 * résultat des indicateurs à date »), or while it is not sent, to today — never beyond its due date
 * (signature + `intermediateBilanMonthsAfterSignature`) nor the convention's end. Final: the whole
 * convention, signature to its last day.
 */
export function ftBilanPeriod(
  kind: FtBilanKind,
  f: { signedAt: Date; endsAt: Date; intermediateReportAt: Date | null },
  rules: Pick<FranceTravailRules, "intermediateBilanMonthsAfterSignature">,
  now: Date,
): Period {
  if (kind === "FINAL") return { from: f.signedAt, to: f.endsAt };
  const due = new Date(addMonthsUtc(f.signedAt, rules.intermediateBilanMonthsAfterSignature).getTime() - DAY);
  // Today in Paris, as a day is stored (midnight UTC): the UTC day is still yesterday before 01:00/02:00.
  const today = parisDate(now);
  const asOf = f.intermediateReportAt ?? (today < due ? today : due);
  const to = asOf < f.endsAt ? asOf : f.endsAt;
  return { from: f.signedAt, to: to < f.signedAt ? f.signedAt : to };
}

export type BilanCheckState = "ON_TIME" | "LATE" | "AWAITED" | "OVERDUE" | "NO_MEETING";

export interface BilanCheck {
  /** Null for the final bilan while the meeting date is not fixed. */
  dueAt: Date | null;
  receivedAt: Date | null;
  state: BilanCheckState;
  message: string;
}

const fr = (d: Date) => d.toISOString().slice(0, 10).split("-").reverse().join("/");

function check(dueAt: Date, receivedAt: Date | null, now: Date, what: string): BilanCheck {
  if (receivedAt) {
    const late = receivedAt > dueAt;
    return { dueAt, receivedAt, state: late ? "LATE" : "ON_TIME", message: `${what} reçu le ${fr(receivedAt)}, ${late ? "après" : "avant"} l'échéance du ${fr(dueAt)}${late ? " : en retard" : ""}.` };
  }
  // Late from the day after the due day, on the Paris calendar: « au plus tard le » includes the day.
  return parisDate(now) > dueAt
    ? { dueAt, receivedAt, state: "OVERDUE", message: `${what} attendu au plus tard le ${fr(dueAt)} : non reçu, en retard.` }
    : { dueAt, receivedAt, state: "AWAITED", message: `${what} attendu au plus tard le ${fr(dueAt)}.` };
}

/** Art. 5: the intermediate bilan « au plus tard 6 mois après la signature de la convention ». */
export function intermediateBilanCheck(
  f: { signedAt: Date; intermediateReportAt: Date | null },
  rules: Pick<FranceTravailRules, "intermediateBilanMonthsAfterSignature">,
  now: Date,
): BilanCheck {
  return check(addMonthsUtc(f.signedAt, rules.intermediateBilanMonthsAfterSignature), f.intermediateReportAt, now, "Bilan intermédiaire");
}

/**
 * Art. 5: the final bilan is sent « un mois avant la tenue de la réunion » de bilan. Without a meeting
 * date (« fixée conjointement ») there is no due date yet.
 */
export function finalBilanCheck(
  f: { finalReviewMeetingAt: Date | null; finalReportAt: Date | null },
  rules: Pick<FranceTravailRules, "finalBilanMonthsBeforeMeeting">,
  now: Date,
): BilanCheck {
  if (!f.finalReviewMeetingAt) {
    return {
      dueAt: null, receivedAt: f.finalReportAt, state: "NO_MEETING",
      message: `Date de la réunion de bilan non fixée : le bilan final est dû ${rules.finalBilanMonthsBeforeMeeting} mois avant elle.`,
    };
  }
  return check(addMonthsUtc(f.finalReviewMeetingAt, -rules.finalBilanMonthsBeforeMeeting), f.finalReportAt, now, "Bilan final");
}

export interface BudgetUpdateLine {
  id: string;
  category: string;
  label: string;
  eligible: boolean;
  forecastCents: number;
  updatedForecastCents: number | null;
  actualCents: number | null;
}

export interface BudgetUpdateRow extends BudgetUpdateLine {
  /** The forecast in force: the update when there is one, else the initial forecast. */
  currentForecastCents: number;
  /** Actual − forecast in force; null while nothing is reported. */
  gapCents: number | null;
}

export interface BudgetTotals {
  forecastCents: number;
  currentForecastCents: number;
  actualCents: number;
}

/**
 * Art. 5: the intermediate bilan gives « un état des dépenses effectivement engagées et, le cas
 * échéant, une actualisation du budget prévisionnel global du projet »; the final one « le budget
 * final, selon la même structure que le budget prévisionnel ». Same lines, three columns.
 */
export function budgetUpdate(lines: readonly BudgetUpdateLine[]): { rows: BudgetUpdateRow[]; total: BudgetTotals; eligible: BudgetTotals } {
  const rows = lines.map((l) => {
    const currentForecastCents = l.updatedForecastCents ?? l.forecastCents;
    return { ...l, currentForecastCents, gapCents: l.actualCents === null ? null : l.actualCents - currentForecastCents };
  });
  const sum = (rs: BudgetUpdateRow[]): BudgetTotals => ({
    forecastCents: rs.reduce((s, r) => s + r.forecastCents, 0),
    currentForecastCents: rs.reduce((s, r) => s + r.currentForecastCents, 0),
    actualCents: rs.reduce((s, r) => s + (r.actualCents ?? 0), 0),
  });
  return { rows, total: sum(rows), eligible: sum(rows.filter((r) => r.eligible)) };
}

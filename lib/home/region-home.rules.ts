// What needs attention on the Région roles' homes (issue 17 §2). Pure: `now` and rules passed in.
import { addMonths, currentMonth, monthDate, type MonthKey } from "@/lib/indicators/period.rules";
import { parisDate } from "@/lib/paris-day";
import { fileDeadlines, type DeadlineState } from "@/lib/subsidy/subsidy-compliance.rules";

const DAY_MS = 86_400_000;

/**
 * Ended months (among the last `lookback`) whose closing is overdue: more than `reminderDays`
 * days after the month's end (OPERATIONS rule set), with how many days late.
 */
export function monthsPastCloseReminder(now: Date, reminderDays: number, lookback = 3): { month: MonthKey; daysLate: number }[] {
  const cur = currentMonth(now);
  const out: { month: MonthKey; daysLate: number }[] = [];
  for (let i = lookback; i >= 1; i--) {
    const month = addMonths(cur, -i);
    const due = monthDate(addMonths(month, 1)).getTime() + reminderDays * DAY_MS;
    // Counted from today in Paris (midnight UTC, like `due`), not from the instant: the reminder starts
    // at midnight in Paris, as the managers' notification does (monthToClose).
    const daysLate = Math.floor((parisDate(now).getTime() - due) / DAY_MS);
    if (daysLate >= 0) out.push({ month, daysLate });
  }
  return out;
}

/** « en retard de 3 jours », « reste 2 jours », « aujourd'hui ». */
export function daysText(days: number): string {
  if (days === 0) return "aujourd'hui";
  const n = Math.abs(days);
  return days < 0 ? `en retard de ${n} jour${n > 1 ? "s" : ""}` : `reste ${n} jour${n > 1 ? "s" : ""}`;
}

/** A Région file's dates the referent may read (`reportDeadline.read`): no amount. */
export interface ReportDueFile {
  platformId: string;
  year: number;
  fiscalYearEnd: Date | null;
  financialReportReceivedAt: Date | null;
}

/** One document owed to the Région, with where it stands at `now`. */
export interface DocumentDeadline {
  platformId: string;
  year: number;
  kind: "FINANCIAL_REPORT";
  dueAt: Date;
  receivedAt: Date | null;
  state: DeadlineState;
  /** Negative when late (calendar days). */
  daysLeft: number;
}

type ReportRules = { financialReportMonthsAfterFiscalYearEnd: number; teamRecruitmentMonthsAfterNotification: number };

/**
 * The documents a platform owes the Région with a deadline the conventions set. Région convention
 * cadre art. 7.3: « Au plus tard dans les six mois qui suivent la fin de chaque exercice … XXX
 * transmettra à la Région un compte rendu financier », with « une information qualitative décrivant,
 * notamment, les natures des actions entreprises et les résultats obtenus par rapport aux objectifs
 * initiaux ». The delay is the DEADLINES rule set's, through the same rule as the finance deadlines
 * (fileDeadlines). The yearly report of art. 7.2 has no deadline in the texts (« selon les modalités
 * précisées dans la convention financière annuelle »); the France Travail bilans go to France
 * Travail, not to the Région: neither is listed. Oldest due date first.
 */
export function documentDeadlines(files: readonly ReportDueFile[], rules: ReportRules, now: Date): DocumentDeadline[] {
  const out: DocumentDeadline[] = [];
  for (const f of files) {
    for (const d of fileDeadlines({ fiscalYearEnd: f.fiscalYearEnd, financialReportReceivedAt: f.financialReportReceivedAt, tranches: [], cadre: null }, rules, now)) {
      if (d.kind !== "FINANCIAL_REPORT") continue;
      out.push({ platformId: f.platformId, year: f.year, kind: d.kind, dueAt: d.dueAt, receivedAt: f.financialReportReceivedAt, state: d.state, daysLeft: d.daysLeft });
    }
  }
  return out.sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime() || a.platformId.localeCompare(b.platformId));
}

/** « Documents en retard » of the referent's home (issue 17): not received, past their due date; oldest first. */
export function lateDocuments(deadlines: readonly DocumentDeadline[]): DocumentDeadline[] {
  return deadlines.filter((d) => d.state === "LATE");
}

/** « Compte rendu financier 2025 » — the document's name in the lists. */
export function documentLabel(d: Pick<DocumentDeadline, "kind" | "year">): string {
  return `compte rendu financier ${d.year}`;
}

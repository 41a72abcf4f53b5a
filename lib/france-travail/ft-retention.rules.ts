// Destruction of the personal data of a France Travail project (issue 22). Pure.
//
// FT convention art. 11: « chaque partie s'engage à détruire les données personnelles et leurs copies
// dès qu'elles ne sont plus nécessaires à l'exécution et au suivi de la convention … En l'absence de
// contentieux, cette destruction intervient au plus tard dans les deux mois suivant l'échéance de la
// convention » (and annex 1, 2.12: « au terme de la durée fixée, détruire toutes les données »).
// Art. 2: « La convention est conclue à compter de sa signature pour une durée de 12 mois ».
//
// The end date is computed here from the signature and the rule set's `durationMonths`; another
// work stream (issue 15) stores the convention's end date — when it lands, pass that date instead.
import { addCalendarMonths, compareDays, parisDay, type CalendarDay } from "@/lib/retention/retention.rules";

/** A @db.Date column (UTC midnight) as the calendar day it names. */
function dateDay(d: Date): CalendarDay {
  return { y: d.getUTCFullYear(), m: d.getUTCMonth() + 1, d: d.getUTCDate() };
}

/** Art. 2: the convention's term (échéance), `durationMonths` after its signature. */
export function ftConventionEnd(signedAt: Date, durationMonths: number): CalendarDay {
  return addCalendarMonths(dateDay(signedAt), durationMonths);
}

/** Art. 11: the last day the project's personal data may still be held. */
export function ftDataDestroyBy(signedAt: Date, rules: { durationMonths: number; destroyMonthsAfterEnd: number }): CalendarDay {
  return addCalendarMonths(ftConventionEnd(signedAt, rules.durationMonths), rules.destroyMonthsAfterEnd);
}

/**
 * Whether the nightly run destroys the project's data now: from the last allowed day on (the run
 * of that day destroys them, so « au plus tard » holds), never for an unsigned file, never twice.
 */
export function ftDataDueForDestruction(
  f: { signedAt: Date | null; ftDataDestroyedAt: Date | null },
  rules: { durationMonths: number; destroyMonthsAfterEnd: number },
  now: Date,
): boolean {
  if (!f.signedAt || f.ftDataDestroyedAt) return false;
  return compareDays(parisDay(now), ftDataDestroyBy(f.signedAt, rules)) >= 0;
}

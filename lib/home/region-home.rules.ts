// What needs attention on the Région roles' homes (issue 17 §2). Pure: `now` and rules passed in.
import { addMonths, currentMonth, monthDate, type MonthKey } from "@/lib/indicators/period.rules";

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
    const daysLate = Math.floor((now.getTime() - due) / DAY_MS);
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

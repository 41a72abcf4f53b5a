// French formatting shared by pages and exports.
const euro = new Intl.NumberFormat("fr-FR", { style: "currency", currency: "EUR" });
const dateTime = new Intl.DateTimeFormat("fr-FR", { dateStyle: "short", timeStyle: "short", timeZone: "Europe/Paris" });
const date = new Intl.DateTimeFormat("fr-FR", { dateStyle: "short", timeZone: "Europe/Paris" });
const isoDay = new Intl.DateTimeFormat("en-CA", { year: "numeric", month: "2-digit", day: "2-digit", timeZone: "Europe/Paris" });

export function formatCents(cents: number | bigint | null | undefined): string {
  if (cents === null || cents === undefined) return "—";
  return euro.format(Number(cents) / 100);
}

export function formatDateTime(iso: string | Date | null | undefined): string {
  return iso ? dateTime.format(new Date(iso)) : "—";
}

export function formatDate(iso: string | Date | null | undefined): string {
  return iso ? date.format(new Date(iso)) : "—";
}

/**
 * Today in Paris as « AAAA-MM-JJ », for a date field's default and `max`. The UTC day
 * (`toISOString().slice(0, 10)`) is still yesterday between midnight in Paris and midnight UTC, so a
 * form opened at 00:30 could not be dated today.
 */
export function parisToday(now: Date = new Date()): string {
  return isoDay.format(now);
}

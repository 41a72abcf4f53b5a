// French formatting shared by pages and exports.
const euro = new Intl.NumberFormat("fr-FR", { style: "currency", currency: "EUR" });
const dateTime = new Intl.DateTimeFormat("fr-FR", { dateStyle: "short", timeStyle: "short", timeZone: "Europe/Paris" });
const date = new Intl.DateTimeFormat("fr-FR", { dateStyle: "short", timeZone: "Europe/Paris" });

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

// Today in Paris (« AAAA-MM-JJ »): lib/paris-day.ts, the one Paris-day helper; re-exported for the pages.
export { parisToday } from "@/lib/paris-day";

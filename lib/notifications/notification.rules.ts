// Kinds of notification and how a person receives each by default. Pure.

export const NOTIFICATION_KINDS = [
  "callback.due",
  "followUp.due",
  "offer.stale",
  "event.reminder",
  "subsidy.deadline",
  "rights.deadline",
  "breach.deadline",
  "month.close",
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

export const NOTIFICATION_LABELS: Record<NotificationKind, string> = {
  "callback.due": "Rappels numéro vert à faire",
  "followUp.due": "Suites de visite à échéance",
  "offer.stale": "Offres anciennes bientôt expirées",
  "event.reminder": "Rappels d'événements",
  "subsidy.deadline": "Échéances des dossiers de subvention",
  "rights.deadline": "Délais des demandes d'exercice de droits",
  "breach.deadline": "Délai de notification d'une violation de données",
  "month.close": "Mois à clôturer (bilan mensuel)",
};

export interface Channels {
  inApp: boolean;
  email: boolean;
  digest: boolean;
}

/** Without a choice: in the app always; legal clocks (rights, breach) also by email at once. */
export function defaultChannels(kind: NotificationKind): Channels {
  const urgent = kind === "rights.deadline" || kind === "breach.deadline";
  return { inApp: true, email: urgent, digest: !urgent };
}

export function channelsFor(kind: NotificationKind, saved: ReadonlyMap<string, Channels>): Channels {
  return saved.get(kind) ?? defaultChannels(kind);
}

/** Something due within `windowHours` (or overdue) deserves a notification today. */
export function isDueSoon(dueAt: Date, now: Date, windowHours: number): boolean {
  return dueAt.getTime() <= now.getTime() + windowHours * 3600_000;
}

/** Paris calendar day of month of an instant (1–31). */
function parisDayOfMonth(now: Date): number {
  return Number(new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Paris", day: "2-digit" }).format(now));
}

/**
 * The month (YYYY-MM) whose bilan should be closed by now: the month just ended, once
 * `reminderDays` full days have passed since its end (Europe/Paris); null before that.
 */
export function monthToClose(now: Date, reminderDays: number): string | null {
  if (parisDayOfMonth(now) - 1 < reminderDays) return null;
  const parts = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Paris", year: "numeric", month: "2-digit" }).formatToParts(now);
  const year = Number(parts.find((p) => p.type === "year")!.value);
  const month = Number(parts.find((p) => p.type === "month")!.value);
  const prev = new Date(Date.UTC(year, month - 2, 1));
  return `${prev.getUTCFullYear()}-${String(prev.getUTCMonth() + 1).padStart(2, "0")}`;
}

/** An upcoming event is announced this many days ahead (a notification setting, not a business rule). */
export const EVENT_REMINDER_DAYS = 7;

/** A planned event on `date` deserves a reminder at `now`: not past, within the reminder window. */
export function eventReminderDue(date: Date, now: Date, days = EVENT_REMINDER_DAYS): boolean {
  return date.getTime() >= now.getTime() && date.getTime() <= now.getTime() + days * 86_400_000;
}

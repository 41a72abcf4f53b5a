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

// The company timeline: every interaction in time order, and the date of last contact it implies.
export type TimelineKind = "VISIT" | "OFFER" | "CALLBACK" | "CALLBACK_ATTEMPT" | "EVENT" | "NOTE" | "FOLLOW_UP";

export interface TimelineItem {
  id: string;
  kind: TimelineKind;
  at: Date;
  title: string;
  detail?: string | null;
  href?: string;
}

export const TIMELINE_LABELS: Record<TimelineKind, string> = {
  VISIT: "Visite",
  OFFER: "Offre reçue",
  CALLBACK: "Appel au numéro vert",
  CALLBACK_ATTEMPT: "Rappel",
  EVENT: "Événement",
  NOTE: "Échange",
  FOLLOW_UP: "Action de suivi",
};

/** What counts as a contact with the company: exchanges that happened, not planned ones. */
const CONTACT_KINDS: ReadonlySet<TimelineKind> = new Set(["VISIT", "OFFER", "CALLBACK", "CALLBACK_ATTEMPT", "EVENT", "NOTE"]);

export function sortTimeline(items: TimelineItem[]): TimelineItem[] {
  return [...items].sort((a, b) => b.at.getTime() - a.at.getTime() || a.id.localeCompare(b.id));
}

/** Latest past contact; future items (a visit planned next week) do not count yet. */
export function lastContactOf(items: TimelineItem[], now: Date): Date | null {
  let last: Date | null = null;
  for (const i of items) {
    if (!CONTACT_KINDS.has(i.kind) || i.at.getTime() > now.getTime()) continue;
    if (!last || i.at > last) last = i.at;
  }
  return last;
}

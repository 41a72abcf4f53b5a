// Calendar files (RFC 5545) with the `ics` package: one meeting attached to an invitation e-mail,
// or a staff member's private feed. Nothing about job seekers goes in: titles, places, times only.
import { createEvents, type EventAttributes } from "ics";

export interface CalendarItem {
  uid: string;
  title: string;
  start: Date;
  durationMinutes: number;
  location?: string;
  description?: string;
}

function utcParts(d: Date): [number, number, number, number, number] {
  return [d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate(), d.getUTCHours(), d.getUTCMinutes()];
}

/** The .ics text of the items (an empty calendar when there are none). */
export function calendarFile(items: readonly CalendarItem[], opts: { name?: string; method?: "PUBLISH" | "REQUEST" } = {}): string {
  const events: EventAttributes[] = items.map((i) => ({
    uid: i.uid,
    title: i.title,
    start: utcParts(i.start),
    startInputType: "utc",
    startOutputType: "utc",
    duration: { minutes: i.durationMinutes },
    location: i.location,
    description: i.description,
    productId: "si-proch-emploi",
    calName: opts.name,
  }));
  if (events.length === 0) {
    return ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:si-proch-emploi", "CALSCALE:GREGORIAN", ...(opts.name ? [`X-WR-CALNAME:${opts.name}`] : []), "END:VCALENDAR", ""].join("\r\n");
  }
  const { error, value } = createEvents(events, { productId: "si-proch-emploi", method: opts.method ?? "PUBLISH", calName: opts.name });
  if (error || !value) throw new Error(`Calendrier non généré : ${error?.message ?? "erreur inconnue"}`);
  return value;
}

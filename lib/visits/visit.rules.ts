// A visit has a date and, optionally, an hour (Europe/Paris). A date-only visit is stored at
// midnight UTC of that day with timeSet = false and shown « dans la journée », never « 01:00 ».
const PARIS = "Europe/Paris";
const parts = new Intl.DateTimeFormat("en-GB", { timeZone: PARIS, hourCycle: "h23", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit" });
const longDate = new Intl.DateTimeFormat("fr-FR", { dateStyle: "short", timeZone: PARIS });
const hourOnly = new Intl.DateTimeFormat("fr-FR", { hour: "2-digit", minute: "2-digit", timeZone: PARIS });

function paris(d: Date) {
  const p = Object.fromEntries(parts.formatToParts(d).map((x) => [x.type, x.value]));
  return { y: Number(p.year), mo: Number(p.month), d: Number(p.day), h: Number(p.hour), mi: Number(p.minute) };
}

/** The instant of `time` ("HH:MM", Paris) on the calendar day `day` (a date at midnight UTC). */
export function parisInstant(day: Date, time: string): Date {
  const [h, m] = time.split(":").map(Number) as [number, number];
  const wall = Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate(), h, m);
  let t = wall;
  for (let i = 0; i < 2; i++) {
    const p = paris(new Date(t));
    const shown = Date.UTC(p.y, p.mo - 1, p.d, p.h, p.mi);
    t += wall - shown;
  }
  return new Date(t);
}

/** Date and hour as typed into a form ("YYYY-MM-DD", "HH:MM" or ""). */
export function visitFormValues(iso: string, timeSet: boolean): { date: string; time: string } {
  if (!timeSet) return { date: iso.slice(0, 10), time: "" };
  const p = paris(new Date(iso));
  const pad = (n: number) => String(n).padStart(2, "0");
  return { date: `${p.y}-${pad(p.mo)}-${pad(p.d)}`, time: `${pad(p.h)}:${pad(p.mi)}` };
}

/** « 03/12/2026 à 14:30 » or « 03/12/2026, dans la journée ». */
export function formatVisitWhen(iso: string | Date, timeSet: boolean): string {
  const d = new Date(iso);
  return timeSet ? `${longDate.format(d)} à ${hourOnly.format(d)}` : `${longDate.format(d)}, dans la journée`;
}

/** « 14:30 » or « dans la journée » (a day's agenda). */
export function formatVisitHour(iso: string | Date, timeSet: boolean): string {
  return timeSet ? hourOnly.format(new Date(iso)) : "dans la journée";
}

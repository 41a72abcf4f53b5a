// Circuit-court events: capacity and waiting list, attendance, results. Pure: callers pass `now`.

export const ATTENDANCE = ["REGISTERED", "PRESENT", "EXCUSED", "ABSENT"] as const;
export type Attendance = (typeof ATTENDANCE)[number];
export const ATTENDANCE_LABELS: Record<Attendance, string> = { REGISTERED: "Inscrit·e", PRESENT: "Présent·e", EXCUSED: "Excusé·e", ABSENT: "Absent·e" };
export const PARTICIPANT_TYPES = ["JOB_SEEKER", "COMPANY", "CHEF_DE_FILE"] as const;
export type ParticipantType = (typeof PARTICIPANT_TYPES)[number];
export const EVENT_KIND_LABELS = { CIRCUIT_COURT: "Réunion circuit court", JOB_DATING: "Job dating", FORUM: "Forum", AUTRE: "Autre" } as const;
export const EVENT_STATUS_LABELS = { PLANNED: "Prévu", HELD: "Tenu", CANCELLED: "Annulé" } as const;

export type RuleResult<T> = { ok: true; value: T } | { ok: false; message: string };

/** Where a new job-seeker registration goes: a confirmed place while any is left, else the waiting list. */
export function placeRegistration(capacity: number | null, confirmed: number): "CONFIRMED" | "WAITLISTED" {
  return capacity === null || confirmed < capacity ? "CONFIRMED" : "WAITLISTED";
}

export function checkRegistration(event: { status: string }): RuleResult<true> {
  if (event.status === "CANCELLED") return { ok: false, message: "Cet événement est annulé : aucune inscription possible." };
  return { ok: true, value: true };
}

/**
 * Presence and absence are facts observed on the day: they cannot be recorded before the event
 * starts. An excuse can be recorded beforehand.
 */
export function checkAttendance(eventDate: Date, eventStatus: string, to: Attendance, now: Date): RuleResult<Attendance> {
  if (eventStatus === "CANCELLED") return { ok: false, message: "Cet événement est annulé." };
  if ((to === "PRESENT" || to === "ABSENT") && eventDate.getTime() > now.getTime()) {
    return { ok: false, message: "L'événement n'a pas encore eu lieu : la présence ou l'absence ne peut pas encore être notée." };
  }
  return { ok: true, value: to };
}

/** The waiting-list registrations to promote once `freed` places are available, in registration order. */
export function promotions<T extends { registeredAt: Date; waitlisted: boolean }>(registrations: readonly T[], freed: number): T[] {
  if (freed <= 0) return [];
  return registrations
    .filter((r) => r.waitlisted)
    .sort((a, b) => a.registeredAt.getTime() - b.registeredAt.getTime())
    .slice(0, freed);
}

export interface EventResults {
  jobSeekersRegistered: number;
  waitlisted: number;
  present: number;
  excused: number;
  absent: number;
  youngPresent: number;
  companiesPresent: number;
  chefsDeFilePresent: number;
  proposals: number;
  hires: number;
}

export function eventResults(input: {
  jobSeekers: readonly { attendance: Attendance; waitlisted: boolean; young: boolean }[];
  companies: readonly { attendance: Attendance }[];
  chefs: readonly { attendance: Attendance }[];
  proposals: readonly { status: string }[];
}): EventResults {
  const js = input.jobSeekers;
  return {
    jobSeekersRegistered: js.filter((j) => !j.waitlisted).length,
    waitlisted: js.filter((j) => j.waitlisted).length,
    present: js.filter((j) => j.attendance === "PRESENT").length,
    excused: js.filter((j) => j.attendance === "EXCUSED").length,
    absent: js.filter((j) => j.attendance === "ABSENT").length,
    youngPresent: js.filter((j) => j.attendance === "PRESENT" && j.young).length,
    companiesPresent: input.companies.filter((c) => c.attendance === "PRESENT").length,
    chefsDeFilePresent: input.chefs.filter((c) => c.attendance === "PRESENT").length,
    proposals: input.proposals.length,
    hires: input.proposals.filter((p) => p.status === "HIRED").length,
  };
}

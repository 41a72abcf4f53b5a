// The date of last contact of a job seeker drives retention (DOMAIN.md §5): it is derived from
// every dated activity of the person and never typed by hand. Pure: callers gather the dates.

export interface ContactSources {
  /** When the record was created (first contact: the person was met or called). */
  createdAt: Date;
  /** Notes of calls, e-mails and meetings. */
  interactions: readonly Date[];
  /** Every proposal's creation and last status change. */
  proposals: readonly Date[];
  /** Circuit-court events the person actually attended (only dates in the past count). */
  eventsAttended: readonly Date[];
  /** Mobility diagnostics. */
  diagnostics: readonly Date[];
}

/**
 * The latest activity not after `now`. A future date (an interview planned, an event to come) is
 * not a contact yet: counting it would postpone archiving on a promise.
 */
export function deriveLastContact(s: ContactSources, now: Date): Date {
  let latest = s.createdAt.getTime() <= now.getTime() ? s.createdAt : now;
  for (const list of [s.interactions, s.proposals, s.eventsAttended, s.diagnostics]) {
    for (const d of list) {
      if (d.getTime() <= now.getTime() && d.getTime() > latest.getTime()) latest = d;
    }
  }
  return latest;
}

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

/**
 * Issue 22: what counts as a contact with the person. An internal note is not one (it is written
 * about the person, not with them); on a proposal, only the person's own answer (accepted, refused)
 * is — the employer's moves (interview, hired, not retained) are not a contact with the person.
 */
export const CONTACT_INTERACTION_KINDS = ["APPEL", "EMAIL", "RENCONTRE"] as const;
export const PERSON_ANSWER_STATUSES = ["ACCEPTED", "REFUSED"] as const;

/** An imported person's last contact: the file's own column, else the information date; never the import date. */
export function importedLastContact(fileLastContact: Date | null, informedAt: Date, now: Date): Date {
  if (fileLastContact && fileLastContact.getTime() <= now.getTime() && fileLastContact.getTime() >= informedAt.getTime()) return fileLastContact;
  return informedAt;
}

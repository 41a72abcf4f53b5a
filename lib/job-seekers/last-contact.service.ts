import "server-only";
// Re-derives a person's lastContactAt from every dated activity (rule: last-contact.rules.ts).
// Called inside the transaction of every write that touches a job seeker.
import type { DbOrTx } from "@/lib/db";
import { CONTACT_INTERACTION_KINDS, deriveLastContact, PERSON_ANSWER_STATUSES } from "@/lib/job-seekers/last-contact.rules";

export async function refreshLastContact(tx: DbOrTx, jobSeekerId: string, now: Date): Promise<Date> {
  const upTo = { lte: now };
  const [person, notes, proposed, changed, events, diagnostics] = await Promise.all([
    tx.jobSeeker.findUniqueOrThrow({ where: { id: jobSeekerId }, select: { createdAt: true } }),
    tx.jobSeekerInteraction.aggregate({ where: { jobSeekerId, at: upTo, kind: { in: [...CONTACT_INTERACTION_KINDS] } }, _max: { at: true } }),
    tx.proposal.aggregate({ where: { jobSeekerId, proposedAt: upTo }, _max: { proposedAt: true } }),
    tx.proposal.aggregate({ where: { jobSeekerId, statusChangedAt: upTo, status: { in: [...PERSON_ANSWER_STATUSES] } }, _max: { statusChangedAt: true } }),
    tx.circuitCourtEvent.aggregate({ where: { date: upTo, jobSeekers: { some: { jobSeekerId, attended: true } } }, _max: { date: true } }),
    tx.mobilityDiagnostic.aggregate({ where: { jobSeekerId, date: upTo }, _max: { date: true } }),
  ]);
  const present = (...ds: (Date | null)[]) => ds.filter((d): d is Date => d !== null);
  const lastContactAt = deriveLastContact(
    {
      createdAt: person.createdAt,
      interactions: present(notes._max.at),
      proposals: present(proposed._max.proposedAt, changed._max.statusChangedAt),
      eventsAttended: present(events._max.date),
      diagnostics: present(diagnostics._max.date),
    },
    now,
  );
  // Not a user edit: the version is left alone so an open form is not invalidated by a note.
  await tx.jobSeeker.update({ where: { id: jobSeekerId }, data: { lastContactAt } });
  return lastContactAt;
}

// Everything held on one person (RGPD art. 15 and 20): the record with every column, its
// interactions, proposals, diagnostics, event participations, rights requests, previous versions
// and the audit trail of who accessed or changed it. The record is read without a `select`, so a
// column added to JobSeeker later appears here without anyone having to remember it.
import type { DbOrTx } from "@/lib/db";

export interface SubjectSection {
  title: string;
  rows: Record<string, unknown>[];
}

export interface SubjectData {
  generatedAt: Date;
  person: Record<string, unknown>;
  sections: SubjectSection[];
}

export async function collectSubjectData(db: DbOrTx, jobSeekerId: string, now: Date): Promise<SubjectData> {
  const person = await db.jobSeeker.findUniqueOrThrow({ where: { id: jobSeekerId } });
  // Read in the rights request's transaction (lib/rights/rights.service.ts): one connection, so one
  // read after the other.
  const platform = await db.platform.findUnique({ where: { id: person.platformId }, select: { name: true } });
  const referent = person.referentId ? await db.user.findUnique({ where: { id: person.referentId }, select: { firstName: true, lastName: true } }) : null;
  const interactions = await db.jobSeekerInteraction.findMany({ where: { jobSeekerId }, orderBy: { at: "asc" }, select: { at: true, kind: true, summary: true, createdAt: true } });
  const proposals = await db.proposal.findMany({ where: { jobSeekerId }, orderBy: { createdAt: "asc" }, include: { offer: { select: { title: true } } } });
  const diagnostics = await db.mobilityDiagnostic.findMany({ where: { jobSeekerId }, orderBy: { createdAt: "asc" } });
  const events = await db.eventJobSeekerParticipation.findMany({ where: { jobSeekerId }, include: { event: { select: { title: true, date: true } } } });
  const rights = await db.rightsRequest.findMany({ where: { jobSeekerId }, orderBy: { receivedAt: "asc" }, select: { kind: true, status: true, receivedAt: true, answeredAt: true, channel: true } });
  const revisions = await db.jobSeekerRevision.findMany({ where: { jobSeekerId }, orderBy: { version: "asc" }, select: { version: true, changedFields: true, before: true, createdAt: true } });
  const audit = await db.auditEvent.findMany({
    where: { entityType: "JobSeeker", entityId: jobSeekerId },
    orderBy: { id: "asc" },
    take: 5000,
    select: { at: true, action: true, actorRole: true, reason: true, actor: { select: { firstName: true, lastName: true } } },
  });
  const strip = <T extends Record<string, unknown>>(row: T, ...keys: string[]) => Object.fromEntries(Object.entries(row).filter(([k]) => !keys.includes(k) && !k.endsWith("Id") && k !== "id"));
  return {
    generatedAt: now,
    person: { ...person, platform: platform?.name ?? null, referent: referent ? `${referent.firstName} ${referent.lastName}` : null },
    sections: [
      { title: "Échanges", rows: interactions },
      { title: "Propositions", rows: proposals.map(({ offer, ...p }) => ({ ...strip(p), offer: offer?.title ?? null })) },
      { title: "Diagnostics mobilité", rows: diagnostics.map((d) => strip(d)) },
      { title: "Événements", rows: events.map(({ event, ...e }) => ({ event: event.title, eventDate: event.date, ...strip(e) })) },
      { title: "Demandes d'exercice de droits", rows: rights },
      { title: "Versions précédentes de la fiche", rows: revisions.map((r) => ({ ...r, before: JSON.stringify(r.before) })) },
      {
        title: "Accès et modifications (journal d'audit)",
        rows: audit.map((a) => ({ at: a.at, action: a.action, by: a.actor ? `${a.actor.firstName} ${a.actor.lastName}` : "système", role: a.actorRole, reason: a.reason })),
      },
    ],
  };
}

import "server-only";
// Gathers a company's interactions from every table that records one, then derives last contact.
import type { CurrentUser } from "@/lib/auth/principal";
import { findCompanyRow } from "@/lib/companies/company.query";
import { lastContactOf, sortTimeline, type TimelineItem } from "@/lib/companies/timeline.rules";
import type { DbOrTx } from "@/lib/db";
import { OFFER_STATUS_LABELS } from "@/lib/offers/offer.rules";

const NEEDS: Record<string, string> = { RECRUTEMENT: "recrutement", FORMATION: "formation", GPEC: "GPEC", AUTRE: "autre" };
const CALLBACK: Record<string, string> = { A_RAPPELER: "à rappeler", JOINT: "joint", BESOIN_QUALIFIE: "besoin qualifié", INJOIGNABLE: "injoignable" };

export async function companyTimelineItems(db: DbOrTx, companyId: string, limit = 500): Promise<TimelineItem[]> {
  const [visits, offers, callbacks, attempts, events, notes, followUps] = await Promise.all([
    db.visit.findMany({ where: { companyId }, select: { id: true, date: true, purpose: true, needs: true, outcome: true }, orderBy: { date: "desc" }, take: limit }),
    db.jobOffer.findMany({ where: { companyId }, select: { id: true, receivedAt: true, title: true, status: true, hiddenMarket: true }, orderBy: { receivedAt: "desc" }, take: limit }),
    db.numeroVertCallback.findMany({ where: { companyId }, select: { id: true, receivedAt: true, status: true }, orderBy: { receivedAt: "desc" }, take: limit }),
    db.callbackAttempt.findMany({ where: { callback: { companyId } }, select: { id: true, at: true, outcome: true, note: true }, orderBy: { at: "desc" }, take: limit }),
    db.eventCompanyParticipation.findMany({ where: { companyId, attended: true }, select: { event: { select: { id: true, date: true, title: true, status: true } } }, take: limit }),
    db.companyInteraction.findMany({ where: { companyId }, select: { id: true, at: true, kind: true, summary: true }, orderBy: { at: "desc" }, take: limit }),
    db.followUpAction.findMany({ where: { companyId }, select: { id: true, dueAt: true, doneAt: true, label: true }, orderBy: { dueAt: "desc" }, take: limit }),
  ]);
  const items: TimelineItem[] = [
    ...visits.map((v) => ({ id: v.id, kind: "VISIT" as const, at: v.date, title: v.purpose, detail: [v.needs.length ? `Besoins : ${v.needs.map((n) => NEEDS[n]).join(", ")}` : null, v.outcome].filter(Boolean).join(" — ") || null, href: `/visites/${v.id}` })),
    ...offers.map((o) => ({ id: o.id, kind: "OFFER" as const, at: o.receivedAt, title: o.title, detail: `${OFFER_STATUS_LABELS[o.status]}${o.hiddenMarket ? " · marché caché" : ""}`, href: `/offres/${o.id}` })),
    ...callbacks.map((c) => ({ id: c.id, kind: "CALLBACK" as const, at: c.receivedAt, title: "Appel reçu au numéro vert", detail: `Statut : ${CALLBACK[c.status]}` })),
    ...attempts.map((a) => ({ id: a.id, kind: "CALLBACK_ATTEMPT" as const, at: a.at, title: `Rappel : ${CALLBACK[a.outcome]}`, detail: a.note })),
    ...events.filter((e) => e.event.status === "HELD").map((e) => ({ id: e.event.id, kind: "EVENT" as const, at: e.event.date, title: e.event.title })),
    ...notes.map((n) => ({ id: n.id, kind: "NOTE" as const, at: n.at, title: n.summary })),
    ...followUps.map((f) => ({ id: f.id, kind: "FOLLOW_UP" as const, at: f.doneAt ?? f.dueAt, title: f.label, detail: f.doneAt ? "Réalisée" : "À faire" })),
  ];
  return sortTimeline(items);
}

export async function getCompanyTimeline(db: DbOrTx, user: CurrentUser, companyId: string): Promise<TimelineItem[]> {
  await findCompanyRow(db, user, companyId);
  return companyTimelineItems(db, companyId);
}

/**
 * Re-derives the company's last contact from its timeline (never typed by hand) and carries it to
 * its contacts, whose 48-month retention counts from the last contact with their company.
 */
export async function refreshCompanyLastContact(db: DbOrTx, companyId: string, now: Date): Promise<Date | null> {
  const last = lastContactOf(await companyTimelineItems(db, companyId), now);
  await db.company.update({ where: { id: companyId }, data: { lastContactAt: last } });
  await db.companyContact.updateMany({ where: { companyId, lifecycle: "ACTIVE" }, data: { lastContactAt: last } });
  return last;
}

import "server-only";
// A staff member's private calendar feed (issue 20): a secret URL (only its SHA-256 kept), created
// and revoked from « Mon profil », read by Outlook, Thunderbird and phone calendars. It lists the
// member's visits and follow-ups and the events of their platforms, with titles that name no job
// seeker (« Circuit court — Liévin », « Visite — <entreprise> »).
import { randomBytes } from "node:crypto";
import { recordAudit } from "@/lib/audit/audit.service";
import type { CurrentUser } from "@/lib/auth/principal";
import { hashToken } from "@/lib/auth/token-hash";
import { calendarFile, type CalendarItem } from "@/lib/calendar/ics";
import type { Db } from "@/lib/db";
import { appUrl } from "@/lib/email/links";
import { EVENT_KIND_LABELS } from "@/lib/events/event.rules";

export function feedUrl(token: string): string {
  return appUrl(`/api/calendar?jeton=${encodeURIComponent(token)}`);
}

/** A new secret URL; the previous one stops working. Shown once. */
export async function createCalendarFeed(db: Db, user: CurrentUser): Promise<string> {
  const token = randomBytes(32).toString("base64url");
  await db.$transaction(async (tx) => {
    await tx.calendarFeed.upsert({ where: { userId: user.id }, create: { userId: user.id, tokenHash: hashToken(token) }, update: { tokenHash: hashToken(token), createdAt: new Date() } });
    await recordAudit(tx, { action: "calendarFeed.created", actorId: user.id, actorRole: user.role, entityType: "User", entityId: user.id });
  });
  return feedUrl(token);
}

export async function revokeCalendarFeed(db: Db, user: CurrentUser): Promise<void> {
  await db.$transaction(async (tx) => {
    await tx.calendarFeed.deleteMany({ where: { userId: user.id } });
    await recordAudit(tx, { action: "calendarFeed.revoked", actorId: user.id, actorRole: user.role, entityType: "User", entityId: user.id });
  });
}

export async function calendarFeedCreatedAt(db: Db, user: CurrentUser): Promise<Date | null> {
  return (await db.calendarFeed.findUnique({ where: { userId: user.id }, select: { createdAt: true } }))?.createdAt ?? null;
}

/** The feed of the secret's owner (null: unknown or revoked secret, or inactive account). From 90 days back. */
export async function calendarFeedIcs(db: Db, raw: string, now = new Date()): Promise<string | null> {
  if (!raw || raw.length > 200) return null;
  const feed = await db.calendarFeed.findUnique({ where: { tokenHash: hashToken(raw) }, select: { user: { select: { id: true, active: true, allPlatforms: true, memberships: { select: { platformId: true } } } } } });
  if (!feed || !feed.user.active) return null;
  const from = new Date(now.getTime() - 90 * 86_400_000);
  const platformIds = feed.user.memberships.map((m) => m.platformId);
  const [events, visits, followUps] = await Promise.all([
    db.circuitCourtEvent.findMany({ where: { date: { gte: from }, status: { not: "CANCELLED" }, ...(feed.user.allPlatforms ? {} : { platformId: { in: platformIds } }) }, select: { id: true, kind: true, date: true, place: true, platform: { select: { name: true } } }, take: 500 }),
    db.visit.findMany({ where: { date: { gte: from }, staff: { some: { userId: feed.user.id } } }, select: { id: true, date: true, company: { select: { name: true, city: true } } }, take: 500 }),
    db.followUpAction.findMany({ where: { dueAt: { gte: from }, doneAt: null, assignedToId: feed.user.id }, select: { id: true, dueAt: true, label: true, company: { select: { name: true } } }, take: 500 }),
  ]);
  const items: CalendarItem[] = [
    ...events.map((e) => ({ uid: `evenement-${e.id}@si-proch-emploi`, title: `${EVENT_KIND_LABELS[e.kind]} — ${e.place}`, start: e.date, durationMinutes: 120, location: e.place, description: `Plateforme ${e.platform.name}` })),
    ...visits.map((v) => ({ uid: `visite-${v.id}@si-proch-emploi`, title: `Visite — ${v.company.name}`, start: v.date, durationMinutes: 60, location: v.company.city ?? undefined })),
    ...followUps.map((f) => ({ uid: `suite-${f.id}@si-proch-emploi`, title: `Suite à donner — ${f.company.name}`, start: f.dueAt, durationMinutes: 30 })),
  ];
  return calendarFile(items, { name: "SI Proch'Emploi" });
}

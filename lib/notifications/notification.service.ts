import "server-only";
// In-app notifications and their email delivery (at once, or in the daily digest), per the
// person's choice for each kind. Emails carry titles and links only, never a job seeker's data.
import type { CurrentUser } from "@/lib/auth/principal";
import type { Db, DbOrTx } from "@/lib/db";
import { enqueueEmail } from "@/lib/email/outbox.service";
import { notificationEmail } from "@/lib/email/templates";
import { NotFoundError } from "@/lib/errors";
import { channelsFor, NOTIFICATION_KINDS, type Channels, type NotificationKind } from "@/lib/notifications/notification.rules";
import type { NotificationDto, NotificationListQuery } from "@/lib/notifications/notification.schema";
import { appUrl } from "@/lib/email/links";

export async function savedChannels(db: DbOrTx, userId: string): Promise<Map<string, Channels>> {
  const rows = await db.notificationPreference.findMany({ where: { userId } });
  return new Map(rows.map((r) => [r.kind, { inApp: r.inApp, email: r.email, digest: r.digest }]));
}

export async function preferencesFor(db: DbOrTx, userId: string): Promise<Record<NotificationKind, Channels>> {
  const saved = await savedChannels(db, userId);
  return Object.fromEntries(NOTIFICATION_KINDS.map((k) => [k, channelsFor(k, saved)])) as Record<NotificationKind, Channels>;
}

export async function savePreferences(db: Db, user: CurrentUser, input: Record<string, boolean>): Promise<void> {
  await db.$transaction(
    NOTIFICATION_KINDS.map((kind) => {
      const c = { inApp: input[`${kind}.inApp`] ?? false, email: input[`${kind}.email`] ?? false, digest: input[`${kind}.digest`] ?? false };
      return db.notificationPreference.upsert({ where: { userId_kind: { userId: user.id, kind } }, create: { userId: user.id, kind, ...c }, update: c });
    }),
  );
}

export interface NewNotification {
  kind: NotificationKind;
  title: string;
  link: string;
  dueAt?: Date;
  /** The same key for the same user is notified once (a job may run again). */
  dedupeKey: string;
}

/** Notifies one person; returns false when already notified for this key or the person opted out. */
export async function notify(db: Db, userId: string, n: NewNotification): Promise<boolean> {
  const c = channelsFor(n.kind, await savedChannels(db, userId));
  if (!c.inApp && !c.email && !c.digest) return false;
  return db.$transaction(async (tx) => {
    const inserted = await tx.notification.createMany({
      data: [{ userId, kind: n.kind, title: n.title, link: n.link, dueAt: n.dueAt, dedupeKey: n.dedupeKey, readAt: c.inApp ? null : new Date(), emailedAt: c.email ? new Date() : null }],
      skipDuplicates: true,
    });
    if (inserted.count === 0) return false;
    if (c.email) {
      const user = await tx.user.findUniqueOrThrow({ where: { id: userId }, select: { email: true, firstName: true } });
      await enqueueEmail(tx, { ...notificationEmail(user.email, { firstName: user.firstName, items: [{ title: n.title, url: appUrl(n.link) }], digest: false }), purpose: "notification" });
    }
    return true;
  });
}

function toDto(n: { id: string; kind: string; title: string; link: string | null; dueAt: Date | null; readAt: Date | null; createdAt: Date }): NotificationDto {
  return { id: n.id, kind: n.kind, title: n.title, link: n.link, dueAt: n.dueAt?.toISOString() ?? null, readAt: n.readAt?.toISOString() ?? null, createdAt: n.createdAt.toISOString() };
}

export async function listNotifications(db: DbOrTx, user: CurrentUser, q: NotificationListQuery) {
  const where = { userId: user.id, ...(q.unread === "true" ? { readAt: null } : {}) };
  const [total, unread, rows] = await Promise.all([
    db.notification.count({ where }),
    db.notification.count({ where: { userId: user.id, readAt: null } }),
    db.notification.findMany({ where, orderBy: [{ createdAt: "desc" }, { id: "desc" }], skip: (q.page - 1) * q.pageSize, take: q.pageSize }),
  ]);
  return { items: rows.map(toDto), total, unread, page: q.page, pageSize: q.pageSize };
}

export function unreadCount(db: DbOrTx, userId: string): Promise<number> {
  return db.notification.count({ where: { userId, readAt: null } });
}

export async function markRead(db: DbOrTx, user: CurrentUser, target: { id: string } | { all: true }): Promise<{ updated: number }> {
  const now = new Date();
  if ("all" in target) return { updated: (await db.notification.updateMany({ where: { userId: user.id, readAt: null }, data: { readAt: now } })).count };
  const { count } = await db.notification.updateMany({ where: { id: target.id, userId: user.id }, data: { readAt: now } });
  if (count === 0 && !(await db.notification.findFirst({ where: { id: target.id, userId: user.id }, select: { id: true } }))) throw new NotFoundError("Notification introuvable.");
  return { updated: count };
}

/** The daily digest: one email per person with the notifications chosen "in the digest" not yet emailed. */
export async function sendDigests(db: Db): Promise<{ emails: number }> {
  const pending = await db.notification.findMany({ where: { emailedAt: null, user: { active: true } }, select: { id: true, userId: true, kind: true, title: true, link: true } });
  const byUser = new Map<string, typeof pending>();
  for (const n of pending) byUser.set(n.userId, [...(byUser.get(n.userId) ?? []), n]);
  let emails = 0;
  for (const [userId, items] of byUser) {
    const saved = await savedChannels(db, userId);
    const chosen = items.filter((n) => (NOTIFICATION_KINDS as readonly string[]).includes(n.kind) && channelsFor(n.kind as NotificationKind, saved).digest);
    await db.$transaction(async (tx) => {
      if (chosen.length) {
        const user = await tx.user.findUniqueOrThrow({ where: { id: userId }, select: { email: true, firstName: true } });
        await enqueueEmail(tx, { ...notificationEmail(user.email, { firstName: user.firstName, items: chosen.map((n) => ({ title: n.title, url: appUrl(n.link ?? "/notifications") })), digest: true }), purpose: "digest" });
        emails++;
      }
      // Everything looked at is settled, so an opted-out notification is not reconsidered every day.
      await tx.notification.updateMany({ where: { id: { in: items.map((n) => n.id) } }, data: { emailedAt: new Date() } });
    });
  }
  return { emails };
}

import "server-only";
// Builds the notifications of what someone must act on. Implemented so far: numéro-vert callbacks
// and visit follow-ups due within a day (or overdue). Other kinds are declared in
// notification.rules.ts and wait for their domains.
import type { Db } from "@/lib/db";
import { isDueSoon, type NotificationKind } from "@/lib/notifications/notification.rules";
import { notify } from "@/lib/notifications/notification.service";

/** Hours ahead a due item is announced (a notification setting, not a business deadline). */
const DUE_WINDOW_HOURS = 24;

/** The person assigned, else every active assistant and manager of the platform. */
async function recipients(db: Db, platformId: string, assignedToId: string | null): Promise<string[]> {
  if (assignedToId) {
    const u = await db.user.findFirst({ where: { id: assignedToId, active: true }, select: { id: true } });
    if (u) return [u.id];
  }
  const staff = await db.user.findMany({
    where: { active: true, role: { in: ["PLATFORM_ASSISTANT", "PLATFORM_MANAGER"] }, memberships: { some: { platformId } } },
    select: { id: true },
  });
  return staff.map((s) => s.id);
}

const dayKey = (d: Date) => d.toISOString().slice(0, 10);

export async function generateDueNotifications(db: Db, now = new Date()): Promise<{ created: number }> {
  const horizon = new Date(now.getTime() + DUE_WINDOW_HOURS * 3600_000);
  let created = 0;
  const send = async (kind: NotificationKind, item: { id: string; platformId: string; assignedToId: string | null; dueAt: Date }, title: string, link: string) => {
    if (!isDueSoon(item.dueAt, now, DUE_WINDOW_HOURS)) return;
    for (const userId of await recipients(db, item.platformId, item.assignedToId)) {
      if (await notify(db, userId, { kind, title, link, dueAt: item.dueAt, dedupeKey: `${kind}:${item.id}:${dayKey(item.dueAt)}` })) created++;
    }
  };
  const callbacks = await db.numeroVertCallback.findMany({
    where: { status: "A_RAPPELER", closedAt: null, dueAt: { lte: horizon } },
    select: { id: true, platformId: true, assignedToId: true, dueAt: true, companyId: true, company: { select: { name: true } } },
    take: 1000,
  });
  for (const c of callbacks) await send("callback.due", c, `Rappel numéro vert à faire : ${c.company.name}`, `/entreprises/${c.companyId}`);
  const followUps = await db.followUpAction.findMany({
    where: { doneAt: null, dueAt: { lte: horizon } },
    select: { id: true, platformId: true, assignedToId: true, dueAt: true, label: true, companyId: true, company: { select: { name: true } } },
    take: 1000,
  });
  for (const f of followUps) await send("followUp.due", f, `Suite de visite à faire (${f.company.name}) : ${f.label}`, `/entreprises/${f.companyId}`);
  return { created };
}

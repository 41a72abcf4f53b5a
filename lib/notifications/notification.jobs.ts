import "server-only";
// Builds the notifications of what someone must act on. Implemented so far: numéro-vert callbacks
// and visit follow-ups due within a day (or overdue). Other kinds are declared in
// notification.rules.ts and wait for their domains.
import type { Db } from "@/lib/db";
import { isDueSoon, type NotificationKind } from "@/lib/notifications/notification.rules";
import { notify } from "@/lib/notifications/notification.service";
import { logger } from "@/lib/logger";
import { formatDay, parisDay } from "@/lib/retention/retention.rules";
import { breachClock, CLOCK_LABELS, countdownLabel, nextClock, rightsRequestClocks } from "@/lib/rights/rights.rules";
import { RIGHTS_KIND_LABELS } from "@/lib/rights/rights.schema";
import { getActiveRuleSet, NoRuleSetInForceError } from "@/lib/rules/active-rule-set";
import type { DeadlinesRules } from "@/lib/rules/rule-set.schema";

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
  created += await generateRightsDeadlineNotifications(db, now);
  created += await generateBreachDeadlineNotifications(db, now);
  return { created };
}

// ───────────── legal clocks of personal data (issue 7): rights requests and breaches ─────────────

/**
 * The DPO (all platforms, or those of the platform concerned) and the platform's managers. Only the
 * DPO may open the request or breach (policy), so managers get no link.
 */
async function dataProtectionRecipients(db: Db, platformId: string | null): Promise<{ id: string; canOpen: boolean }[]> {
  const users = await db.user.findMany({
    where: {
      active: true,
      OR: [
        { role: "DPO", ...(platformId ? { OR: [{ allPlatforms: true }, { memberships: { some: { platformId } } }] } : {}) },
        ...(platformId ? [{ role: "PLATFORM_MANAGER" as const, memberships: { some: { platformId } } }] : []),
      ],
    },
    select: { id: true, role: true },
  });
  return users.map((u) => ({ id: u.id, canOpen: u.role === "DPO" }));
}

/** One notification per person, item and Paris day: the job may run many times a day. */
const parisDayKey = (now: Date) => formatDay(parisDay(now));

async function deadlinesOrNull(db: Db, now: Date): Promise<DeadlinesRules | null> {
  try {
    return (await getActiveRuleSet(db, "DEADLINES", now)).payload;
  } catch (e) {
    if (!(e instanceof NoRuleSetInForceError)) throw e;
    logger.warn({ job: "notifications" }, "no DEADLINES rule set in force: rights and breach deadline notifications skipped");
    return null;
  }
}

/** Open rights requests whose next legal clock ends within the window, or is overdue. */
export async function generateRightsDeadlineNotifications(db: Db, now = new Date()): Promise<number> {
  const open = await db.rightsRequest.findMany({
    where: { status: { in: ["RECEIVED", "FORWARDED", "IN_PROGRESS"] } },
    select: { id: true, kind: true, platformId: true, status: true, receivedAt: true, forwardedAt: true, answeredAt: true, controllerOrderAt: true, executedAt: true },
    take: 2000,
  });
  if (open.length === 0) return 0;
  const rules = await deadlinesOrNull(db, now);
  if (!rules) return 0;
  let created = 0;
  for (const r of open) {
    const next = nextClock(rightsRequestClocks(r, rules, now));
    if (!next || !isDueSoon(next.dueAt, now, DUE_WINDOW_HOURS)) continue;
    const title = `Demande d'exercice de droits (${RIGHTS_KIND_LABELS[r.kind].toLowerCase()}) — ${CLOCK_LABELS[next.name].toLowerCase()} : ${countdownLabel(next)}`;
    for (const u of await dataProtectionRecipients(db, r.platformId)) {
      if (await notify(db, u.id, { kind: "rights.deadline", title, link: u.canOpen ? `/rgpd/demandes/${r.id}` : "/notifications", dueAt: next.dueAt, dedupeKey: `rights.deadline:${r.id}:${parisDayKey(now)}` })) created++;
    }
  }
  return created;
}

/** Breaches not yet notified to the controller: every day until they are (the deadline is hours). */
export async function generateBreachDeadlineNotifications(db: Db, now = new Date()): Promise<number> {
  const pending = await db.breachRecord.findMany({ where: { notifiedAt: null, status: "DETECTED" }, select: { id: true, platformId: true, detectedAt: true }, take: 500 });
  if (pending.length === 0) return 0;
  const rules = await deadlinesOrNull(db, now);
  if (!rules) return 0;
  let created = 0;
  for (const b of pending) {
    const clock = breachClock({ detectedAt: b.detectedAt, notifiedAt: null }, rules, now);
    const title = `Violation de données à notifier au responsable de traitement : ${countdownLabel(clock)}`;
    for (const u of await dataProtectionRecipients(db, b.platformId)) {
      if (await notify(db, u.id, { kind: "breach.deadline", title, link: u.canOpen ? `/rgpd/violations/${b.id}` : "/notifications", dueAt: clock.dueAt, dedupeKey: `breach.deadline:${b.id}:${parisDayKey(now)}` })) created++;
    }
  }
  return created;
}

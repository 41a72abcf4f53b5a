import "server-only";
// Daily reminders of what someone must act on, one function per kind: offers about to expire,
// upcoming events, subsidy deadlines, months to close. Delays that are business rules come from
// the active rule sets; each notification carries a dedupe key, so a job run again (or on
// another instance) notifies once, and notify() applies each person's channel choices.
import type { Db } from "@/lib/db";
import { logger } from "@/lib/logger";
import { currentMonth, monthDate, monthLabel } from "@/lib/indicators/period.rules";
import { eventReminderDue, EVENT_REMINDER_DAYS, monthToClose } from "@/lib/notifications/notification.rules";
import { notify } from "@/lib/notifications/notification.service";
import { goesStale, offerStaleness } from "@/lib/offers/offer.rules";
import { lastActivity } from "@/lib/offers/offer.service";
import { getActiveRuleSet } from "@/lib/rules/active-rule-set";
import { fileDeadlines, recruitmentCarriers } from "@/lib/subsidy/subsidy-compliance.rules";

const dayKey = (d: Date) => d.toISOString().slice(0, 10);
const frDate = (d: Date) => new Intl.DateTimeFormat("fr-FR", { timeZone: "Europe/Paris", day: "2-digit", month: "2-digit", year: "numeric" }).format(d);

/** Remembers each platform's recipients for one run (many offers or events share a platform). */
function perPlatform(load: (db: Db, platformId: string) => Promise<string[]>) {
  const seen = new Map<string, Promise<string[]>>();
  return (db: Db, platformId: string) => {
    let p = seen.get(platformId);
    if (!p) seen.set(platformId, (p = load(db, platformId)));
    return p;
  };
}

/** Active assistants and managers of a platform (its working team). */
async function platformTeam(db: Db, platformId: string): Promise<string[]> {
  const rows = await db.user.findMany({
    where: { active: true, role: { in: ["PLATFORM_ASSISTANT", "PLATFORM_MANAGER"] }, memberships: { some: { platformId } } },
    select: { id: true },
  });
  return rows.map((r) => r.id);
}

async function platformManagers(db: Db, platformId: string): Promise<string[]> {
  const rows = await db.user.findMany({ where: { active: true, role: "PLATFORM_MANAGER", memberships: { some: { platformId } } }, select: { id: true } });
  return rows.map((r) => r.id);
}

/** Région finance staff covering the platform (every platform, or a membership of it). */
async function financeFor(db: Db, platformId: string): Promise<string[]> {
  const rows = await db.user.findMany({
    where: { active: true, role: "REGION_FINANCE", OR: [{ allPlatforms: true }, { memberships: { some: { platformId } } }] },
    select: { id: true },
  });
  return rows.map((r) => r.id);
}

/** Open offers idle long enough to be in their expiry notice (OPERATIONS rule set) → the platform team. */
export async function notifyStaleOffers(db: Db, now: Date): Promise<number> {
  const rules = (await getActiveRuleSet(db, "OPERATIONS", now)).payload;
  const offers = await db.jobOffer.findMany({
    where: { status: { in: ["OPEN", "PARTIALLY_FILLED"] } },
    select: { id: true, platformId: true, status: true, title: true, updatedAt: true, company: { select: { name: true } }, proposals: { select: { statusChangedAt: true }, orderBy: { statusChangedAt: "desc" }, take: 1 } },
  });
  const team = perPlatform(platformTeam);
  let created = 0;
  for (const o of offers) {
    if (!goesStale(o.status)) continue;
    const s = offerStaleness(lastActivity(o), now, rules);
    if (s.state !== "STALE" || !s.noticeDue) continue;
    const title = `Offre sans activité, expirée le ${frDate(s.expiresOn)} sans nouvelle action : ${o.title} (${o.company.name})`;
    for (const userId of await team(db, o.platformId)) {
      // One notice per expiry date: new activity moves the date and earns a new notice later.
      if (await notify(db, userId, { kind: "offer.stale", title, link: `/offres/${o.id}`, dueAt: s.expiresOn, dedupeKey: `offer.stale:${o.id}:${dayKey(s.expiresOn)}` })) created++;
    }
  }
  return created;
}

/** Planned events in the next EVENT_REMINDER_DAYS days → the platform team (the organiser field is free text). */
export async function notifyUpcomingEvents(db: Db, now: Date, days = EVENT_REMINDER_DAYS): Promise<number> {
  const events = await db.circuitCourtEvent.findMany({
    where: { status: "PLANNED", date: { gte: now, lte: new Date(now.getTime() + days * 86_400_000) } },
    select: { id: true, platformId: true, title: true, date: true, place: true },
  });
  const team = perPlatform(platformTeam);
  let created = 0;
  for (const e of events) {
    if (!eventReminderDue(e.date, now, days)) continue;
    const title = `Événement le ${frDate(e.date)} : ${e.title} (${e.place})`;
    for (const userId of await team(db, e.platformId)) {
      if (await notify(db, userId, { kind: "event.reminder", title, link: `/evenements/${e.id}`, dueAt: e.date, dedupeKey: `event.reminder:${e.id}:${dayKey(e.date)}` })) created++;
    }
  }
  return created;
}

const FOLLOWED_FILES = ["AWARDED", "SIGNED", "CLOSED", "TERMINATING"] as const;
const FUNDER_LABEL = { REGION: "Région", FRANCE_TRAVAIL: "France Travail" } as const;

/**
 * Subsidy deadlines (DEADLINES rule set: financial report, team recruitment, tranches) coming
 * soon or late → the platform's managers and the Région finance staff. Notified once when the
 * deadline comes close and once more if it passes.
 */
export async function notifySubsidyDeadlines(db: Db, now: Date): Promise<number> {
  const rules = (await getActiveRuleSet(db, "DEADLINES", now)).payload;
  const files = await db.subsidyFile.findMany({
    where: { status: { in: [...FOLLOWED_FILES] } },
    select: {
      id: true, platformId: true, year: true, funder: true, status: true, fiscalYearEnd: true, financialReportReceivedAt: true, notifiedAt: true, teamRecruitedAt: true, formalNoticeAt: true, terminationEffectiveAt: true,
      platform: { select: { name: true, notificationDate: true } },
      tranches: { select: { rank: true, label: true, dueAt: true, status: true } },
    },
  });
  let created = 0;
  const cadres = recruitmentCarriers(files.map((f) => ({ ...f, platformNotificationDate: f.platform.notificationDate })));
  for (const f of files) {
    // Same reading as the deadlines page: a closed file has only its financial report left; the
    // recruitment deadline is the convention cadre's, once per platform (recruitmentCarriers).
    const deadlines = fileDeadlines(f.status === "CLOSED" ? { ...f, tranches: [], cadre: null } : { ...f, cadre: cadres.get(f.id) ?? null }, rules, now);
    const due = deadlines.filter((d) => d.state === "SOON" || d.state === "LATE");
    if (due.length === 0) continue;
    const people = [...new Set([...(await platformManagers(db, f.platformId)), ...(await financeFor(db, f.platformId))])];
    for (const d of due) {
      const when = d.state === "LATE" ? `en retard depuis le ${frDate(d.dueAt)}` : `à rendre le ${frDate(d.dueAt)}`;
      const title = `Subvention ${FUNDER_LABEL[f.funder]} ${f.year} (${f.platform.name}) : ${d.label} ${when}`;
      const what = d.label.replace(/[^A-Za-z0-9]+/g, "-").toLowerCase();
      for (const userId of people) {
        const dedupeKey = `subsidy.deadline:${f.id}:${d.kind}:${what}:${dayKey(d.dueAt)}:${d.state}`;
        if (await notify(db, userId, { kind: "subsidy.deadline", title, link: `/financement/${f.id}`, dueAt: d.dueAt, dedupeKey })) created++;
      }
    }
  }
  return created;
}

/**
 * The month just ended and not yet closed, from monthCloseReminderDays after its end
 * (OPERATIONS rule set) → the managers of each active platform concerned.
 */
export async function notifyMonthsToClose(db: Db, now: Date): Promise<number> {
  const rules = (await getActiveRuleSet(db, "OPERATIONS", now)).payload;
  const month = monthToClose(now, rules.monthCloseReminderDays);
  if (!month || month >= currentMonth(now)) return 0;
  const open = await db.platform.findMany({
    where: { active: true, snapshots: { none: { month: monthDate(month), supersededAt: null } } },
    select: { id: true, name: true },
  });
  let created = 0;
  for (const p of open) {
    const title = `Bilan de ${monthLabel(month)} à clôturer (${p.name})`;
    for (const userId of await platformManagers(db, p.id)) {
      if (await notify(db, userId, { kind: "month.close", title, link: `/bilans?platformId=${p.id}&month=${month}`, dedupeKey: `month.close:${p.id}:${month}` })) created++;
    }
  }
  return created;
}

/** The daily reminders job (lib/jobs/registry.ts). Each kind runs even when another fails (e.g. a missing rule set). */
export async function generateDailyReminders(db: Db, now = new Date()): Promise<Record<string, number>> {
  const kinds = { staleOffers: notifyStaleOffers, events: notifyUpcomingEvents, subsidyDeadlines: notifySubsidyDeadlines, monthsToClose: notifyMonthsToClose };
  const counts: Record<string, number> = {};
  const failures: string[] = [];
  for (const [name, run] of Object.entries(kinds)) {
    try {
      counts[name] = await run(db, now);
    } catch (err) {
      failures.push(`${name}: ${err instanceof Error ? err.message : String(err)}`);
      logger.error({ err, kind: name }, "notification reminders failed");
    }
  }
  if (failures.length) throw new Error(`Rappels non générés — ${failures.join(" ; ")}`);
  return counts;
}

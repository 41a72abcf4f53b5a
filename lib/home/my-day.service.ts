import "server-only";
// "Ma journée": the first screen of a platform assistant or manager — callbacks due, their next
// visits and the follow-up actions due within the week, each through scopeFor(). Days are Paris
// days (lib/paris-day.ts), never the server's.
import type { CurrentUser } from "@/lib/auth/principal";
import { scopeFor } from "@/lib/authz/policy";
import { callbackUrgency, type CallbackUrgency } from "@/lib/callbacks/callback.rules";
import type { Db } from "@/lib/db";
import { openIntakeWhere } from "@/lib/intake/intake-staff.service";
import { addParisDays, parisEndOfDay, parisStartOfDay } from "@/lib/paris-day";

/** Horizon of the lists; a screen layout choice (one working week), not a business rule. */
const HORIZON_DAYS = 7;
const LIST_SIZE = 8;

export interface MyDayCallback { id: string; companyId: string; companyName: string; dueAt: string; urgency: CallbackUrgency; attemptCount: number }
export interface MyDayVisit { id: string; companyId: string; companyName: string; date: string; timeSet: boolean; purpose: string }
export interface MyDayFollowUp { id: string; companyId: string; companyName: string; label: string; dueAt: string; overdue: boolean; mine: boolean }
export interface MyDayIntake { id: string; kind: "ENTREPRISE" | "PERSONNE"; title: string; communeName: string; submittedAt: string; preferredSlot: string | null }
export interface MyDayList<T> { items: T[]; total: number }
export interface MyDay {
  /** Issue 23: requests left on the public forms, waiting for the platform (shown first). */
  intake: MyDayList<MyDayIntake>;
  callbacks: MyDayList<MyDayCallback>;
  visits: MyDayList<MyDayVisit>;
  followUps: MyDayList<MyDayFollowUp>;
}

const empty = { items: [], total: 0 };

type Where = Record<string, unknown>;

/**
 * The two work queues of « Ma journée », defined once: the home counters (lib/home/home.service.ts)
 * count exactly these rows, so a counter always agrees with the list it opens (issue 14 §6).
 * `null`: the user may not see that queue.
 */
export function callbackQueueWhere(user: CurrentUser, now: Date): Where | null {
  const scope = scopeFor(user, "callback");
  return scope ? { AND: [scope, { status: "A_RAPPELER" as const, dueAt: { lte: parisEndOfDay(now) } }] } : null;
}

/** Follow-up actions not done, due within the week (or late), assigned to the user or to nobody. */
export function followUpQueueWhere(user: CurrentUser, now: Date): Where | null {
  const scope = scopeFor(user, "followUp");
  const horizon = parisEndOfDay(addParisDays(now, HORIZON_DAYS));
  return scope ? { AND: [scope, { doneAt: null, dueAt: { lte: horizon } }, { OR: [{ assignedToId: user.id }, { assignedToId: null }] }] } : null;
}

export async function myDay(db: Db, user: CurrentUser, now = new Date()): Promise<MyDay> {
  const visitScope = scopeFor(user, "visit");
  const horizon = parisEndOfDay(addParisDays(now, HORIZON_DAYS));

  const callbacks = async (): Promise<MyDayList<MyDayCallback>> => {
    const where = callbackQueueWhere(user, now);
    if (!where) return empty;
    // Queue order: the oldest due date first, so overdue callbacks lead.
    const [total, rows] = await Promise.all([
      db.numeroVertCallback.count({ where }),
      db.numeroVertCallback.findMany({ where, orderBy: [{ dueAt: "asc" }, { id: "asc" }], take: LIST_SIZE, select: { id: true, companyId: true, dueAt: true, status: true, attemptCount: true, company: { select: { name: true } } } }),
    ]);
    return { total, items: rows.map((r) => ({ id: r.id, companyId: r.companyId, companyName: r.company.name, dueAt: r.dueAt.toISOString(), urgency: callbackUrgency(r, now), attemptCount: r.attemptCount })) };
  };

  const visits = async (): Promise<MyDayList<MyDayVisit>> => {
    if (!visitScope) return empty;
    const where = { AND: [visitScope, { staff: { some: { userId: user.id } } }, { date: { gte: parisStartOfDay(now), lte: horizon } }] };
    const [total, rows] = await Promise.all([
      db.visit.count({ where }),
      db.visit.findMany({ where, orderBy: [{ date: "asc" }, { id: "asc" }], take: LIST_SIZE, select: { id: true, companyId: true, date: true, timeSet: true, purpose: true, company: { select: { name: true } } } }),
    ]);
    return { total, items: rows.map((r) => ({ id: r.id, companyId: r.companyId, companyName: r.company.name, date: r.date.toISOString(), timeSet: r.timeSet, purpose: r.purpose })) };
  };

  const followUps = async (): Promise<MyDayList<MyDayFollowUp>> => {
    const where = followUpQueueWhere(user, now);
    if (!where) return empty;
    const [total, rows] = await Promise.all([
      db.followUpAction.count({ where }),
      // Oldest due first: overdue actions come before those due this week. Overdue: due before today
      // in Paris (an action due today, a day stored at midnight UTC, is not late yet).
      db.followUpAction.findMany({ where, orderBy: [{ dueAt: "asc" }, { id: "asc" }], take: LIST_SIZE, select: { id: true, companyId: true, label: true, dueAt: true, assignedToId: true, company: { select: { name: true } } } }),
    ]);
    const todayStart = parisStartOfDay(now);
    return {
      total,
      items: rows.map((r) => ({ id: r.id, companyId: r.companyId, companyName: r.company.name, label: r.label, dueAt: r.dueAt.toISOString(), overdue: r.dueAt < todayStart, mine: r.assignedToId === user.id })),
    };
  };

  // No person's name in the list (the detail page's read is the audited one): the company's name
  // (not personal data) or « Personne » with the commune.
  const intake = async (): Promise<MyDayList<MyDayIntake>> => {
    const where = openIntakeWhere(user);
    if (!where) return empty;
    const [total, rows] = await Promise.all([
      db.intakeRequest.count({ where }),
      db.intakeRequest.findMany({ where, orderBy: [{ submittedAt: "asc" }, { id: "asc" }], take: LIST_SIZE, select: { id: true, kind: true, companyId: true, communeName: true, submittedAt: true, preferredSlot: true } }),
    ]);
    const companyIds = rows.map((r) => r.companyId).filter((id): id is string => !!id);
    const companies = companyIds.length ? await db.company.findMany({ where: { id: { in: companyIds } }, select: { id: true, name: true } }) : [];
    const names = new Map(companies.map((c) => [c.id, c.name]));
    return {
      total,
      items: rows.map((r) => ({
        id: r.id, kind: r.kind, communeName: r.communeName, submittedAt: r.submittedAt.toISOString(), preferredSlot: r.preferredSlot,
        title: r.kind === "ENTREPRISE" ? `Entreprise : ${(r.companyId && names.get(r.companyId)) ?? "—"}` : "Personne qui cherche un emploi",
      })),
    };
  };

  const [i, c, v, f] = await Promise.all([intake(), callbacks(), visits(), followUps()]);
  return { intake: i, callbacks: c, visits: v, followUps: f };
}

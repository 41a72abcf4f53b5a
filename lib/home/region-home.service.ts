import "server-only";
// Homes of the Région roles (issue 17 §2): what needs attention, each line linking to where it is
// dealt with. Every read goes through the same scoped services as the screens it links to.
import { parseExpression } from "cron-parser";
import type { AttentionItem } from "@/components/ui/attention-list";
import type { CurrentUser } from "@/lib/auth/principal";
import { scopeFor } from "@/lib/authz/policy";
import { bilanPlatforms } from "@/lib/bilans/bilan.query";
import { objectivePosition, OBJECTIVE_STATE_LABELS } from "@/lib/bilans/headline.rules";
import type { Db } from "@/lib/db";
import { env } from "@/lib/env";
import { UnprocessableError } from "@/lib/errors";
import { formatCents, formatDate, formatDateTime } from "@/lib/format";
import { daysText, monthsPastCloseReminder } from "@/lib/home/region-home.rules";
import { currentMonth, monthDate, monthLabel } from "@/lib/indicators/period.rules";
import { objectivesVsTargets } from "@/lib/objectives/objective.service";
import { breachListQuerySchema } from "@/lib/rights/breach.schema";
import { listBreaches } from "@/lib/rights/breach.service";
import { rightsListQuerySchema } from "@/lib/rights/rights.schema";
import { listRightsRequests } from "@/lib/rights/rights.service";
import { getActiveRuleSet } from "@/lib/rules/active-rule-set";
import { listDeadlines } from "@/lib/subsidy/subsidy-compliance.service";

const DAY_MS = 86_400_000;
const daysBetween = (from: Date, to: Date) => Math.floor((to.getTime() - from.getTime()) / DAY_MS);

export interface ReferentHome {
  monthsToClose: AttentionItem[];
  belowObjectives: AttentionItem[];
  year: number;
}

export async function referentHome(db: Db, user: CurrentUser, now: Date): Promise<ReferentHome> {
  const platforms = await bilanPlatforms(db, user);
  const ops = (await getActiveRuleSet(db, "OPERATIONS", now)).payload;
  const overdue = monthsPastCloseReminder(now, ops.monthCloseReminderDays);
  const closed = overdue.length === 0 ? [] : await db.monthlySnapshot.findMany({
    where: { platformId: { in: platforms.map((p) => p.id) }, supersededAt: null, month: { in: overdue.map((m) => monthDate(m.month)) } },
    select: { platformId: true, month: true },
  });
  const isClosed = new Set(closed.map((s) => `${s.platformId}|${s.month.toISOString().slice(0, 7)}`));
  const monthsToClose: AttentionItem[] = [];
  for (const m of overdue) for (const p of platforms) {
    if (isClosed.has(`${p.id}|${m.month}`)) continue;
    monthsToClose.push({
      id: `${p.id}-${m.month}`, label: `${p.name} : bilan de ${monthLabel(m.month)} non clôturé`,
      href: `/bilans?platformId=${p.id}&period=month&month=${m.month}`, detail: daysText(-Math.max(1, m.daysLate)), tone: "bad",
    });
  }
  const year = Number(currentMonth(now).slice(0, 4));
  const elapsed = Number(currentMonth(now).slice(5, 7));
  const belowObjectives: AttentionItem[] = [];
  for (const p of platforms) {
    const view = await objectivesVsTargets(db, user, p.id, year, now);
    for (const r of view.rows) {
      const pos = objectivePosition(r.target, r.achieved, elapsed);
      if (pos.state === "ahead") continue;
      belowObjectives.push({
        id: `${p.id}-${r.key}`, label: `${p.name} : ${r.label} (${r.achieved} sur ${r.target} en ${year})`,
        href: `/bilans?platformId=${p.id}&period=year&month=${currentMonth(now)}`,
        detail: `${OBJECTIVE_STATE_LABELS[pos.state]} : ${pos.percentOfExpected} % de l'attendu à date`, tone: pos.state === "behind" ? "bad" : "warn",
      });
    }
  }
  belowObjectives.sort((a, b) => (a.tone === b.tone ? a.label.localeCompare(b.label, "fr") : a.tone === "bad" ? -1 : 1));
  return { monthsToClose, belowObjectives, year };
}

export interface FinanceHome {
  claimable: AttentionItem[];
  toPay: AttentionItem[];
  lateReports: AttentionItem[];
  refunds: AttentionItem[];
  deadlinesUnavailable: boolean;
}

const FUNDER = { REGION: "Région", FRANCE_TRAVAIL: "France Travail" } as Record<string, string>;

export async function financeHome(db: Db, user: CurrentUser, now: Date): Promise<FinanceHome> {
  const scope = scopeFor(user, "subsidyFile");
  const fileWhere = scope ?? { id: { in: [] } };
  const tranches = await db.tranche.findMany({
    where: { status: { in: ["DUE", "REQUESTED"] }, subsidyFile: fileWhere },
    select: { id: true, rank: true, label: true, amountCents: true, dueAt: true, status: true, claimedAt: true, subsidyFile: { select: { id: true, year: true, funder: true, platform: { select: { name: true } } } } },
    orderBy: [{ dueAt: "asc" }, { rank: "asc" }],
  });
  const line = (t: (typeof tranches)[number]) => `${t.subsidyFile.platform.name} ${t.subsidyFile.year} (${FUNDER[t.subsidyFile.funder]}) : ${t.label}, ${formatCents(t.amountCents)}`;
  const claimable = tranches.filter((t) => t.status === "DUE").map((t): AttentionItem => ({
    id: t.id, label: line(t), href: `/financement/${t.subsidyFile.id}#tranches`,
    detail: t.dueAt ? `exigible ; échéance ${formatDate(t.dueAt)}` : "exigible", tone: t.dueAt && t.dueAt < now ? "bad" : "warn",
  }));
  const toPay = tranches.filter((t) => t.status === "REQUESTED").map((t): AttentionItem => ({
    id: t.id, label: line(t), href: `/financement/${t.subsidyFile.id}#tranches`,
    detail: t.claimedAt ? `demandée le ${formatDate(t.claimedAt)} : versement à enregistrer` : "versement à enregistrer", tone: "warn",
  }));
  let deadlinesUnavailable = false;
  const deadlines = await listDeadlines(db, user, now).catch((e: unknown) => {
    // No DEADLINES rule set in force: the home still opens and says so.
    if (e instanceof UnprocessableError || (e instanceof Error && e.name === "NotFoundError")) { deadlinesUnavailable = true; return []; }
    throw e;
  });
  const lateReports = deadlines.filter((d) => d.kind !== "TRANCHE" && (d.state === "LATE" || d.state === "SOON")).map((d, i): AttentionItem => ({
    id: `${d.file.id}-${i}`, label: `${d.file.platform} ${d.file.year} (${FUNDER[d.file.funder]}) : ${d.label}`, href: `/financement/${d.file.id}#echeances`,
    detail: `${daysText(d.daysLeft)} (${formatDate(d.dueAt)})`, tone: d.state === "LATE" ? "bad" : "warn",
  }));
  const refundRows = await db.refundOrder.findMany({
    where: { status: "ISSUED", subsidyFile: fileWhere },
    select: { id: true, number: true, amountCents: true, dueAt: true, subsidyFile: { select: { id: true, year: true, platform: { select: { name: true } } } } },
    orderBy: { dueAt: "asc" },
  });
  const refunds = refundRows.map((r): AttentionItem => ({
    id: r.id, label: `${r.subsidyFile.platform.name} ${r.subsidyFile.year} : ordre de reversement ${r.number}, ${formatCents(r.amountCents)}`,
    href: `/financement/${r.subsidyFile.id}/reversements/${r.id}`, detail: `${daysText(daysBetween(now, r.dueAt))} (${formatDate(r.dueAt)})`, tone: r.dueAt < now ? "bad" : "warn",
  }));
  return { claimable, toPay, lateReports, refunds, deadlinesUnavailable };
}

export interface DpoHome {
  rights: AttentionItem[];
  breaches: AttentionItem[];
  retention: { nextRunAt: string | null; cron: string; lastRun: { at: string; status: string; dryRun: boolean; counts: Record<string, number> } | null; lastDryRun: { id: string; at: string; counts: Record<string, number> } | null };
  auditChain: { at: string; ok: boolean; checked: number; firstBrokenId: number | null } | null;
}

const RIGHTS_KIND: Record<string, string> = {
  ACCESS: "Demande d'accès", RECTIFICATION: "Demande de rectification", ERASURE: "Demande d'effacement", RESTRICTION: "Demande de limitation",
  OBJECTION: "Demande d'opposition", PORTABILITY: "Demande de portabilité",
};

export async function dpoHome(db: Db, user: CurrentUser, now: Date): Promise<DpoHome> {
  const rights = await listRightsRequests(db, user, rightsListQuerySchema.parse({ status: "open", pageSize: 200 }), now);
  const rightsItems = rights.items
    .filter((r) => r.next)
    .sort((a, b) => (a.next!.remainingMs ?? 0) - (b.next!.remainingMs ?? 0))
    .map((r): AttentionItem => ({
      id: r.id, label: `${RIGHTS_KIND[r.kind] ?? r.kind} — ${r.jobSeeker?.name ?? r.requesterName ?? "demandeur non identifié"}${r.platform ? ` (${r.platform})` : ""}`,
      href: `/rgpd/demandes/${r.id}`, detail: `${r.next!.label} : ${r.next!.countdown}`, tone: r.next!.overdue ? "bad" : "warn",
    }));
  const breaches = await listBreaches(db, user, breachListQuerySchema.parse({ pageSize: 200 }), now);
  const breachItems = breaches.items
    .filter((b) => b.status !== "CLOSED")
    .sort((a, b) => (a.notifiedAt ? 1 : 0) - (b.notifiedAt ? 1 : 0) || (a.remainingMs ?? 0) - (b.remainingMs ?? 0))
    .map((b): AttentionItem => ({
      id: b.id, label: `Violation détectée le ${formatDateTime(b.detectedAt)} : ${b.nature}`, href: `/rgpd/violations/${b.id}`,
      detail: b.notifiedAt ? `notifiée le ${formatDateTime(b.notifiedAt)}, à clore` : `notification : ${b.countdown}`, tone: b.notifiedAt ? "neutral" : b.overdue ? "bad" : "warn",
    }));
  let nextRunAt: string | null = null;
  try {
    nextRunAt = parseExpression(env.RETENTION_CRON, { currentDate: now, tz: env.JOBS_TIMEZONE }).next().toDate().toISOString();
  } catch {
    nextRunAt = null;
  }
  const runSelect = { id: true, startedAt: true, status: true, dryRun: true, counts: true } as const;
  const [lastRun, lastDryRun, verify] = await Promise.all([
    db.purgeRun.findFirst({ where: { dryRun: false }, orderBy: { startedAt: "desc" }, select: runSelect }),
    db.purgeRun.findFirst({ where: { dryRun: true }, orderBy: { startedAt: "desc" }, select: runSelect }),
    db.jobRun.findFirst({ where: { name: "audit-verify", finishedAt: { not: null } }, orderBy: { startedAt: "desc" }, select: { startedAt: true, ok: true, result: true } }),
  ]);
  const counts = (c: unknown) => (c && typeof c === "object" ? (c as Record<string, number>) : {});
  const vr = counts(verify?.result);
  return {
    rights: rightsItems,
    breaches: breachItems,
    retention: {
      nextRunAt, cron: env.RETENTION_CRON,
      lastRun: lastRun ? { at: lastRun.startedAt.toISOString(), status: lastRun.status, dryRun: false, counts: counts(lastRun.counts) } : null,
      lastDryRun: lastDryRun ? { id: lastDryRun.id, at: lastDryRun.startedAt.toISOString(), counts: counts(lastDryRun.counts) } : null,
    },
    auditChain: verify ? { at: verify.startedAt.toISOString(), ok: verify.ok === true && !vr.broken, checked: vr.checked ?? 0, firstBrokenId: vr.broken ? (vr.firstBrokenId ?? null) : null } : null,
  };
}

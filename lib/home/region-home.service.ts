import "server-only";
// Homes of the Région roles (issue 17 §2): what needs attention, each line linking to where it is
// dealt with. Every read goes through the same scoped services as the screens it links to.
import { parseExpression } from "cron-parser";
import type { AttentionItem } from "@/components/ui/attention-list";
import type { CurrentUser } from "@/lib/auth/principal";
import { unsealedAudit } from "@/lib/audit/audit-sealer";
import { scopeFor } from "@/lib/authz/policy";
import { bilanPlatforms } from "@/lib/bilans/bilan.query";
import { objectivePosition, OBJECTIVE_STATE_LABELS } from "@/lib/bilans/headline.rules";
import type { Db } from "@/lib/db";
import { env } from "@/lib/env";
import { UnprocessableError } from "@/lib/errors";
import { formatCents, formatDate, formatDateTime } from "@/lib/format";
import { daysText, documentLabel, lateDocuments, monthsPastCloseReminder } from "@/lib/home/region-home.rules";
import { addMonths, currentMonth, monthDate, monthLabel, type MonthKey } from "@/lib/indicators/period.rules";
import { objectivesVsTargets } from "@/lib/objectives/objective.service";
import { breachListQuerySchema } from "@/lib/rights/breach.schema";
import { listBreaches } from "@/lib/rights/breach.service";
import { rightsListQuerySchema } from "@/lib/rights/rights.schema";
import { listRightsRequests } from "@/lib/rights/rights.service";
import { getActiveRuleSet } from "@/lib/rules/active-rule-set";
import { regionDocumentDeadlines } from "@/lib/subsidy/report-deadline.service";
import { deMinimisForFile, listDeadlines } from "@/lib/subsidy/subsidy-compliance.service";
import { parisDate } from "@/lib/paris-day";

const DAY_MS = 86_400_000;
const daysBetween = (from: Date, to: Date) => Math.floor((to.getTime() - from.getTime()) / DAY_MS);

export interface ReferentHome {
  monthsToClose: AttentionItem[];
  /**
   * « Dossiers en attente de votre revue » (issue 17 §2): what the referent reviews is the monthly
   * bilan a platform closed (DOMAIN.md §1: the referent « validates bilans »), not the subsidy
   * files (REGION_FINANCE instructs those; the referent has no subsidy permission).
   */
  bilansToReview: AttentionItem[];
  belowObjectives: AttentionItem[];
  /**
   * « Documents en retard » (issue 17 §2): documents the portfolio's platforms owe the Région past
   * their deadline (lib/home/region-home.rules.ts, lateDocuments), each linking to the platform's page
   * where the referent reads its documents' due dates (`reportDeadline.read`, dates only).
   */
  lateDocuments: AttentionItem[];
  /** No DEADLINES rule set in force: the late documents cannot be computed (the home says so). */
  documentsUnavailable: boolean;
  year: number;
}

/** Closed months still awaiting the referent's review are looked for over this many ended months. */
export const REVIEW_LOOKBACK_MONTHS = 6;

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
  // Bilans the platforms closed over the last ended months that the referent has not reviewed yet.
  const unreviewed = await db.monthlySnapshot.findMany({
    where: {
      platformId: { in: platforms.map((p) => p.id) }, supersededAt: null, reviewedAt: null,
      month: { gte: monthDate(addMonths(currentMonth(now), -REVIEW_LOOKBACK_MONTHS)) },
    },
    select: { id: true, platformId: true, month: true, closedAt: true },
    orderBy: [{ month: "asc" }, { closedAt: "asc" }],
  });
  const platformName = new Map(platforms.map((p) => [p.id, p.name]));
  const bilansToReview = unreviewed.map((s): AttentionItem => {
    const month = s.month.toISOString().slice(0, 7) as MonthKey;
    return {
      id: s.id, label: `${platformName.get(s.platformId!) ?? "Plateforme"} : bilan de ${monthLabel(month)} à relire`,
      href: `/bilans?platformId=${s.platformId}&period=month&month=${month}#close-title`,
      // Waiting more than a month after its closing: shown as late.
      detail: `clôturé le ${formatDate(s.closedAt)}`,
      tone: daysBetween(s.closedAt, now) > 30 ? "bad" : "warn",
    };
  });
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
  let documentsUnavailable = false;
  const documents = await regionDocumentDeadlines(db, user, platforms.map((p) => p.id), now).catch((e: unknown) => {
    if (e instanceof UnprocessableError) { documentsUnavailable = true; return []; }
    throw e;
  });
  // Oldest due date first; the same day, by platform name.
  const lateDocs = lateDocuments(documents ?? [])
    .map((d) => ({ d, name: platformName.get(d.platformId) ?? "Plateforme" }))
    .sort((a, b) => a.d.dueAt.getTime() - b.d.dueAt.getTime() || a.name.localeCompare(b.name, "fr"))
    .map(({ d, name }): AttentionItem => ({
      id: `${d.platformId}-${d.kind}-${d.year}`,
      label: `${name} : ${documentLabel(d)} non transmis`,
      href: `/plateformes/${d.platformId}#documents-dus`,
      detail: `attendu le ${formatDate(d.dueAt)}, ${daysText(d.daysLeft)}`, tone: "bad",
    }));
  return { monthsToClose, bilansToReview, belowObjectives, lateDocuments: lateDocs, documentsUnavailable, year };
}

export interface FinanceHome {
  claimable: AttentionItem[];
  toPay: AttentionItem[];
  lateReports: AttentionItem[];
  refunds: AttentionItem[];
  /** Files before approval whose award would take the carrying structure past the de minimis ceiling. */
  deMinimis: AttentionItem[];
  deadlinesUnavailable: boolean;
}

const FUNDER = { REGION: "Région", FRANCE_TRAVAIL: "France Travail" } as Record<string, string>;

export async function financeHome(db: Db, user: CurrentUser, now: Date): Promise<FinanceHome> {
  // Due days (DATE columns, midnight UTC) against today in Paris: late from the day after, not from
  // 00:00 UTC on the due day.
  const today = parisDate(now);
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
    detail: t.dueAt ? `exigible ; échéance ${formatDate(t.dueAt)}` : "exigible", tone: t.dueAt && t.dueAt < today ? "bad" : "warn",
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
    href: `/financement/${r.subsidyFile.id}/reversements/${r.id}`, detail: `${daysText(daysBetween(today, r.dueAt))} (${formatDate(r.dueAt)})`, tone: r.dueAt < today ? "bad" : "warn",
  }));
  // De minimis (issue 17 §2): each file awaiting its decision, its requested amount added to the aid
  // already awarded to the same carrying structure over the rule set's window (deMinimisForFile, the
  // check the file page shows); a line when the ceiling would be exceeded.
  const pending = await db.subsidyFile.findMany({
    where: { AND: [fileWhere, { status: { in: ["SUBMITTED", "UNDER_REVIEW"] } }] },
    select: { id: true, year: true, funder: true, requestedCents: true, platform: { select: { name: true, carryingStructureSiret: true } } },
    orderBy: [{ year: "asc" }, { id: "asc" }],
  });
  const deMinimis: AttentionItem[] = [];
  for (const f of pending) {
    const check = await deMinimisForFile(db, f, Number(f.requestedCents), now).catch((e: unknown) => {
      // No FRANCE_TRAVAIL rule set in force: nothing to compare with (the file page says the same).
      if (e instanceof UnprocessableError || (e instanceof Error && e.name === "NotFoundError")) return null;
      throw e;
    });
    if (!check?.exceeded) continue;
    deMinimis.push({
      id: f.id, label: `${f.platform.name} ${f.year} (${FUNDER[f.funder]}) : plafond de minimis dépassé`, href: `/financement/${f.id}#budget`,
      detail: `${formatCents(check.totalCents)} sur ${formatCents(check.ceilingCents)} (montant demandé compris)`, tone: "bad",
    });
  }
  return { claimable, toPay, lateReports, refunds, deMinimis, deadlinesUnavailable };
}

export interface DpoHome {
  rights: AttentionItem[];
  breaches: AttentionItem[];
  retention: { nextRunAt: string | null; cron: string; lastRun: { at: string; status: string; dryRun: boolean; counts: Record<string, number> } | null; lastDryRun: { id: string; at: string; counts: Record<string, number> } | null };
  auditChain: { at: string; ok: boolean; checked: number; firstBrokenId: number | null; lateSeal: boolean } | null;
  /** Events waiting to be sealed now (issue 18); `late`: the oldest waits longer than the verification accepts. */
  auditUnsealed: { count: number; oldestAt: string | null; late: boolean };
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
  const [lastRun, lastDryRun, verify, unsealed] = await Promise.all([
    db.purgeRun.findFirst({ where: { dryRun: false }, orderBy: { startedAt: "desc" }, select: runSelect }),
    db.purgeRun.findFirst({ where: { dryRun: true }, orderBy: { startedAt: "desc" }, select: runSelect }),
    db.jobRun.findFirst({ where: { name: "audit-verify", finishedAt: { not: null } }, orderBy: { startedAt: "desc" }, select: { startedAt: true, ok: true, result: true } }),
    unsealedAudit(db),
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
    auditChain: verify
      ? { at: verify.startedAt.toISOString(), ok: verify.ok === true && !vr.broken, checked: vr.checked ?? 0, firstBrokenId: vr.broken ? (vr.firstBrokenId ?? null) : null, lateSeal: vr.lateSeal === 1 }
      : null,
    auditUnsealed: {
      count: unsealed.count,
      oldestAt: unsealed.oldestAt?.toISOString() ?? null,
      late: unsealed.oldestAt !== null && now.getTime() - unsealed.oldestAt.getTime() > env.AUDIT_SEAL_MAX_DELAY_MINUTES * 60_000,
    },
  };
}

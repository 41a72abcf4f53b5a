import "server-only";
// Deadlines dashboard, open-data export and de minimis check, each reading its rule set and
// scoped with scopeFor(). The export is audited (a publication is an act of the Région).
import type { CurrentUser } from "@/lib/auth/principal";
import { scopeFor } from "@/lib/authz/policy";
import { recordAudit } from "@/lib/audit/audit.service";
import type { Db, DbOrTx } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { ForbiddenError } from "@/lib/errors";
import { getActiveRuleSet } from "@/lib/rules/active-rule-set";
import { rulesForFile } from "@/lib/subsidy/subsidy-file.repo";
import { computeWithholding, type WithholdingResult } from "@/lib/subsidy/tranche.rules";
import {
  deMinimisCheck, fileDeadlines, isPublishable, recruitmentCarriers, toScdlRecord, type Deadline, type DeMinimisResult, type ScdlRecord,
} from "@/lib/subsidy/subsidy-compliance.rules";

export interface DeadlineRow extends Omit<Deadline, "dueAt"> {
  dueAt: string;
  /** Financial report rows: where the formal notice / withholding stands (convention cadre art. 7). */
  withholding?: WithholdingResult;
  /** Tranche rows: status (DUE = claimable, REQUESTED = claimed by the platform). */
  trancheStatus?: string;
  file: { id: string; year: number; funder: string; platform: string };
}

/** Files whose deadlines are followed (before the award there is nothing due yet). */
export const FOLLOWED = ["AWARDED", "SIGNED", "CLOSED", "TERMINATING"] as const;

/** What is due or late on the files `user` may see (done items left out), soonest first. */
export async function listDeadlines(db: Db, user: CurrentUser, now = new Date()): Promise<DeadlineRow[]> {
  const scope = scopeFor(user, "subsidyFile");
  if (!scope) throw new ForbiddenError();
  const { payload: rules } = await getActiveRuleSet(db, "DEADLINES", now);
  const files = await db.subsidyFile.findMany({
    where: { AND: [scope, { status: { in: [...FOLLOWED] } }] },
    select: {
      id: true, platformId: true, year: true, funder: true, status: true, awardedCents: true, fiscalYearEnd: true, financialReportReceivedAt: true, notifiedAt: true, teamRecruitedAt: true, formalNoticeAt: true,
      terminationEffectiveAt: true, finalReviewMeetingAt: true, finalReportAt: true, ruleSetId: true, fundingRateBp: true,
      platform: { select: { name: true, notificationDate: true } },
      tranches: { select: { rank: true, label: true, dueAt: true, status: true } },
      payments: { select: { amountCents: true } },
    },
  });
  const cadres = recruitmentCarriers(files.map((f) => ({ ...f, platformId: f.platformId, platformNotificationDate: f.platform.notificationDate })));
  const rows: DeadlineRow[] = [];
  for (const f of files) {
    // A closed file has nothing left to chase but its financial report.
    // France Travail art. 5: the final bilan's due date comes from the file's own rule set.
    const ftFinalBilan = f.funder === "FRANCE_TRAVAIL" && f.status !== "CLOSED"
      ? await rulesForFile(db, f, now).then((rs) => (rs.funder === "FRANCE_TRAVAIL" ? { meetingAt: f.finalReviewMeetingAt, reportAt: f.finalReportAt, monthsBefore: rs.rules.finalBilanMonthsBeforeMeeting } : null))
      : null;
    const deadlines = fileDeadlines(f.status === "CLOSED" ? { ...f, tranches: [], cadre: null } : { ...f, ftFinalBilan, cadre: cadres.get(f.id) ?? null }, rules, now);
    for (const d of deadlines) {
      if (d.state === "DONE") continue;
      const extra: Partial<DeadlineRow> = {};
      if (d.kind === "FINANCIAL_REPORT") {
        const paidCents = f.payments.reduce((s, p) => s + Number(p.amountCents), 0);
        extra.withholding = computeWithholding({ ...f, awardedCents: f.awardedCents === null ? null : Number(f.awardedCents), paidCents }, rules, d.dueAt, now);
      }
      if (d.kind === "TRANCHE") extra.trancheStatus = f.tranches.find((t) => d.label.startsWith(`Tranche ${t.rank} `))?.status;
      rows.push({ ...d, ...extra, dueAt: d.dueAt.toISOString().slice(0, 10), file: { id: f.id, year: f.year, funder: f.funder, platform: f.platform.name } });
    }
  }
  return rows.sort((a, b) => a.dueAt.localeCompare(b.dueAt));
}

export interface OpenDataSet {
  records: ScdlRecord[];
  /** Signed conventions left out because their rule set has no threshold or no attributor SIRET. */
  unconfigured: number;
  /** Latest change of anything the rows are made of (files, their platforms): the HTTP Last-Modified. */
  lastModified: Date;
}

/**
 * Essential data of the signed conventions strictly above the open-data threshold (décret
 * 2017-779), one SCDL row each, among the files `where` selects. Nothing personal goes in: the
 * beneficiary is the carrying structure, the object names the platform and the year.
 */
async function collectOpenData(db: Db, where: Prisma.SubsidyFileWhereInput, now: Date): Promise<OpenDataSet> {
  const files = await db.subsidyFile.findMany({
    where: { AND: [where, { status: { in: ["SIGNED", "CLOSED"] }, signedAt: { not: null }, awardedCents: { not: null } }] },
    orderBy: [{ signedAt: "asc" }, { id: "asc" }],
    include: {
      platform: { select: { name: true, carryingStructureName: true, carryingStructureSiret: true, updatedAt: true } },
      tranches: { select: { dueAt: true } },
    },
  });
  const records: ScdlRecord[] = [];
  let unconfigured = 0;
  let lastModified = new Date(0);
  for (const f of files) {
    for (const d of [f.updatedAt, f.platform.updatedAt]) if (d > lastModified) lastModified = d;
    const rs = await rulesForFile(db, f, now);
    const threshold = rs.rules.openDataThresholdCents;
    const attributor = rs.rules.attributor;
    if (threshold === undefined || !attributor?.siret) {
      unconfigured++;
      continue;
    }
    if (!isPublishable(Number(f.awardedCents), threshold)) continue;
    records.push(toScdlRecord({
      attributor: { name: attributor.name, siret: attributor.siret },
      signedAt: f.signedAt!,
      deliberationNumber: f.deliberationNumber,
      beneficiaryName: f.platform.carryingStructureName,
      beneficiarySiret: f.platform.carryingStructureSiret,
      object: `${f.funder === "REGION" ? "Plateforme territoriale Proch'Emploi" : "Mobilité des demandeurs d'emploi"} ${f.platform.name}, ${f.year}`,
      awardedCents: Number(f.awardedCents),
      trancheDueDates: f.tranches.map((t) => t.dueAt),
    }));
  }
  return { records, unconfigured, lastModified };
}

/** The same data for a signed-in finance user, within their scope; audited (a publication is an act of the Région). */
export async function openDataRecords(db: Db, user: CurrentUser, now = new Date()): Promise<OpenDataSet> {
  const scope = scopeFor(user, "subsidyFile");
  if (!scope) throw new ForbiddenError();
  const set = await collectOpenData(db, scope, now);
  await recordAudit(db, { action: "subsidy.openDataExported", actorId: user.id, actorRole: user.role, entityType: "SubsidyFile", metadata: { records: set.records.length, unconfigured: set.unconfigured } });
  return set;
}

/** The public files (/donnees-ouvertes/subventions.csv and .json): every platform, no login, nothing to audit. */
export function publicOpenData(db: Db, now = new Date()): Promise<OpenDataSet> {
  return collectOpenData(db, {}, now);
}

/**
 * De minimis: aid already awarded to the same carrying structure (SIRET) over the rule set's
 * window, plus `proposedCents`. Null when the structure has no SIRET (then nothing can be summed).
 */
export async function deMinimisForFile(
  db: DbOrTx,
  file: { id: string; platform: { carryingStructureSiret: string | null } },
  proposedCents: number,
  now: Date,
): Promise<DeMinimisResult | null> {
  const siret = file.platform.carryingStructureSiret;
  if (!siret) return null;
  const { payload: rules } = await getActiveRuleSet(db, "FRANCE_TRAVAIL", now);
  const aids = await db.subsidyFile.findMany({
    where: { id: { not: file.id }, awardedCents: { not: null }, platform: { carryingStructureSiret: siret }, status: { in: ["AWARDED", "SIGNED", "CLOSED"] } },
    select: { awardedCents: true, deliberationDate: true, signedAt: true, createdAt: true },
  });
  return deMinimisCheck(
    rules.deMinimis,
    aids.map((a) => ({ amountCents: Number(a.awardedCents), grantedAt: a.deliberationDate ?? a.signedAt ?? a.createdAt })),
    proposedCents,
    now,
  );
}

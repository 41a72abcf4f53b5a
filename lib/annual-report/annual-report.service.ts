import "server-only";
// Annual report of a platform (issue 5, item 6): the year's figures (closed snapshots, live for
// open months) against the convention's objectives, governance meetings held vs required, and a
// free qualitative section edited by the manager (optimistic locking). Exported as XLSX (audited).
import ExcelJS from "exceljs";
import { recordAudit } from "@/lib/audit/audit.service";
import { bilanPlatform, monthlyFigures, type MonthFigures } from "@/lib/bilans/bilan.query";
import { can, type Principal } from "@/lib/authz/policy";
import type { Db, DbOrTx } from "@/lib/db";
import { ConflictError, ForbiddenError } from "@/lib/errors";
import { governanceProgress, type GovernanceProgress } from "@/lib/governance/governance.rules";
import { INDICATORS, type Figures } from "@/lib/indicators/indicators";
import { objectivesVsTargets, yearFigures, yearMonths, type ObjectivesView } from "@/lib/objectives/objective.service";
import type { SaveQualitativeInput } from "@/lib/annual-report/annual-report.schema";
import { getActiveRuleSet } from "@/lib/rules/active-rule-set";

export interface AnnualReport {
  platformId: string;
  platformName: string;
  year: number;
  /** True while the year is not over or one of its months is still open. */
  provisional: boolean;
  closedMonths: number;
  monthCount: number;
  figures: Figures;
  months: MonthFigures[];
  objectives: ObjectivesView;
  governance: GovernanceProgress[];
  qualitative: string;
  version: number;
  updatedAt: string | null;
}

export async function getAnnualReport(db: DbOrTx, user: Principal, platformId: string, year: number, now = new Date()): Promise<AnnualReport> {
  const platform = await bilanPlatform(db, user, platformId);
  const span = yearMonths(year, now);
  const months = span ? (await monthlyFigures(db, [platform.id], span.first, span.last)).get(platform.id)! : [];
  const { figures, provisional } = await yearFigures(db, [platform.id], year, now);
  const objectives = await objectivesVsTargets(db, user, platform.id, year, now);
  // A past year is judged at its end; the current one today (planned meetings are not "held").
  const yearEnd = new Date(Date.UTC(year, 11, 31, 12));
  const at = yearEnd < now ? yearEnd : now;
  const rules = await getActiveRuleSet(db, "OPERATIONS", at);
  const meetings = await db.governanceMeeting.findMany({
    where: { platformId: platform.id, date: { gte: new Date(Date.UTC(year, 0, 1)), lt: new Date(Date.UTC(year + 1, 0, 1)) } },
    select: { kind: true, date: true },
  });
  const text = await db.annualReport.findUnique({ where: { platformId_year: { platformId: platform.id, year } }, select: { qualitative: true, version: true, updatedAt: true } });
  return {
    platformId: platform.id, platformName: platform.name, year, provisional,
    closedMonths: months.filter((m) => m.closed).length, monthCount: months.length,
    figures, months, objectives,
    governance: governanceProgress(meetings, rules.payload.governance, at),
    qualitative: text?.qualitative ?? "", version: text?.version ?? 0, updatedAt: text?.updatedAt.toISOString() ?? null,
  };
}

const CONFLICT = "Le texte a été modifié entre-temps par quelqu'un d'autre. Rechargez la page pour voir la dernière version.";

/** Saves the qualitative section; `version` is the one read (0 = none saved yet). */
export async function saveQualitative(db: Db, user: Principal, input: SaveQualitativeInput, ctx: { requestId?: string } = {}): Promise<{ version: number }> {
  if (!can(user, "annualReport.write")) throw new ForbiddenError();
  const platform = await bilanPlatform(db, user, input.platformId);
  return db.$transaction(async (tx) => {
    const key = { platformId: platform.id, year: input.year };
    let version: number;
    if (input.version === 0) {
      const exists = await tx.annualReport.findUnique({ where: { platformId_year: key }, select: { id: true } });
      if (exists) throw new ConflictError(CONFLICT);
      version = (await tx.annualReport.create({ data: { ...key, qualitative: input.qualitative, updatedById: user.id }, select: { version: true } })).version;
    } else {
      const { count } = await tx.annualReport.updateMany({ where: { ...key, version: input.version }, data: { qualitative: input.qualitative, version: { increment: 1 }, updatedById: user.id } });
      if (count !== 1) throw new ConflictError(CONFLICT);
      version = input.version + 1;
    }
    await recordAudit(tx, {
      action: "annualReport.updated", actorId: user.id, actorRole: user.role, entityType: "AnnualReport", platformId: platform.id,
      requestId: ctx.requestId, metadata: { year: input.year, version, changes: ["qualitative"] },
    });
    return { version };
  });
}

export const ANNUAL_SHEETS = { summary: "Synthèse", figures: "Chiffres", objectives: "Objectifs", governance: "Gouvernance", qualitative: "Qualitatif" } as const;

export async function annualReportWorkbook(r: AnnualReport): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "SI Proch'Emploi";
  const bold = (row: ExcelJS.Row) => (row.font = { bold: true });

  const s = wb.addWorksheet(ANNUAL_SHEETS.summary);
  s.getCell("A1").value = `Rapport annuel ${r.year} — ${r.platformName}`;
  s.getCell("A1").font = { bold: true, size: 14 };
  s.addRow([]);
  s.addRow(["Plateforme", r.platformName]);
  s.addRow(["Année", r.year]);
  s.addRow(["Statut des chiffres", r.provisional ? "provisoires" : "définitifs (tous les mois clôturés)"]);
  s.addRow(["Mois clôturés", `${r.closedMonths} sur ${r.monthCount}`]);
  s.addRow(["Objectifs atteints", `${r.objectives.rows.filter((o) => o.met).length} sur ${r.objectives.rows.length}`]);
  s.addRow(["Réunions de gouvernance tenues", r.governance.reduce((n, g) => n + g.held, 0)]);
  s.columns = [{ width: 34 }, { width: 50 }];

  const f = wb.addWorksheet(ANNUAL_SHEETS.figures);
  bold(f.addRow(["Famille", "Indicateur", "Unité", `Année ${r.year}`]));
  for (const d of INDICATORS) f.addRow([d.family, d.label, d.unit, r.figures[d.key] ?? null]);
  f.columns = [{ width: 22 }, { width: 46 }, { width: 16 }, { width: 14 }];

  const o = wb.addWorksheet(ANNUAL_SHEETS.objectives);
  bold(o.addRow(["Indicateur", "Cible", "Réalisé", "Atteinte (%)", "Objectif"]));
  for (const x of r.objectives.rows) o.addRow([x.label, x.target, x.achieved, x.percent, x.met ? "atteint" : "non atteint"]);
  o.columns = [{ width: 46 }, { width: 12 }, { width: 12 }, { width: 14 }, { width: 14 }];

  const g = wb.addWorksheet(ANNUAL_SHEETS.governance);
  bold(g.addRow(["Instance", "Tenues", "Requises", "Respecté"]));
  for (const x of r.governance) g.addRow([x.label, x.held, x.required, x.met ? "oui" : "non"]);
  g.columns = [{ width: 24 }, { width: 10 }, { width: 10 }, { width: 10 }];

  const q = wb.addWorksheet(ANNUAL_SHEETS.qualitative);
  q.getCell("A1").value = "Bilan qualitatif";
  q.getCell("A1").font = { bold: true };
  q.getCell("A2").value = r.qualitative;
  q.getCell("A2").alignment = { wrapText: true, vertical: "top" };
  q.getColumn(1).width = 120;
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** The annual report as XLSX; every export is audited. */
export async function exportAnnualReport(db: Db, user: Principal, platformId: string, year: number, ctx: { requestId?: string } = {}, now = new Date()) {
  const report = await getAnnualReport(db, user, platformId, year, now);
  const body = await annualReportWorkbook(report);
  await recordAudit(db, {
    action: "annualReport.export", actorId: user.id, actorRole: user.role, entityType: "AnnualReport", platformId: report.platformId,
    requestId: ctx.requestId, metadata: { year, format: "xlsx", version: report.version },
  });
  const slug = report.platformName.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase().replace(/[^a-z0-9]+/g, "-");
  return { report, filename: `rapport-annuel-${slug}-${year}.xlsx`, body };
}

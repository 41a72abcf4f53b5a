import "server-only";
// France Travail reviewer's projects and their two monthly XLSX files. A reviewer sees only the
// France-Travail-funded subsidy files assigned to them (scopeFor "subsidyFile"); anything else
// reads as not found. The personal-data return needs its own permission and the assignment.
import ExcelJS from "exceljs";
import { recordAudit } from "@/lib/audit/audit.service";
import { can, denialMessage, FIXED_IDENTITY_EXPORT_PURPOSES, scopeFor, type Principal } from "@/lib/authz/policy";
import type { Db, DbOrTx } from "@/lib/db";
import { ForbiddenError, NotFoundError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import {
  conventionEndDate, displayValue, FT_INDICATORS, maskingNote, ftBeneficiaryRows, ftMonthlyIndicators, projectMonths, type FtIndicatorValue,
} from "@/lib/france-travail/ft-report.rules";
import { maskThresholdFor } from "@/lib/france-travail/ft-bilan.rules";
import { listFtIndicatorRows } from "@/lib/france-travail/ft-indicator.service";
import { currentMonth, monthDate, monthKeyOfDate, monthLabel, addMonths, type MonthKey } from "@/lib/indicators/period.rules";
import { UUID } from "@/lib/job-seekers/job-seeker.query";
import { getActiveRuleSet } from "@/lib/rules/active-rule-set";
import { ruleSetById } from "@/lib/rules/rule-set.service";

export const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

export interface FtProject {
  id: string;
  platformId: string;
  platformName: string;
  year: number;
  status: string;
  signedAt: string | null;
  /** Last day of the convention (signature + the rule set's duration − 1 day), null until signed. */
  endsAt: string | null;
  months: MonthKey[];
}

const fileSelect = { id: true, platformId: true, year: true, status: true, signedAt: true, ruleSetId: true, reviewerId: true, platform: { select: { name: true } } } as const;
type FileRow = Prisma.SubsidyFileGetPayload<{ select: typeof fileSelect }>;

function ftScope(user: Principal): Prisma.SubsidyFileWhereInput {
  if (!can(user, "ftReport.read")) throw new ForbiddenError();
  const scope = scopeFor(user, "subsidyFile");
  if (!scope) throw new ForbiddenError();
  return { AND: [scope as Prisma.SubsidyFileWhereInput, { funder: "FRANCE_TRAVAIL" }] };
}

async function rulesOf(db: DbOrTx, file: { ruleSetId: string | null }, now: Date) {
  return file.ruleSetId ? (await ruleSetById(db, "FRANCE_TRAVAIL", file.ruleSetId)).rules : (await getActiveRuleSet(db, "FRANCE_TRAVAIL", now)).payload;
}

/** A project's start month: its signature, else January of its year. */
function startMonth(file: { year: number; signedAt: Date | null }): MonthKey {
  return file.signedAt ? monthKeyOfDate(file.signedAt) : `${file.year}-01`;
}

async function toProject(db: DbOrTx, f: FileRow, now: Date): Promise<FtProject> {
  const rules = await rulesOf(db, f, now);
  const start = startMonth(f);
  const endsAt = f.signedAt ? conventionEndDate(f.signedAt, rules.durationMonths) : null;
  return {
    id: f.id, platformId: f.platformId, platformName: f.platform.name, year: f.year, status: f.status,
    signedAt: f.signedAt?.toISOString().slice(0, 10) ?? null,
    endsAt: endsAt?.toISOString().slice(0, 10) ?? null,
    months: projectMonths(start, endsAt ? monthKeyOfDate(endsAt) : addMonths(start, rules.durationMonths - 1), currentMonth(now)),
  };
}

/** The France Travail projects the user may follow (a reviewer: those assigned to them). */
export async function listFtProjects(db: DbOrTx, user: Principal, now = new Date()): Promise<FtProject[]> {
  const rows = await db.subsidyFile.findMany({ where: ftScope(user), select: fileSelect, orderBy: [{ year: "desc" }, { platform: { name: "asc" } }] });
  return Promise.all(rows.map((f) => toProject(db, f, now)));
}

/** One project in the user's scope, or 404 (never 403: no existence leak). */
export async function findFtProject(db: DbOrTx, user: Principal, id: string, now = new Date()): Promise<FtProject & { reviewerId: string | null; ruleSetId: string | null }> {
  const row = UUID.test(id) ? await db.subsidyFile.findFirst({ where: { AND: [{ id }, ftScope(user)] }, select: fileSelect }) : null;
  if (!row) throw new NotFoundError("Projet France Travail introuvable.");
  return { ...(await toProject(db, row, now)), reviewerId: row.reviewerId, ruleSetId: row.ruleSetId };
}

function monthWhere(fileId: string, month: MonthKey): Prisma.MobilityDiagnosticWhereInput {
  return { subsidyFileId: fileId, date: { gte: monthDate(month), lt: monthDate(addMonths(month, 1)) } };
}

/** The aggregated figures of a month (masking applied per the rule set) and the threshold used. */
export async function ftIndicatorsFor(db: DbOrTx, fileId: string, ruleSetId: string | null, month: MonthKey, now = new Date()) {
  // Masking of the monthly file is the rule set's choice (issue 22 §3); 0 = not masked.
  const threshold = maskThresholdFor(await rulesOf(db, { ruleSetId }, now), "monthly");
  const facts = await db.mobilityDiagnostic.findMany({
    where: monthWhere(fileId, month),
    select: {
      jobSeekerId: true, diagnosticDone: true, accompanimentDone: true, accompanimentDurationDays: true, solutionRecommended: true,
      orientationMaterialFinancial: true, distanceBeforeKm: true, distanceAfterKm: true, satisfaction: true,
    },
  });
  return { threshold, values: ftMonthlyIndicators(facts, threshold) };
}

export interface FtFile {
  filename: string;
  body: Buffer;
}

function header(ws: ExcelJS.Worksheet, title: string, subtitle: string) {
  ws.getCell("A1").value = title;
  ws.getCell("A1").font = { bold: true, size: 14 };
  ws.getCell("A2").value = subtitle;
}

export function indicatorsWorkbookRows(values: FtIndicatorValue[], threshold: number) {
  return FT_INDICATORS.map((d, i) => [d.label, displayValue(values[i]!, threshold), d.unit, d.definition] as const);
}

/** (a) The anonymous aggregated indicators of a month, counts under the threshold masked. */
export async function ftIndicatorsFile(db: Db, user: Principal, fileId: string, month: MonthKey, ctx: { requestId?: string } = {}, now = new Date()): Promise<FtFile> {
  const project = await findFtProject(db, user, fileId, now);
  const { threshold, values } = await ftIndicatorsFor(db, project.id, project.ruleSetId, month, now);
  const wb = new ExcelJS.Workbook();
  wb.creator = "SI Proch'Emploi";
  const ws = wb.addWorksheet("Indicateurs");
  header(ws, `Indicateurs mensuels anonymes — projet mobilité ${project.platformName} ${project.year} — ${monthLabel(month)}`,
    maskingNote(values, threshold) || (threshold > 0 ? `Aucune valeur masquée (seuil du secret statistique : ${threshold} personnes).` : "Secret statistique non appliqué à ce fichier (choix du jeu de règles France Travail)."));
  const head = ws.getRow(4);
  head.values = ["Indicateur", "Valeur", "Unité", "Définition"];
  head.font = { bold: true };
  // Art. 5: « XXX ; (indicateurs mentionnés par le porteur de projet dans sa présentation du projet) »:
  // listed with their target; their monthly value is the porteur's to give (not held in the application).
  const porteur = await listFtIndicatorRows(db, project.id);
  [...porteur.map((p) => [p.label, null, p.unit ?? "", `${p.definition ?? "Indicateur mentionné par le porteur de projet"}${p.target !== null ? ` (cible : ${p.target})` : ""} — valeur du mois à compléter par le porteur.`] as const),
    ...indicatorsWorkbookRows(values, threshold)].forEach((r, i) => (ws.getRow(5 + i).values = [...r]));
  ws.columns = [{ width: 50 }, { width: 12 }, { width: 16 }, { width: 90 }];
  await recordAudit(db, {
    action: "ftReport.indicators.export", actorId: user.id, actorRole: user.role, entityType: "SubsidyFile", entityId: project.id,
    platformId: project.platformId, requestId: ctx.requestId, metadata: { month, masked: values.filter((v) => v.masked).map((v) => v.key) },
  });
  return { filename: `france-travail-indicateurs-${project.year}-${month}.xlsx`, body: Buffer.from(await wb.xlsx.writeBuffer()) };
}

export const BENEFICIARY_HEADERS = [
  "Nom et prénom", "Identifiant demandeur d'emploi", "Diagnostic réalisé (O/N)", "Accompagnement réalisé (O/N)", "Solution préconisée (O/N)", "Type de solution",
] as const;

/**
 * The beneficiaries' rows of a month (people with a diagnostic of the project that month). Destroyed
 * records are excluded, and so are people whose processing is restricted (RGPD art. 18: apart from
 * storage, restricted data are not processed — no transmission; issue 22).
 */
export async function ftBeneficiariesFor(db: DbOrTx, fileId: string, month: MonthKey) {
  const facts = await db.mobilityDiagnostic.findMany({
    // France Travail convention art. 11 (« Chaque partie informe les personnes concernées de la
    // transmission des données à l'autre partie ») and annex 1 point 11: only people told that their
    // data go to France Travail are in the return (issue 22 §2; information.service.ts).
    where: { AND: [monthWhere(fileId, month), { jobSeeker: { lifecycle: { not: "DESTROYED" }, restrictedAt: null, ftInformedAt: { not: null } } }] },
    select: {
      jobSeekerId: true, diagnosticDone: true, accompanimentDone: true, solutionRecommended: true, solutionType: true,
      jobSeeker: { select: { lastName: true, firstName: true, franceTravailId: true } },
    },
  });
  return ftBeneficiaryRows(facts.map(({ jobSeeker, ...f }) => ({ ...f, ...jobSeeker })));
}

/** (b) The personal-data return: only the reviewer assigned to the file, in a session (never a token); every download audited. */
export async function ftBeneficiariesFile(db: Db, user: Principal, fileId: string, month: MonthKey, ctx: { requestId?: string } = {}, now = new Date()): Promise<FtFile> {
  // A personal API token is refused with its own message (no second factor: SESSION_ONLY_ACTIONS), before anything is read or audited.
  if (!can(user, "ftReport.personalData")) throw new ForbiddenError(denialMessage("ftReport.personalData", user));
  const project = await findFtProject(db, user, fileId, now);
  if (project.reviewerId !== user.id) throw new NotFoundError("Projet France Travail introuvable.");
  const rows = await ftBeneficiariesFor(db, project.id, month);
  const wb = new ExcelJS.Workbook();
  wb.creator = "SI Proch'Emploi";
  const ws = wb.addWorksheet("Bénéficiaires");
  header(ws, `Retour mensuel des données personnelles — projet mobilité ${project.platformName} ${project.year} — ${monthLabel(month)}`,
    "Données personnelles transmises à France Travail (annexe RGPD de la convention) : ne pas diffuser.");
  const head = ws.getRow(4);
  head.values = [...BENEFICIARY_HEADERS];
  head.font = { bold: true };
  rows.forEach((r, i) => (ws.getRow(5 + i).values = [r.name, r.franceTravailId, r.diagnosticDone, r.accompanimentDone, r.solutionRecommended, r.solutionType]));
  ws.columns = [{ width: 32 }, { width: 18 }, { width: 14 }, { width: 14 }, { width: 14 }, { width: 40 }];
  await recordAudit(db, {
    action: "ftReport.beneficiaries.export", actorId: user.id, actorRole: user.role, entityType: "SubsidyFile", entityId: project.id,
    platformId: project.platformId, reason: "Retour mensuel des données personnelles à France Travail", requestId: ctx.requestId,
    // Issue 22 §6: the one identity file the reviewer receives, its purpose fixed by the FT convention (art. 11, annex 1).
    metadata: { month, rows: rows.length, identities: true, purpose: FIXED_IDENTITY_EXPORT_PURPOSES.franceTravailReturn },
  });
  return { filename: `france-travail-beneficiaires-${project.year}-${month}.xlsx`, body: Buffer.from(await wb.xlsx.writeBuffer()) };
}

import "server-only";
// France Travail convention art. 5: the intermediate and final bilans of a project, on its subsidy
// file, and their XLSX export. Figures are project-wide aggregates (no identity); anyone who may read
// the file (scopeFor "subsidyFile": its platform, Région finance, the assigned reviewer) sees them.
// The porteur writes the narrative and the budget update; each write and each export is audited.
import ExcelJS from "exceljs";
import type { CurrentUser } from "@/lib/auth/principal";
import { can } from "@/lib/authz/policy";
import { recordAudit } from "@/lib/audit/audit.service";
import type { Db, DbOrTx } from "@/lib/db";
import { ConflictError, ForbiddenError, NotFoundError, UnprocessableError, ValidationError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { calendarDay, XLSX_DATE_FORMAT } from "@/lib/exports/xlsx-cells";
import {
  bilanDisplayValue, budgetUpdate, finalBilanCheck, FT_BILAN_INDICATORS, FT_BILAN_NO_DATA, ftBilanIndicators, ftBilanPeriod, intermediateBilanCheck, maskThresholdFor,
  type FtBilanKind,
} from "@/lib/france-travail/ft-bilan.rules";
import type { FtBilanDto, UpdateFtBilanInput } from "@/lib/france-travail/ft-bilan.schema";
import { listFtIndicatorRows } from "@/lib/france-travail/ft-indicator.service";
import { conventionEndDate, maskingNote } from "@/lib/france-travail/ft-report.rules";
import { XLSX_TYPE } from "@/lib/france-travail/ft-report.service";
import type { FranceTravailRules } from "@/lib/rules/rule-set.schema";
import { findScopedFile, rulesForFile } from "@/lib/subsidy/subsidy-file.repo";
import { STATUS_LABELS } from "@/lib/subsidy/subsidy-workflow.rules";

const day = (d: Date) => d.toISOString().slice(0, 10);

/** A France Travail file in the user's scope (anything else: 404, no existence leak). */
export async function findFtFile(db: DbOrTx, user: CurrentUser, id: string) {
  const file = await findScopedFile(db, user, id);
  if (file.funder !== "FRANCE_TRAVAIL") throw new NotFoundError("Dossier France Travail introuvable.");
  return file;
}

async function ftRules(db: DbOrTx, file: Parameters<typeof rulesForFile>[1], at: Date): Promise<FranceTravailRules> {
  const rs = await rulesForFile(db, file, at);
  if (rs.funder !== "FRANCE_TRAVAIL") throw new NotFoundError("Dossier France Travail introuvable.");
  return rs.rules;
}

/** What a bilan reads of a diagnostic: the person's id (people are counted once), never a name; flags, durations, distances. */
const FACT_SELECT = {
  jobSeekerId: true, diagnosticDone: true, accompanimentDone: true, accompanimentDurationDays: true, solutionRecommended: true,
  orientationMaterialFinancial: true, distanceBeforeKm: true, distanceAfterKm: true, satisfaction: true,
} as const;
type Fact = Prisma.MobilityDiagnosticGetPayload<{ select: typeof FACT_SELECT }>;
type BudgetRow = Awaited<ReturnType<typeof budgetLines>>[number];
type PorteurRow = Awaited<ReturnType<typeof listFtIndicatorRows>>[number];

/** The signed file, its rules and the convention's last day: what both bilans start from. */
async function bilanContext(db: Db, user: CurrentUser, id: string, now: Date) {
  const file = await findFtFile(db, user, id);
  if (!file.signedAt) throw new UnprocessableError("Convention non signée : les bilans de l'article 5 courent à partir de la signature.");
  const rules = await ftRules(db, file, now);
  return { file, signedAt: file.signedAt, rules, endsAt: conventionEndDate(file.signedAt, rules.durationMonths) };
}
type BilanContext = Awaited<ReturnType<typeof bilanContext>>;

function bilanPeriod(kind: FtBilanKind, c: BilanContext, now: Date) {
  return ftBilanPeriod(kind, { signedAt: c.signedAt, endsAt: c.endsAt, intermediateReportAt: c.file.intermediateReportAt }, c.rules, now);
}

function budgetLines(db: Db, id: string) {
  return db.budgetLine.findMany({ where: { subsidyFileId: id }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] });
}

/** The bilan of `kind` from what was read: the period's diagnostics, the budget lines, the porteur's indicators. */
function bilanDto(kind: FtBilanKind, c: BilanContext, period: { from: Date; to: Date }, facts: readonly Fact[], lines: readonly BudgetRow[], porteur: readonly PorteurRow[], now: Date): FtBilanDto {
  const { file, signedAt, rules, endsAt } = c;
  const threshold = maskThresholdFor(rules, kind === "INTERMEDIATE" ? "intermediateBilan" : "finalBilan");
  const values = ftBilanIndicators(facts, threshold);
  const check = kind === "INTERMEDIATE" ? intermediateBilanCheck({ signedAt, intermediateReportAt: file.intermediateReportAt }, rules, now) : finalBilanCheck(file, rules, now);
  const budget = budgetUpdate(lines.map((l) => ({
    id: l.id, category: l.category, label: l.label, eligible: l.eligible, forecastCents: Number(l.forecastCents),
    updatedForecastCents: l.updatedForecastCents === null ? null : Number(l.updatedForecastCents), actualCents: l.actualCents === null ? null : Number(l.actualCents),
  })));
  return {
    kind,
    file: { id: file.id, platform: file.platform.name, year: file.year, version: file.version },
    period: { from: day(period.from), to: day(period.to) },
    signedAt: day(signedAt),
    endsAt: day(endsAt),
    finalReviewMeetingAt: file.finalReviewMeetingAt ? day(file.finalReviewMeetingAt) : null,
    check: { ...check, dueAt: check.dueAt ? day(check.dueAt) : null, receivedAt: check.receivedAt ? day(check.receivedAt) : null },
    masking: {
      applied: threshold > 0, threshold,
      note: threshold > 0
        ? maskingNote(values, threshold) || `Aucune valeur masquée (seuil du secret statistique : ${threshold} personnes).`
        : "Secret statistique non appliqué à ce bilan (choix du jeu de règles France Travail).",
    },
    indicators: FT_BILAN_INDICATORS.map((d, i) => ({ key: d.key, label: d.label, unit: d.unit, definition: d.definition, value: values[i]!.masked ? null : values[i]!.value, display: String(bilanDisplayValue(values[i]!, threshold) ?? "—"), masked: values[i]!.masked })),
    noData: [...FT_BILAN_NO_DATA],
    porteurIndicators: porteur.map((p) => ({ ...p, value: kind === "INTERMEDIATE" ? p.intermediateValue : p.finalValue })),
    steps: { done: file.ftStepsDone, ahead: file.ftStepsAhead },
    budget,
  };
}

/** The bilan of `kind` as the screen, the API and the workbook show it. */
export async function getFtBilan(db: Db, user: CurrentUser, id: string, kind: FtBilanKind, now = new Date()): Promise<FtBilanDto> {
  const c = await bilanContext(db, user, id, now);
  const period = bilanPeriod(kind, c, now);
  const [facts, lines, porteur] = await Promise.all([
    db.mobilityDiagnostic.findMany({ where: { subsidyFileId: id, date: { gte: period.from, lte: period.to } }, select: FACT_SELECT }),
    budgetLines(db, id),
    listFtIndicatorRows(db, id),
  ]);
  return bilanDto(kind, c, period, facts, lines, porteur, now);
}

/**
 * Both bilans, as the file page shows them (issue 18, less work per page): the file, its rules, the
 * budget and the porteur's indicators read once, and the diagnostics once — those of the final
 * period (the whole convention); the intermediate period starts on the same day and ends no later
 * (ftBilanPeriod), so its diagnostics are those of the final period up to its last day, compared as
 * calendar days like the `date` column in SQL. Same figures as getFtBilan of each kind (tested).
 */
export async function getFtBilans(db: Db, user: CurrentUser, id: string, now = new Date()): Promise<{ intermediate: FtBilanDto; final: FtBilanDto }> {
  const c = await bilanContext(db, user, id, now);
  const final = bilanPeriod("FINAL", c, now);
  const intermediate = bilanPeriod("INTERMEDIATE", c, now);
  const [facts, lines, porteur] = await Promise.all([
    db.mobilityDiagnostic.findMany({ where: { subsidyFileId: id, date: { gte: final.from, lte: final.to } }, select: { ...FACT_SELECT, date: true } }),
    budgetLines(db, id),
    listFtIndicatorRows(db, id),
  ]);
  const [from, to] = [day(intermediate.from), day(intermediate.to)];
  const early = facts.filter((f) => {
    const d = day(f.date);
    return d >= from && d <= to;
  });
  return { intermediate: bilanDto("INTERMEDIATE", c, intermediate, early, lines, porteur, now), final: bilanDto("FINAL", c, final, facts, lines, porteur, now) };
}

const KIND_LABEL: Record<FtBilanKind, string> = { INTERMEDIATE: "Bilan intermédiaire", FINAL: "Bilan final" };
const euros = (c: number | null) => (c === null ? null : c / 100);

/** The bilan as an XLSX workbook (figures, porteur's indicators, budget), export audited. */
export async function ftBilanWorkbook(db: Db, user: CurrentUser, id: string, kind: FtBilanKind, ctx: { requestId?: string } = {}, now = new Date()) {
  const b = await getFtBilan(db, user, id, kind, now);
  const wb = new ExcelJS.Workbook();
  wb.creator = "SI Proch'Emploi";
  const ws = wb.addWorksheet("Indicateurs");
  ws.getCell("A1").value = `${KIND_LABEL[kind]} (article 5) — projet mobilité ${b.file.platform} ${b.file.year}`;
  ws.getCell("A1").font = { bold: true, size: 14 };
  ws.getCell("A2").value = `Période du ${b.period.from.split("-").reverse().join("/")} au ${b.period.to.split("-").reverse().join("/")}. ${b.check.message}`;
  ws.getCell("A3").value = b.masking.note;
  ws.getRow(5).values = ["Indicateur", "Valeur", "Cible", "Unité", "Définition"];
  ws.getRow(5).font = { bold: true };
  let r = 6;
  for (const i of b.indicators) ws.getRow(r++).values = [i.label, i.masked || i.value === null ? i.display : i.value, null, i.unit, i.definition];
  for (const p of b.porteurIndicators) ws.getRow(r++).values = [p.label, p.value, p.target, p.unit ?? "", p.definition ?? "Indicateur mentionné par le porteur de projet"];
  r++;
  ws.getRow(r++).values = ["Mesures sans donnée dans l'application"];
  for (const n of b.noData) ws.getRow(r++).values = [n];
  if (kind === "INTERMEDIATE") {
    r++;
    ws.getRow(r++).values = ["Étapes déjà mises en œuvre", b.steps.done ?? "(non renseigné)"];
    ws.getRow(r++).values = ["Étapes à venir", b.steps.ahead ?? "(non renseigné)"];
  }
  ws.columns = [{ width: 55 }, { width: 16 }, { width: 12 }, { width: 16 }, { width: 90 }];
  const bs = wb.addWorksheet("Budget");
  bs.getRow(1).values = ["Catégorie", "Libellé", "Éligible", "Prévu initial (€)", "Prévu actualisé (€)", "Réalisé (€)", "Écart réalisé − prévu (€)"];
  bs.getRow(1).font = { bold: true };
  b.budget.rows.forEach((l, i) => (bs.getRow(2 + i).values = [l.category, l.label, l.eligible ? "Oui" : "Non", euros(l.forecastCents), euros(l.currentForecastCents), euros(l.actualCents), euros(l.gapCents)]));
  const t = 2 + b.budget.rows.length;
  bs.getRow(t).values = ["Total", "", "", euros(b.budget.total.forecastCents), euros(b.budget.total.currentForecastCents), euros(b.budget.total.actualCents), null];
  bs.getRow(t + 1).values = ["Dont dépenses éligibles", "", "", euros(b.budget.eligible.forecastCents), euros(b.budget.eligible.currentForecastCents), euros(b.budget.eligible.actualCents), null];
  bs.getRow(t).font = { bold: true };
  bs.columns = [{ width: 16 }, { width: 40 }, { width: 10 }, { width: 18 }, { width: 18 }, { width: 14 }, { width: 22 }];
  const dates = wb.addWorksheet("Échéances");
  dates.getRow(1).values = ["Repère", "Date"];
  dates.getRow(1).font = { bold: true };
  const rows: [string, string | null][] = [["Signature", b.signedAt], ["Fin de la convention", b.endsAt], ["Réunion de bilan", b.finalReviewMeetingAt], ["Bilan attendu au plus tard", b.check.dueAt], ["Bilan reçu le", b.check.receivedAt]];
  rows.forEach(([label, d], i) => {
    const row = dates.getRow(2 + i);
    row.values = [label, calendarDay(d)];
    row.getCell(2).numFmt = XLSX_DATE_FORMAT;
  });
  dates.columns = [{ width: 30 }, { width: 14 }];
  await recordAudit(db, {
    action: "ftReport.bilan.export", actorId: user.id, actorRole: user.role, entityType: "SubsidyFile", entityId: id, requestId: ctx.requestId,
    metadata: { kind, period: b.period, masked: b.indicators.filter((i) => i.masked).map((i) => i.key) },
  });
  return { filename: `france-travail-bilan-${kind === "INTERMEDIATE" ? "intermediaire" : "final"}-${b.file.year}.xlsx`, body: Buffer.from(await wb.xlsx.writeBuffer()), type: XLSX_TYPE };
}

/**
 * The porteur's part of the intermediate bilan: steps done and ahead, and the budget update per line.
 * While the convention runs (signed): before, there is nothing to report; after, it is settled.
 */
export async function updateFtBilan(db: Db, user: CurrentUser, id: string, input: UpdateFtBilanInput): Promise<{ version: number }> {
  if (!can(user, "subsidy.write")) throw new ForbiddenError();
  const file = await findFtFile(db, user, id);
  if (file.status !== "SIGNED") throw new UnprocessableError(`Le bilan se renseigne pendant l'exécution de la convention (statut actuel : ${STATUS_LABELS[file.status]}).`);
  return db.$transaction(async (tx) => {
    const { count } = await tx.subsidyFile.updateMany({
      where: { id, version: input.version, status: "SIGNED" },
      data: {
        ...(input.stepsDone !== undefined ? { ftStepsDone: input.stepsDone } : {}),
        ...(input.stepsAhead !== undefined ? { ftStepsAhead: input.stepsAhead } : {}),
        version: { increment: 1 },
      },
    });
    if (count === 0) throw new ConflictError("Ce dossier a été modifié entre-temps. Rechargez la page.");
    for (const u of input.budgetUpdate ?? []) {
      const res = await tx.budgetLine.updateMany({
        where: { id: u.lineId, subsidyFileId: id },
        data: { updatedForecastCents: u.updatedForecastCents === null ? null : BigInt(u.updatedForecastCents), version: { increment: 1 } },
      });
      if (res.count === 0) throw new ValidationError({ budgetUpdate: ["Ligne de budget inconnue dans ce dossier."] });
    }
    await recordAudit(tx, {
      action: "subsidyFile.ftBilanUpdated", actorId: user.id, actorRole: user.role, entityType: "SubsidyFile", entityId: id, platformId: file.platformId,
      metadata: { stepsDone: input.stepsDone !== undefined, stepsAhead: input.stepsAhead !== undefined, budgetUpdate: input.budgetUpdate ?? [] },
    });
    return { version: input.version + 1 };
  });
}

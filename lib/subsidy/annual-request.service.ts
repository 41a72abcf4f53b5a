import "server-only";
// Issue 22 §4 — the Région annual request (convention cadre art. 5, cadre d'intervention §5): its
// view (the five elements and what is missing), its edit by the platform manager while the file is
// with the platform, and the refusal of a submission that lacks an element. The rules are in
// annual-request.rules.ts; here: authorize → scoped file → facts → one transaction → audit.
import type { CurrentUser } from "@/lib/auth/principal";
import { can } from "@/lib/authz/policy";
import { recordAudit } from "@/lib/audit/audit.service";
import type { Db, DbOrTx } from "@/lib/db";
import { ConflictError, ForbiddenError, UnprocessableError } from "@/lib/errors";
import { annualRequestChecklist, type AnnualRequestItem } from "@/lib/subsidy/annual-request.rules";
import type { UpdateAnnualRequestInput } from "@/lib/subsidy/annual-request.schema";
import type { ExpenseCategory } from "@/lib/rules/rule-set.schema";
import { findScopedFile, rulesForFile } from "@/lib/subsidy/subsidy-file.repo";
import { budgetEditable, type SubsidyStatusName } from "@/lib/subsidy/subsidy-workflow.rules";
import { countsAsEligible } from "@/lib/subsidy/subsidy.rules";

export interface AnnualRequestView {
  year: number;
  previousYear: number;
  version: number;
  description: string | null;
  actionProgramme: string | null;
  financingPlan: { requestedCents: number; territoryCofundingCents: number; otherCofundingCents: number; resourcesCents: number; expensesCents: number; eligibleCents: number };
  budget: { lineCount: number; totalCents: number };
  previousBilan: { annualReport: { written: boolean; updatedAt: string | null }; documents: { id: string; fileName: string; createdAt: string }[] };
  checklist: AnnualRequestItem[];
  complete: boolean;
  canEdit: boolean;
}

/** What the view and the submission check read from a file (a row of findScopedFile, or its subset). */
export interface AnnualRequestFile {
  id: string;
  platformId: string;
  year: number;
  funder: "REGION" | "FRANCE_TRAVAIL";
  status: SubsidyStatusName;
  version: number;
  requestDescription: string | null;
  requestActionProgramme: string | null;
  requestedCents: bigint;
  territoryCofundingCents: bigint;
  otherCofundingCents: bigint;
}

/** Editable by the platform (subsidy.submit: its manager, never finance) while the file is with it. */
export function annualRequestEditable(user: CurrentUser, file: Pick<AnnualRequestFile, "funder" | "status">): boolean {
  return file.funder === "REGION" && budgetEditable(file.status) && can(user, "subsidy.submit");
}

/**
 * The request's five elements from the database. `eligibleCodes`: the rule set's eligible categories
 * (the financing plan « reprenant les postes de dépenses éligibles » shows the eligible part).
 */
export async function annualRequestView(db: DbOrTx, user: CurrentUser, file: AnnualRequestFile, eligibleCodes: readonly ExpenseCategory[]): Promise<AnnualRequestView> {
  const previousYear = file.year - 1;
  const [lines, report, documents] = await Promise.all([
    db.budgetLine.findMany({ where: { subsidyFileId: file.id }, select: { category: true, label: true, eligible: true, forecastCents: true } }),
    // Convention cadre art. 4.1 « bilan de l'année précédente »: the platform's annual report of that year.
    db.annualReport.findUnique({ where: { platformId_year: { platformId: file.platformId, year: previousYear } }, select: { qualitative: true, updatedAt: true } }),
    db.receipt.findMany({ where: { subsidyFileId: file.id, kind: "PREVIOUS_YEAR_BILAN" }, orderBy: { createdAt: "asc" }, select: { id: true, fileName: true, createdAt: true } }),
  ]);
  const forecast = lines.map((l) => ({ category: l.category, label: l.label, eligible: l.eligible, forecastCents: Number(l.forecastCents), actualCents: null }));
  const expensesCents = forecast.reduce((s, l) => s + l.forecastCents, 0);
  const eligibleCents = forecast.filter((l) => countsAsEligible(l, eligibleCodes)).reduce((s, l) => s + l.forecastCents, 0);
  const plan = { requestedCents: Number(file.requestedCents), territoryCofundingCents: Number(file.territoryCofundingCents), otherCofundingCents: Number(file.otherCofundingCents) };
  const written = (report?.qualitative ?? "").trim().length > 0;
  const checklist = annualRequestChecklist({
    year: file.year, description: file.requestDescription, actionProgramme: file.requestActionProgramme,
    requestedCents: plan.requestedCents, territoryCofundingCents: plan.territoryCofundingCents, lines: forecast,
    previousBilan: { annualReportWritten: written, documents: documents.length },
  });
  return {
    year: file.year, previousYear, version: file.version,
    description: file.requestDescription, actionProgramme: file.requestActionProgramme,
    financingPlan: { ...plan, resourcesCents: plan.requestedCents + plan.territoryCofundingCents + plan.otherCofundingCents, expensesCents, eligibleCents },
    budget: { lineCount: lines.length, totalCents: expensesCents },
    previousBilan: {
      annualReport: { written, updatedAt: written && report ? report.updatedAt.toISOString() : null },
      documents: documents.map((d) => ({ id: d.id, fileName: d.fileName, createdAt: d.createdAt.toISOString() })),
    },
    checklist,
    complete: checklist.every((i) => i.met),
    canEdit: annualRequestEditable(user, file),
  };
}

/** The rule set's eligible categories of a Région file (the view's « dont dépenses éligibles »). */
async function eligibleCodesOf(db: DbOrTx, file: { funder: "REGION" | "FRANCE_TRAVAIL"; ruleSetId: string | null }, now: Date): Promise<ExpenseCategory[]> {
  return (await rulesForFile(db, file, now)).rules.eligibleCategories;
}

function regionOnly(file: { funder: string }): void {
  if (file.funder !== "REGION") throw new UnprocessableError("La demande annuelle de l'article 5 concerne les dossiers Région (convention cadre Région).");
}

export async function getAnnualRequest(db: Db, user: CurrentUser, id: string, now = new Date()): Promise<AnnualRequestView> {
  const file = await findScopedFile(db, user, id);
  regionOnly(file);
  return annualRequestView(db, user, file, await eligibleCodesOf(db, file, now));
}

/** The platform manager writes the description of the operation and the annual action programme. */
export async function updateAnnualRequest(db: Db, user: CurrentUser, id: string, input: UpdateAnnualRequestInput, ctx: { requestId?: string } = {}, now = new Date()): Promise<AnnualRequestView> {
  if (!can(user, "subsidy.submit")) throw new ForbiddenError("La demande annuelle est rédigée par le responsable de la plateforme.");
  const file = await findScopedFile(db, user, id);
  regionOnly(file);
  if (!budgetEditable(file.status)) {
    throw new UnprocessableError("La demande annuelle ne se modifie qu'en brouillon ou après renvoi pour correction.");
  }
  const data: { requestDescription?: string | null; requestActionProgramme?: string | null } = {};
  if (input.description !== undefined) data.requestDescription = input.description || null;
  if (input.actionProgramme !== undefined) data.requestActionProgramme = input.actionProgramme || null;
  await db.$transaction(async (tx) => {
    const { count } = await tx.subsidyFile.updateMany({ where: { id, version: input.version, status: { in: ["DRAFT", "RETURNED"] } }, data: { ...data, version: { increment: 1 } } });
    if (count === 0) throw new ConflictError("Ce dossier a été modifié entre-temps. Rechargez la page.");
    // Which parts changed, never their text.
    await recordAudit(tx, {
      action: "subsidyFile.annualRequest", actorId: user.id, actorRole: user.role, entityType: "SubsidyFile", entityId: id, platformId: file.platformId,
      requestId: ctx.requestId, metadata: { changes: Object.keys(data), version: input.version + 1 },
    });
  });
  const after = await findScopedFile(db, user, id);
  return annualRequestView(db, user, after, await eligibleCodesOf(db, after, now));
}

/** The checklist of a file about to be submitted (Région only; null for France Travail). */
export async function annualRequestChecklistFor(db: DbOrTx, user: CurrentUser, file: AnnualRequestFile & { ruleSetId: string | null }, now: Date): Promise<AnnualRequestItem[] | null> {
  if (file.funder !== "REGION") return null;
  return (await annualRequestView(db, user, file, await eligibleCodesOf(db, file, now))).checklist;
}

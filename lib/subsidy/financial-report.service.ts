import "server-only";
// Compte rendu financier of a Région annual convention (issue 22 §4): the products beside the
// charges, the totals, the qualitative annex and whether the report is complete (convention cadre
// Région art. 7.3, quoted in financial-report.rules.ts). France Travail files have none of this.
import type { CurrentUser } from "@/lib/auth/principal";
import { can } from "@/lib/authz/policy";
import { recordAudit } from "@/lib/audit/audit.service";
import type { Db, DbOrTx } from "@/lib/db";
import { ConflictError, ForbiddenError, UnprocessableError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import type { RegionFrameworkRules } from "@/lib/rules/rule-set.schema";
import {
  financialReportCompleteness, productLines, reportTotals, territoryShareShortfall,
  type Completeness, type ProductLine, type ReportTotals,
} from "@/lib/subsidy/financial-report.rules";
import type { ProductActualInput } from "@/lib/subsidy/financial-report.schema";
import { fileLinesInput, findScopedFile, rulesForFile } from "@/lib/subsidy/subsidy-file.repo";
import { gapsNeedingExplanation } from "@/lib/subsidy/subsidy-balance.rules";
import { eligibleTotal } from "@/lib/subsidy/subsidy.rules";
import { actualsEditable } from "@/lib/subsidy/subsidy-workflow.rules";

export interface FinancialReportView {
  products: ProductLine[];
  totals: ReportTotals;
  /** Art. 4.1: territory's actual share below the minimum (attention point; the solde is unchanged). */
  warnings: string[];
  /** Documents of kind QUALITATIVE_ANNEX (the second annex of art. 7.3). */
  annexes: { id: string; fileName: string; sizeBytes: number; createdAt: string }[];
  completeness: Completeness;
  canEditProducts: boolean;
}

type ReportFile = {
  id: string; funder: "REGION" | "FRANCE_TRAVAIL"; status: string; ruleSetId: string | null;
  requestedCents: bigint; awardedCents: bigint | null; territoryCofundingCents: bigint; otherCofundingCents: bigint;
};

/** The report of a Région file (null for France Travail), from the file's lines, products and documents. */
export async function financialReportOf(db: DbOrTx, file: ReportFile, rules: RegionFrameworkRules, canWrite: boolean): Promise<FinancialReportView> {
  const [lines, stored, annexes] = await Promise.all([
    db.budgetLine.findMany({ where: { subsidyFileId: file.id }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] }),
    db.financialReportProduct.findMany({ where: { subsidyFileId: file.id } }),
    db.receipt.findMany({ where: { subsidyFileId: file.id, kind: "QUALITATIVE_ANNEX" }, orderBy: { createdAt: "asc" }, select: { id: true, fileName: true, sizeBytes: true, createdAt: true } }),
  ]);
  // The same threshold as the charges (rule set, « Seuil d'écart à expliquer »); absent = every gap.
  const threshold = rules.gapExplanationThresholdBp ?? 0;
  const inputs = fileLinesInput(lines);
  const toExplain = new Set(gapsNeedingExplanation(lines.map((l, i) => ({ ...inputs[i]!, id: l.id, gapExplanation: l.gapExplanation })), threshold).map((l) => l.id));
  const charges = lines.map((l, i) => ({ label: l.label, forecastCents: inputs[i]!.forecastCents, actualCents: inputs[i]!.actualCents ?? null, gapToExplain: toExplain.has(l.id) }));
  const products = productLines(
    {
      requestedCents: Number(file.requestedCents), awardedCents: file.awardedCents === null ? null : Number(file.awardedCents),
      territoryCofundingCents: Number(file.territoryCofundingCents), otherCofundingCents: Number(file.otherCofundingCents),
    },
    stored.map((s) => ({ kind: s.kind, actualCents: Number(s.actualCents), gapExplanation: s.gapExplanation, version: s.version })),
    threshold,
  );
  const territory = products.find((p) => p.kind === "TERRITORY_COFUNDING")!;
  const shortfall = territoryShareShortfall(territory.actualCents, eligibleTotal(inputs, rules.eligibleCategories, "actual"), rules.minTerritoryShareBp);
  return {
    products,
    totals: reportTotals(charges, products),
    warnings: shortfall ? [shortfall] : [],
    annexes: annexes.map((a) => ({ id: a.id, fileName: a.fileName, sizeBytes: a.sizeBytes, createdAt: a.createdAt.toISOString() })),
    completeness: financialReportCompleteness({ annexCount: annexes.length, charges, products }),
    canEditProducts: canWrite && actualsEditable(file.status as Parameters<typeof actualsEditable>[0]),
  };
}

/** Completeness of a Région file's report (for the « compte rendu financier reçu » step). */
export async function financialReportCompletenessOf(db: DbOrTx, file: ReportFile, at: Date): Promise<Completeness> {
  const rs = await rulesForFile(db, file, at);
  if (rs.funder !== "REGION") return { complete: true, missing: [] };
  return (await financialReportOf(db, file, rs.rules, false)).completeness;
}

/** Art. 7.3: the actual of one product line and the explanation of its gap, on a signed Région convention. */
export async function recordProductActual(db: Db, user: CurrentUser, fileId: string, input: ProductActualInput): Promise<ProductLine> {
  if (!can(user, "subsidy.write")) throw new ForbiddenError();
  const file = await findScopedFile(db, user, fileId);
  if (file.funder !== "REGION") throw new UnprocessableError("Les produits du compte rendu financier concernent les conventions de la Région (convention cadre, art. 7.3).");
  if (!actualsEditable(file.status)) throw new UnprocessableError("Les produits réalisés se saisissent une fois la convention signée.");
  const rs = await rulesForFile(db, file, new Date());
  if (rs.funder !== "REGION") throw new UnprocessableError("Les produits du compte rendu financier concernent les conventions de la Région (convention cadre, art. 7.3).");
  const conflict = () => new ConflictError("Cette ligne de produits a été modifiée entre-temps. Rechargez la page.");
  await db.$transaction(async (tx) => {
    const data = { actualCents: BigInt(input.actualCents), gapExplanation: input.gapExplanation || null, updatedById: user.id };
    if (input.version === 0) {
      try {
        await tx.financialReportProduct.create({ data: { subsidyFileId: fileId, kind: input.kind, ...data } });
      } catch (err) {
        if (err instanceof Prisma.PrismaClientKnownRequestError && err.code === "P2002") throw conflict();
        throw err;
      }
    } else {
      const { count } = await tx.financialReportProduct.updateMany({ where: { subsidyFileId: fileId, kind: input.kind, version: input.version }, data: { ...data, version: { increment: 1 } } });
      if (count === 0) throw conflict();
    }
    await recordAudit(tx, {
      action: "financialReport.productRecorded", actorId: user.id, actorRole: user.role, entityType: "SubsidyFile", entityId: fileId, platformId: file.platformId,
      // Audit keeps ids and facts, never free text: whether the gap was explained, not the explanation.
      metadata: { kind: input.kind, actualCents: input.actualCents, gapExplained: Boolean(input.gapExplanation?.trim()), version: input.version },
    });
  });
  const view = await financialReportOf(db, file, rs.rules, true);
  return view.products.find((p) => p.kind === input.kind)!;
}

import "server-only";
// Prisma access for subsidy files: scoped lookups and the rule set a file is computed with.
import type { CurrentUser } from "@/lib/auth/principal";
import { scopeFor } from "@/lib/authz/policy";
import type { DbOrTx } from "@/lib/db";
import { NotFoundError } from "@/lib/errors";
import { cache } from "react";
import { getActiveRuleSet } from "@/lib/rules/active-rule-set";
import { ruleSetById } from "@/lib/rules/rule-set.service";
import { withConventionRate, type FunderRules } from "@/lib/subsidy/subsidy.rules";
import type { SubsidyStatusName } from "@/lib/subsidy/subsidy-workflow.rules";

/**
 * The file if `user` may see it, else NotFoundError (no existence leak). Read once per page render
 * (issue 18): the file page's parts (detail, receipts, France Travail indicators and bilans) each
 * look the file up with the same client, user and id, and share the first answer (React `cache`,
 * scoped to the request's render; the user is the render's own, see getCurrentUser). Outside a
 * render — route handlers, server actions, transactions — every call reads the database.
 */
export const findScopedFile = cache(async (db: DbOrTx, user: CurrentUser, id: string) => {
  const scope = scopeFor(user, "subsidyFile");
  if (!scope || !/^[0-9a-f-]{36}$/i.test(id)) throw new NotFoundError("Dossier de subvention introuvable.");
  const file = await db.subsidyFile.findFirst({
    where: { AND: [scope, { id }] },
    include: { platform: { select: { id: true, name: true, population: true, companyCount: true, carryingStructureName: true, carryingStructureSiret: true } } },
  });
  if (!file) throw new NotFoundError("Dossier de subvention introuvable.");
  return { ...file, status: file.status as SubsidyStatusName };
});

/** The version in force at `at`, in the shape of `ruleSetById`. */
async function inForce<K extends "REGION_FRAMEWORK" | "FRANCE_TRAVAIL">(db: DbOrTx, kind: K, at: Date) {
  const rs = await getActiveRuleSet(db, kind, at);
  return { id: rs.id, rules: rs.payload };
}

/**
 * The rule set the file was opened under (or the one in force at `at` for an older file). A France
 * Travail file carries the rate of its own convention (art. 3.2 « soit XX % »), which replaces the
 * rule set's rate in every computation (contribution, tranches, final balance, refunds).
 */
export async function rulesForFile(
  db: DbOrTx,
  file: { funder: "REGION" | "FRANCE_TRAVAIL"; ruleSetId: string | null; fundingRateBp?: number | null },
  at: Date,
): Promise<FunderRules & { id: string }> {
  if (file.funder === "REGION") {
    const rs = file.ruleSetId ? await ruleSetById(db, "REGION_FRAMEWORK", file.ruleSetId) : await inForce(db, "REGION_FRAMEWORK", at);
    return { funder: "REGION", rules: rs.rules, id: rs.id };
  }
  const rs = file.ruleSetId ? await ruleSetById(db, "FRANCE_TRAVAIL", file.ruleSetId) : await inForce(db, "FRANCE_TRAVAIL", at);
  return { funder: "FRANCE_TRAVAIL", rules: withConventionRate(rs.rules, file.fundingRateBp ?? null), id: rs.id };
}

export async function paidTotal(db: DbOrTx, subsidyFileId: string): Promise<number> {
  const agg = await db.payment.aggregate({ where: { subsidyFileId }, _sum: { amountCents: true } });
  return Number(agg._sum.amountCents ?? 0n);
}

export function fileLinesInput(lines: { category: string; label: string; eligible: boolean; forecastCents: bigint; actualCents: bigint | null }[]) {
  return lines.map((l) => ({
    category: l.category,
    label: l.label,
    eligible: l.eligible,
    forecastCents: Number(l.forecastCents),
    actualCents: l.actualCents === null ? null : Number(l.actualCents),
  }));
}

import "server-only";
// Issue 17: the due dates of the documents a platform owes the Région, for the roles that follow the
// platform without handling its subsidy (`reportDeadline.read`: the Région referent). Dates only:
// no amount, no file id, nothing personal — the subsidy file itself stays with finance and the
// platform (`subsidy.read`).
import { scopeFor, type Principal } from "@/lib/authz/policy";
import type { DbOrTx } from "@/lib/db";
import { documentDeadlines, type DocumentDeadline } from "@/lib/home/region-home.rules";
import { getActiveRuleSet } from "@/lib/rules/active-rule-set";
import { FOLLOWED } from "@/lib/subsidy/subsidy-compliance.service";

/**
 * The Région documents of `platformIds` (within the user's scope), where each stands at `now`; null
 * when the user may not read them. Throws UnprocessableError when no DEADLINES rule set is in force.
 */
export async function regionDocumentDeadlines(db: DbOrTx, user: Principal, platformIds: readonly string[], now: Date): Promise<DocumentDeadline[] | null> {
  const scope = scopeFor(user, "reportDeadline");
  if (!scope) return null;
  const files = await db.subsidyFile.findMany({
    where: { AND: [scope, { platformId: { in: [...platformIds] }, funder: "REGION", status: { in: [...FOLLOWED] } }] },
    select: { platformId: true, year: true, fiscalYearEnd: true, financialReportReceivedAt: true },
    orderBy: [{ year: "asc" }, { platformId: "asc" }],
  });
  if (files.length === 0) return [];
  const { payload: rules } = await getActiveRuleSet(db, "DEADLINES", now);
  return documentDeadlines(files, rules, now);
}

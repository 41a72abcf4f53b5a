import "server-only";
// "Who is about to go": active job seekers whose archiving day falls within the notice period of
// the rule set (30 days by default), so that staff who really are in contact with them record it
// (which moves lastContactAt) before retention archives them.
import type { CurrentUser } from "@/lib/auth/principal";
import { scopeFor } from "@/lib/authz/policy";
import type { Db } from "@/lib/db";
import { ForbiddenError } from "@/lib/errors";
import { candidateCutoff, formatDay, jobSeekerRetentionAction, jobSeekerRetentionDates } from "@/lib/retention/retention.rules";
import { getActiveRuleSet } from "@/lib/rules/active-rule-set";

export interface AboutToArchiveDto {
  id: string;
  name: string;
  platform: string;
  lastContactAt: string;
  /** YYYY-MM-DD, Paris calendar. */
  archiveOn: string;
}

/** Bounded: the notice window only holds a month of last contacts. */
const MAX_ROWS = 500;

export async function listAboutToArchive(db: Db, user: CurrentUser, now = new Date()): Promise<AboutToArchiveDto[]> {
  const scope = scopeFor(user, "jobSeeker");
  if (!scope) throw new ForbiddenError();
  const { payload: rules } = await getActiveRuleSet(db, "RETENTION", now);
  const rows = await db.jobSeeker.findMany({
    where: { AND: [scope, { lifecycle: "ACTIVE", lastContactAt: { lt: candidateCutoff(now, rules.jobSeekerArchiveMonths, rules.preArchiveNoticeDays) } }] },
    orderBy: [{ lastContactAt: "asc" }, { id: "asc" }],
    take: MAX_ROWS,
    select: { id: true, lastName: true, firstName: true, lastContactAt: true, platform: { select: { name: true } } },
  });
  return rows
    .filter((r) => jobSeekerRetentionAction(r.lastContactAt, "ACTIVE", rules, now) === "NOTICE")
    .map((r) => ({
      id: r.id,
      name: [r.lastName, r.firstName].filter(Boolean).join(" ") || "—",
      platform: r.platform.name,
      lastContactAt: r.lastContactAt.toISOString(),
      archiveOn: formatDay(jobSeekerRetentionDates(r.lastContactAt, rules).archiveOn),
    }));
}

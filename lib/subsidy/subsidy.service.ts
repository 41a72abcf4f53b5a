import "server-only";
import type { CurrentUser } from "@/lib/auth/principal";
import { scopeFor } from "@/lib/authz/policy";
import type { Db } from "@/lib/db";
import { ForbiddenError } from "@/lib/errors";
import type { SubsidyFileSummary, SubsidyListQuery } from "@/lib/subsidy/subsidy.schema";

const ORDER = {
  year: [{ year: "asc" }],
  "-year": [{ year: "desc" }],
  platform: [{ platform: { name: "asc" } }],
  "-platform": [{ platform: { name: "desc" } }],
  requested: [{ requestedCents: "asc" }],
  "-requested": [{ requestedCents: "desc" }],
} as const;

export async function listSubsidyFiles(db: Db, user: CurrentUser, q: SubsidyListQuery) {
  const scope = scopeFor(user, "subsidyFile");
  if (!scope) throw new ForbiddenError();
  const where = { AND: [scope, q.funder ? { funder: q.funder } : {}, q.year ? { year: q.year } : {}] };
  const [total, rows] = await Promise.all([
    db.subsidyFile.count({ where }),
    db.subsidyFile.findMany({
      where,
      orderBy: [...ORDER[q.sort], { id: "asc" }],
      skip: (q.page - 1) * q.pageSize,
      take: q.pageSize,
      select: {
        id: true,
        year: true,
        funder: true,
        status: true,
        requestedCents: true,
        awardedCents: true,
        platform: { select: { id: true, name: true } },
      },
    }),
  ]);
  const paid = await db.payment.groupBy({ by: ["subsidyFileId"], where: { subsidyFileId: { in: rows.map((r) => r.id) } }, _sum: { amountCents: true } });
  const paidBy = new Map(paid.map((p) => [p.subsidyFileId, Number(p._sum.amountCents ?? 0n)]));
  const items: SubsidyFileSummary[] = rows.map((r) => ({
    id: r.id,
    platform: r.platform,
    year: r.year,
    funder: r.funder,
    status: r.status,
    requestedCents: Number(r.requestedCents),
    awardedCents: r.awardedCents === null ? null : Number(r.awardedCents),
    paidCents: paidBy.get(r.id) ?? 0,
  }));
  return { items, page: q.page, pageSize: q.pageSize, total };
}

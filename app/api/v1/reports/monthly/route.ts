import { apiRoute } from "@/lib/api/handler";
import { getMonthlyReport } from "@/lib/bilans/bilan.query";
import { monthlyReportQuerySchema } from "@/lib/bilans/bilan.schema";
import { db } from "@/lib/db";

export const dynamic = "force-dynamic";

export const GET = apiRoute({ permission: "bilan.read", query: monthlyReportQuerySchema }, async ({ user, query }) => {
  const r = await getMonthlyReport(db, user, query.platformId, query.month);
  return { ...r, closedAt: r.closedAt?.toISOString() ?? null, reviewedAt: r.reviewedAt?.toISOString() ?? null };
});

import { apiRoute } from "@/lib/api/handler";
import { db } from "@/lib/db";
import { subjectSearchQuerySchema } from "@/lib/rights/rights.schema";
import { searchSubjects } from "@/lib/rights/rights.service";

export const dynamic = "force-dynamic";

export const GET = apiRoute({ permission: "rights.record", query: subjectSearchQuerySchema }, async ({ user, query, requestId }) => ({
  items: await searchSubjects(db, user, query.q, { requestId }),
}));

import { apiRoute } from "@/lib/api/handler";
import { db } from "@/lib/db";
import { objectivesApiQuerySchema, saveObjectivesSchema } from "@/lib/objectives/objective.schema";
import { listObjectives, objectivesVsTargets, saveObjectives } from "@/lib/objectives/objective.service";

export const dynamic = "force-dynamic";

export const GET = apiRoute({ permission: "bilan.read", query: objectivesApiQuerySchema }, async ({ user, query }) => {
  const view = await objectivesVsTargets(db, user, query.platformId ?? null, query.year, new Date());
  const items = query.platformId ? await listObjectives(db, user, query.platformId, query.year) : [];
  return { ...view, versions: Object.fromEntries(items.map((o) => [o.indicatorKey, o.version])) };
});

export const PUT = apiRoute({ permission: "objective.write", body: saveObjectivesSchema }, async ({ user, body, requestId }) => saveObjectives(db, user, body, { requestId }));

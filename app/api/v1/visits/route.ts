import { apiRoute, created } from "@/lib/api/handler";
import { db } from "@/lib/db";
import { createVisitSchema, visitListQuerySchema } from "@/lib/visits/visit.schema";
import { createVisit, listVisits } from "@/lib/visits/visit.service";

export const dynamic = "force-dynamic";

export const GET = apiRoute({ permission: "visit.read", query: visitListQuerySchema }, ({ user, query }) => listVisits(db, user, query));
export const POST = apiRoute({ permission: "visit.write", body: createVisitSchema }, async ({ user, body }) => {
  // The answer is the visit as GET /api/v1/visits/{id} gives it (the OpenAPI schema): no platformId.
  const { platformId: _platformId, ...visit } = await createVisit(db, user, body);
  return created(visit);
});

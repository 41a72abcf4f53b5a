import { apiRoute, created } from "@/lib/api/handler";
import { db } from "@/lib/db";
import { createRightsRequestSchema, rightsListQuerySchema } from "@/lib/rights/rights.schema";
import { createRightsRequest, listRightsRequests } from "@/lib/rights/rights.service";

export const dynamic = "force-dynamic";

export const GET = apiRoute({ permission: "rights.read", query: rightsListQuerySchema }, ({ user, query }) => listRightsRequests(db, user, query));

export const POST = apiRoute({ permission: "rights.record", body: createRightsRequestSchema }, async ({ user, body, requestId }) =>
  created(await createRightsRequest(db, user, body, { requestId })),
);

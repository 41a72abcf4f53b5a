import { apiRoute, created } from "@/lib/api/handler";
import { db } from "@/lib/db";
import { breachListQuerySchema, createBreachSchema } from "@/lib/rights/breach.schema";
import { createBreach, listBreaches } from "@/lib/rights/breach.service";

export const dynamic = "force-dynamic";

export const GET = apiRoute({ permission: "breach.read", query: breachListQuerySchema }, ({ user, query }) => listBreaches(db, user, query));

export const POST = apiRoute({ permission: "breach.record", body: createBreachSchema }, async ({ user, body, requestId }) => created(await createBreach(db, user, body, { requestId })));

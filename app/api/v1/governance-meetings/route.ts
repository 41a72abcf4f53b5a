import { apiRoute, created } from "@/lib/api/handler";
import { db } from "@/lib/db";
import { governanceInputSchema, governanceListQuerySchema } from "@/lib/governance/governance.schema";
import { createGovernanceMeeting, listGovernanceMeetings } from "@/lib/governance/governance.service";

export const dynamic = "force-dynamic";

export const GET = apiRoute({ permission: "governance.read", query: governanceListQuerySchema }, ({ user, query }) => listGovernanceMeetings(db, user, query));

export const POST = apiRoute({ permission: "governance.write", body: governanceInputSchema }, async ({ user, body }) => created(await createGovernanceMeeting(db, user, body)));

import { apiRoute } from "@/lib/api/handler";
import { db } from "@/lib/db";
import { listPurgeRuns } from "@/lib/retention/purge-run.query";
import { purgeRunListQuerySchema } from "@/lib/retention/purge-run.schema";

export const dynamic = "force-dynamic";

export const GET = apiRoute({ permission: "purge.read", query: purgeRunListQuerySchema }, ({ user, query }) => listPurgeRuns(db, user, query));

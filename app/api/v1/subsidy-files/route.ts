import { apiRoute } from "@/lib/api/handler";
import { db } from "@/lib/db";
import { subsidyListQuerySchema } from "@/lib/subsidy/subsidy.schema";
import { listSubsidyFiles } from "@/lib/subsidy/subsidy.service";

export const dynamic = "force-dynamic";

export const GET = apiRoute({ permission: "subsidy.read", query: subsidyListQuerySchema }, ({ user, query }) => listSubsidyFiles(db, user, query));

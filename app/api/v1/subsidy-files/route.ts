import { apiRoute, created } from "@/lib/api/handler";
import { db } from "@/lib/db";
import { createSubsidyFileSchema } from "@/lib/subsidy/subsidy-file.schema";
import { createSubsidyFile } from "@/lib/subsidy/subsidy-file.service";
import { subsidyListQuerySchema } from "@/lib/subsidy/subsidy.schema";
import { listSubsidyFiles } from "@/lib/subsidy/subsidy.service";

export const dynamic = "force-dynamic";

export const GET = apiRoute({ permission: "subsidy.read", query: subsidyListQuerySchema }, ({ user, query }) => listSubsidyFiles(db, user, query));

export const POST = apiRoute({ permission: "subsidy.submit", body: createSubsidyFileSchema }, async ({ user, body }) => created(await createSubsidyFile(db, user, body)));

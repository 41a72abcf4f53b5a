import { apiRoute } from "@/lib/api/handler";
import { db } from "@/lib/db";
import { updateSubsidyFileSchema } from "@/lib/subsidy/subsidy-file.schema";
import { getSubsidyFileDetail, updateSubsidyFile } from "@/lib/subsidy/subsidy-file.service";

export const dynamic = "force-dynamic";

export const GET = apiRoute({ permission: "subsidy.read" }, ({ user, params }) => getSubsidyFileDetail(db, user, params.id!));

export const PATCH = apiRoute({ permission: "subsidy.write", body: updateSubsidyFileSchema }, async ({ user, params, body }) => {
  await updateSubsidyFile(db, user, params.id!, body);
  return getSubsidyFileDetail(db, user, params.id!);
});

import { BODY_LIMITS } from "@/lib/api/body-limit";
import { apiRoute } from "@/lib/api/handler";
import { db } from "@/lib/db";
import { previewCompanyImport } from "@/lib/imports/company-import.service";
import { previewFieldsSchema } from "@/lib/imports/import.schema";
import { readUpload } from "@/lib/imports/upload";

export const dynamic = "force-dynamic";

export const POST = apiRoute({ permission: "company.write", maxBodyBytes: BODY_LIMITS.import }, async ({ user, formData }) => {
  const { buffer, fields } = await readUpload(formData, previewFieldsSchema);
  return previewCompanyImport(db, user, { buffer, mapping: fields.mapping });
});

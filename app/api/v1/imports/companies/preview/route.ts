import { apiRoute } from "@/lib/api/handler";
import { db } from "@/lib/db";
import { previewCompanyImport } from "@/lib/imports/company-import.service";
import { previewFieldsSchema } from "@/lib/imports/import.schema";
import { readUpload } from "@/lib/imports/upload";

export const dynamic = "force-dynamic";

export const POST = apiRoute({ permission: "company.write" }, async ({ user, req }) => {
  const { buffer, fields } = await readUpload(req, previewFieldsSchema);
  return previewCompanyImport(db, user, { buffer, mapping: fields.mapping });
});

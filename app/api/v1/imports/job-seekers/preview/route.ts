import { BODY_LIMITS } from "@/lib/api/body-limit";
import { apiRoute } from "@/lib/api/handler";
import { db } from "@/lib/db";
import { jobSeekerPreviewFieldsSchema } from "@/lib/imports/import.schema";
import { previewJobSeekerImport } from "@/lib/imports/job-seeker-import.service";
import { readUpload } from "@/lib/imports/upload";

export const dynamic = "force-dynamic";

export const POST = apiRoute({ permission: "jobSeeker.write", maxBodyBytes: BODY_LIMITS.import }, async ({ user, formData }) => {
  const { buffer, fields } = await readUpload(formData, jobSeekerPreviewFieldsSchema);
  const { mapping, ...defaults } = fields;
  return previewJobSeekerImport(db, user, { buffer, mapping, defaults });
});

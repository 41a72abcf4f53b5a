import { apiRoute } from "@/lib/api/handler";
import { db } from "@/lib/db";
import { jobSeekerPreviewFieldsSchema } from "@/lib/imports/import.schema";
import { previewJobSeekerImport } from "@/lib/imports/job-seeker-import.service";
import { readUpload } from "@/lib/imports/upload";

export const dynamic = "force-dynamic";

export const POST = apiRoute({ permission: "jobSeeker.write" }, async ({ user, req }) => {
  const { buffer, fields } = await readUpload(req, jobSeekerPreviewFieldsSchema);
  const { mapping, ...defaults } = fields;
  return previewJobSeekerImport(db, user, { buffer, mapping, defaults });
});

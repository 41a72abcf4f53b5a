import { apiRoute } from "@/lib/api/handler";
import { db } from "@/lib/db";
import { undoImportBatch } from "@/lib/imports/import-batch.service";

export const dynamic = "force-dynamic";

export const POST = apiRoute({ permission: "jobSeeker.write" }, ({ user, params }) => undoImportBatch(db, user, params.id!, "JOB_SEEKERS"));

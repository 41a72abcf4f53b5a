import { NextResponse } from "next/server";
import { BODY_LIMITS } from "@/lib/api/body-limit";
import { apiRoute } from "@/lib/api/handler";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { jobSeekerRunFieldsSchema } from "@/lib/imports/import.schema";
import { listJobSeekerImportBatches, runJobSeekerImport } from "@/lib/imports/job-seeker-import.service";
import { readUpload } from "@/lib/imports/upload";

export const dynamic = "force-dynamic";

export const GET = apiRoute({ permission: "jobSeeker.write" }, async ({ user }) => ({ items: await listJobSeekerImportBatches(db, user) }));

/**
 * Runs the import and streams its progress as NDJSON lines: {"type":"progress",processed,total}…
 * then {"type":"done","batch":…} or {"type":"error","error":{code,message,fields?}}.
 */
export const POST = apiRoute({ permission: "jobSeeker.write", maxBodyBytes: BODY_LIMITS.import }, async ({ user, formData, log }) => {
  const { buffer, fileName, fields } = await readUpload(formData, jobSeekerRunFieldsSchema);
  const { mapping, duplicateMode, ...defaults } = fields;
  const encoder = new TextEncoder();
  const stream = new ReadableStream<Uint8Array>({
    async start(controller) {
      const send = (o: unknown) => controller.enqueue(encoder.encode(`${JSON.stringify(o)}\n`));
      try {
        const batch = await runJobSeekerImport(db, user, { buffer, fileName, mapping, duplicateMode, defaults }, (processed, total) => send({ type: "progress", processed, total }));
        send({ type: "done", batch });
      } catch (err) {
        if (err instanceof AppError) send({ type: "error", error: { code: err.code, message: err.message, fields: err.fields } });
        else {
          log.error({ err }, "job-seeker import failed");
          send({ type: "error", error: { code: "INTERNAL_ERROR", message: "L'import a échoué ; aucune donnée n'a été modifiée." } });
        }
      } finally {
        controller.close();
      }
    },
  });
  return new NextResponse(stream, { headers: { "content-type": "application/x-ndjson; charset=utf-8", "cache-control": "no-store" } });
});

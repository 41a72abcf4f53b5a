import { NextResponse } from "next/server";
import { BODY_LIMITS } from "@/lib/api/body-limit";
import { apiRoute } from "@/lib/api/handler";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { runCompanyImport } from "@/lib/imports/company-import.service";
import { runFieldsSchema } from "@/lib/imports/import.schema";
import { readUpload } from "@/lib/imports/upload";

export const dynamic = "force-dynamic";

/**
 * Runs the import and streams its progress as NDJSON lines: {"type":"progress",processed,total}…
 * then {"type":"done","batch":…} or {"type":"error","error":{code,message,fields?}}.
 */
export const POST = apiRoute({ permission: "company.write", maxBodyBytes: BODY_LIMITS.import }, async ({ user, formData, log }) => {
  const { buffer, fileName, fields } = await readUpload(formData, runFieldsSchema);
  const encoder = new TextEncoder();
  const stream = new ReadableStream<Uint8Array>({
    async start(controller) {
      const send = (o: unknown) => controller.enqueue(encoder.encode(`${JSON.stringify(o)}\n`));
      try {
        const batch = await runCompanyImport(db, user, { buffer, fileName, mapping: fields.mapping, duplicateMode: fields.duplicateMode }, (processed, total) => send({ type: "progress", processed, total }));
        send({ type: "done", batch });
      } catch (err) {
        if (err instanceof AppError) send({ type: "error", error: { code: err.code, message: err.message, fields: err.fields } });
        else {
          log.error({ err }, "company import failed");
          send({ type: "error", error: { code: "INTERNAL_ERROR", message: "L'import a échoué ; aucune donnée n'a été modifiée." } });
        }
      } finally {
        controller.close();
      }
    },
  });
  return new NextResponse(stream, { headers: { "content-type": "application/x-ndjson; charset=utf-8", "cache-control": "no-store" } });
});

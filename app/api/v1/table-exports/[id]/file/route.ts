import { Readable } from "node:stream";
import { NextResponse } from "next/server";
import { apiRoute } from "@/lib/api/handler";
import { db } from "@/lib/db";
import { openMyExport } from "@/lib/exports/table-export.service";

export const dynamic = "force-dynamic";

export const GET = apiRoute({ permission: "tableExport.run" }, async ({ user, params, requestId }) => {
  const file = await openMyExport(db, user, params.id!, { requestId });
  return new NextResponse(Readable.toWeb(file.stream) as ReadableStream<Uint8Array>, {
    headers: { "content-type": file.contentType, "content-length": String(file.size), "content-disposition": `attachment; filename="${file.filename}"`, "cache-control": "no-store" },
  });
});

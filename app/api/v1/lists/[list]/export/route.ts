import { Readable } from "node:stream";
import { NextResponse } from "next/server";
import { apiRoute } from "@/lib/api/handler";
import { db } from "@/lib/db";
import { exportQuerySchema } from "@/lib/exports/table-export.schema";
import { startTableExport } from "@/lib/exports/table-export.service";

export const dynamic = "force-dynamic";

// The list's own filters and sort travel as the same query parameters as its screen.
export const GET = apiRoute({ permission: "tableExport.run", query: exportQuerySchema }, async ({ user, query, params, req, requestId }) => {
  const { format, ...filters } = query;
  const started = await startTableExport(db, user, params.list!, filters, format, { requestId });
  if (started.mode === "inline") {
    return new NextResponse(Readable.toWeb(started.stream) as ReadableStream<Uint8Array>, {
      headers: { "content-type": started.contentType, "content-disposition": `attachment; filename="${started.filename}"`, "cache-control": "no-store" },
    });
  }
  const statusUrl = `/api/v1/table-exports/${started.id}`;
  // A browser following a link lands on "Mes exports" (progress, then download); API clients get 202.
  if ((req.headers.get("accept") ?? "").includes("text/html")) return NextResponse.redirect(new URL(`/exports?nouveau=${started.id}`, req.nextUrl), 303);
  return NextResponse.json({ id: started.id, status: "PENDING", totalRows: started.total, statusUrl }, { status: 202 });
});

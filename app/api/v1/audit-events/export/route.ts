import { NextResponse } from "next/server";
import { apiRoute } from "@/lib/api/handler";
import { exportAuditEvents } from "@/lib/audit/audit.query";
import { auditExportQuerySchema } from "@/lib/audit/audit.schema";
import { db } from "@/lib/db";

export const dynamic = "force-dynamic";

export const GET = apiRoute({ permission: "audit.export", query: auditExportQuerySchema }, async ({ user, query, requestId }) => {
  const file = await exportAuditEvents(db, user, query, requestId);
  return new NextResponse(new Uint8Array(file.body), {
    headers: { "content-type": file.contentType, "content-disposition": `attachment; filename="${file.filename}"`, "cache-control": "no-store" },
  });
});

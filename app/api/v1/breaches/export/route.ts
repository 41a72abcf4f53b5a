import { NextResponse } from "next/server";
import { apiRoute } from "@/lib/api/handler";
import { db } from "@/lib/db";
import { breachExportQuerySchema } from "@/lib/rights/breach.schema";
import { exportBreaches } from "@/lib/rights/breach.service";

export const dynamic = "force-dynamic";

export const GET = apiRoute({ permission: "breach.read", query: breachExportQuerySchema }, async ({ user, query, requestId }) => {
  const file = await exportBreaches(db, user, query.format, { requestId });
  const disposition = query.format === "html" ? "inline" : `attachment; filename="${file.filename}"`;
  return new NextResponse(new Uint8Array(file.body), { headers: { "content-type": file.contentType, "content-disposition": disposition, "cache-control": "no-store" } });
});

import { NextResponse } from "next/server";
import { apiRoute } from "@/lib/api/handler";
import { db } from "@/lib/db";
import { exportRegister } from "@/lib/rights/register.service";
import { registerExportQuerySchema } from "@/lib/rights/rights.schema";

export const dynamic = "force-dynamic";

export const GET = apiRoute({ permission: "register.read", query: registerExportQuerySchema }, async ({ user, query, requestId }) => {
  const file = await exportRegister(db, user, query.format, { requestId });
  const disposition = query.format === "html" ? "inline" : `attachment; filename="${file.filename}"`;
  return new NextResponse(new Uint8Array(file.body), { headers: { "content-type": file.contentType, "content-disposition": disposition, "cache-control": "no-store" } });
});

import { NextResponse } from "next/server";
import { apiRoute } from "@/lib/api/handler";
import { exportMonthlyBilan } from "@/lib/bilans/bilan-export";
import { exportQuerySchema } from "@/lib/bilans/bilan.schema";
import { db } from "@/lib/db";

export const dynamic = "force-dynamic";

export const GET = apiRoute({ permission: "bilan.read", query: exportQuerySchema }, async ({ user, query, requestId }) => {
  const file = await exportMonthlyBilan(db, user, query, requestId);
  return new NextResponse(new Uint8Array(file.body), {
    headers: { "content-type": file.contentType, "content-disposition": `attachment; filename="${file.filename}"`, "cache-control": "no-store" },
  });
});

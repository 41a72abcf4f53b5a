import { NextResponse } from "next/server";
import { apiRoute } from "@/lib/api/handler";
import { idParam } from "@/lib/api/params";
import { db } from "@/lib/db";
import { exportQuerySchema } from "@/lib/rights/rights.schema";
import { exportSubjectData } from "@/lib/rights/rights.service";

export const dynamic = "force-dynamic";

/** Access (html, printable, shown inline) and portability (json, csv, downloaded). Audited. */
export const GET = apiRoute({ permission: "rights.write", query: exportQuerySchema }, async ({ user, params, query, requestId }) => {
  const file = await exportSubjectData(db, user, idParam(params, "Demande introuvable."), query.format, { requestId });
  const disposition = query.format === "html" ? "inline" : `attachment; filename="${file.filename}"`;
  return new NextResponse(file.body, { headers: { "content-type": file.contentType, "content-disposition": disposition, "cache-control": "no-store" } });
});

import { NextResponse } from "next/server";
import { apiRoute } from "@/lib/api/handler";
import { db } from "@/lib/db";
import { ftBilanQuerySchema, updateFtBilanSchema } from "@/lib/france-travail/ft-bilan.schema";
import { ftBilanWorkbook, getFtBilan, updateFtBilan } from "@/lib/france-travail/ft-bilan.service";

export const dynamic = "force-dynamic";

/** France Travail convention art. 5: the intermediate or final bilan, as JSON or XLSX (export audited). */
export const GET = apiRoute({ permission: "subsidy.read", query: ftBilanQuerySchema }, async ({ user, params, query, requestId }) => {
  if (query.format === "json") return getFtBilan(db, user, params.id!, query.kind);
  const file = await ftBilanWorkbook(db, user, params.id!, query.kind, { requestId });
  return new NextResponse(new Uint8Array(file.body), {
    headers: { "content-type": file.type, "content-disposition": `attachment; filename="${file.filename}"`, "cache-control": "no-store" },
  });
});

/** The porteur's part of the intermediate bilan: steps done and ahead, budget update. */
export const PATCH = apiRoute({ permission: "subsidy.write", body: updateFtBilanSchema }, async ({ user, params, body }) => updateFtBilan(db, user, params.id!, body));

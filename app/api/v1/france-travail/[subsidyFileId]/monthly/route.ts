import { NextResponse } from "next/server";
import { apiRoute } from "@/lib/api/handler";
import { db } from "@/lib/db";
import { ftMonthlyQuerySchema } from "@/lib/france-travail/ft-report.schema";
import { ftBeneficiariesFile, ftIndicatorsFile, XLSX_TYPE } from "@/lib/france-travail/ft-report.service";

export const dynamic = "force-dynamic";

export const GET = apiRoute({ permission: "ftReport.read", query: ftMonthlyQuerySchema }, async ({ user, query, params, requestId }) => {
  const id = params.subsidyFileId!;
  const file = query.file === "indicators"
    ? await ftIndicatorsFile(db, user, id, query.month, { requestId })
    : await ftBeneficiariesFile(db, user, id, query.month, { requestId });
  return new NextResponse(new Uint8Array(file.body), {
    headers: { "content-type": XLSX_TYPE, "content-disposition": `attachment; filename="${file.filename}"`, "cache-control": "no-store" },
  });
});

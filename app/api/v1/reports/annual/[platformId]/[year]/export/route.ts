import { NextResponse } from "next/server";
import { apiRoute } from "@/lib/api/handler";
import { annualReportQuerySchema } from "@/lib/annual-report/annual-report.schema";
import { exportAnnualReport } from "@/lib/annual-report/annual-report.service";
import { db } from "@/lib/db";
import { ValidationError } from "@/lib/errors";
import { XLSX_TYPE } from "@/lib/france-travail/ft-report.service";
import { zodFieldErrors } from "@/lib/validation";

export const dynamic = "force-dynamic";

export const GET = apiRoute({ permission: "bilan.read" }, async ({ user, params, requestId }) => {
  const parsed = annualReportQuerySchema.safeParse(params);
  if (!parsed.success) throw new ValidationError(zodFieldErrors(parsed.error));
  const file = await exportAnnualReport(db, user, parsed.data.platformId, parsed.data.year, { requestId });
  return new NextResponse(new Uint8Array(file.body), {
    headers: { "content-type": XLSX_TYPE, "content-disposition": `attachment; filename="${file.filename}"`, "cache-control": "no-store" },
  });
});

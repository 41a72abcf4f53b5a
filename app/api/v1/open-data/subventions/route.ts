import { NextResponse } from "next/server";
import { apiRoute } from "@/lib/api/handler";
import { db } from "@/lib/db";
import { parisToday } from "@/lib/paris-day";
import { toScdlCsv } from "@/lib/subsidy/subsidy-compliance.rules";
import { openDataRecords } from "@/lib/subsidy/subsidy-compliance.service";
import { openDataQuerySchema } from "@/lib/subsidy/subsidy-api.schema";

export const dynamic = "force-dynamic";

export const GET = apiRoute({ permission: "subsidy.export", query: openDataQuerySchema }, async ({ user, query }) => {
  const { records, unconfigured } = await openDataRecords(db, user);
  const stamp = parisToday();
  if (query.format === "csv") {
    return new NextResponse(toScdlCsv(records), {
      headers: { "content-type": "text/csv; charset=utf-8", "content-disposition": `attachment; filename="subventions-proch-emploi-${stamp}.csv"` },
    });
  }
  return NextResponse.json({ records, unconfigured });
});

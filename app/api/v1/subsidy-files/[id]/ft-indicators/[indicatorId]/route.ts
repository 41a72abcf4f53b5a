import { NextResponse } from "next/server";
import { apiRoute } from "@/lib/api/handler";
import { db } from "@/lib/db";
import { updateFtIndicatorSchema } from "@/lib/france-travail/ft-bilan.schema";
import { deleteFtIndicator, updateFtIndicator } from "@/lib/france-travail/ft-indicator.service";

export const dynamic = "force-dynamic";

export const PATCH = apiRoute({ permission: "subsidy.write", body: updateFtIndicatorSchema }, async ({ user, params, body }) => updateFtIndicator(db, user, params.id!, params.indicatorId!, body));

export const DELETE = apiRoute({ permission: "subsidy.write" }, async ({ user, params }) => {
  await deleteFtIndicator(db, user, params.id!, params.indicatorId!);
  return new NextResponse(null, { status: 204 });
});

import { NextResponse } from "next/server";
import { apiRoute } from "@/lib/api/handler";
import { db } from "@/lib/db";
import { updateVisitSchema } from "@/lib/visits/visit.schema";
import { deleteVisit, getVisit, updateVisit } from "@/lib/visits/visit.service";

export const dynamic = "force-dynamic";

export const GET = apiRoute({ permission: "visit.read" }, async ({ user, params }) => {
  const { platformId: _platformId, ...visit } = await getVisit(db, user, params.id!);
  return visit;
});
export const PATCH = apiRoute({ permission: "visit.write", body: updateVisitSchema }, async ({ user, params, body }) => {
  const { platformId: _platformId, ...visit } = await updateVisit(db, user, params.id!, body);
  return visit;
});
export const DELETE = apiRoute({ permission: "visit.write" }, async ({ user, params }) => {
  await deleteVisit(db, user, params.id!);
  return new NextResponse(null, { status: 204 });
});

import { NextResponse } from "next/server";
import { apiRoute } from "@/lib/api/handler";
import { db } from "@/lib/db";
import { deleteVisit, getVisit } from "@/lib/visits/visit.service";

export const dynamic = "force-dynamic";

export const GET = apiRoute({ permission: "visit.read" }, async ({ user, params }) => {
  const { platformId: _platformId, ...visit } = await getVisit(db, user, params.id!);
  return visit;
});
export const DELETE = apiRoute({ permission: "visit.write" }, async ({ user, params }) => {
  await deleteVisit(db, user, params.id!);
  return new NextResponse(null, { status: 204 });
});

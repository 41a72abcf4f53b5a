import { NextResponse } from "next/server";
import { apiRoute } from "@/lib/api/handler";
import { db } from "@/lib/db";
import { updateOfferSchema } from "@/lib/offers/offer.schema";
import { deleteOffer, getOffer, updateOffer } from "@/lib/offers/offer.service";

export const dynamic = "force-dynamic";

export const GET = apiRoute({ permission: "offer.read" }, ({ user, params }) => getOffer(db, user, params.id!));
export const PATCH = apiRoute({ permission: "offer.write", body: updateOfferSchema }, ({ user, params, body }) => updateOffer(db, user, params.id!, body));
export const DELETE = apiRoute({ permission: "offer.write" }, async ({ user, params }) => {
  await deleteOffer(db, user, params.id!);
  return new NextResponse(null, { status: 204 });
});

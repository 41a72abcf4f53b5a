import { NextResponse } from "next/server";
import { apiRoute, created } from "@/lib/api/handler";
import { db } from "@/lib/db";
import { listOffersJson } from "@/lib/offers/offer.query";
import { createOfferSchema, offerListQuerySchema } from "@/lib/offers/offer.schema";
import { createOffer } from "@/lib/offers/offer.service";

export const dynamic = "force-dynamic";

// The page's JSON is written by PostgreSQL (issue 18: Node CPU per request); same bytes as NextResponse.json.
export const GET = apiRoute({ permission: "offer.read", query: offerListQuerySchema }, async ({ user, query }) =>
  new NextResponse(await listOffersJson(db, user, query), { headers: { "content-type": "application/json" } }),
);
export const POST = apiRoute({ permission: "offer.write", body: createOfferSchema }, async ({ user, body }) => created(await createOffer(db, user, body)));

import { apiRoute, created } from "@/lib/api/handler";
import { db } from "@/lib/db";
import { listOffers } from "@/lib/offers/offer.query";
import { createOfferSchema, offerListQuerySchema } from "@/lib/offers/offer.schema";
import { createOffer } from "@/lib/offers/offer.service";

export const dynamic = "force-dynamic";

export const GET = apiRoute({ permission: "offer.read", query: offerListQuerySchema }, ({ user, query }) => listOffers(db, user, query));
export const POST = apiRoute({ permission: "offer.write", body: createOfferSchema }, async ({ user, body }) => created(await createOffer(db, user, body)));

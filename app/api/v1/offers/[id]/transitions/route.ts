import { apiRoute } from "@/lib/api/handler";
import { db } from "@/lib/db";
import { offerTransitionSchema } from "@/lib/offers/offer.schema";
import { transitionOffer } from "@/lib/offers/offer.service";

export const dynamic = "force-dynamic";

export const POST = apiRoute({ permission: "offer.write", body: offerTransitionSchema }, ({ user, params, body }) => transitionOffer(db, user, params.id!, body.to, body.version));

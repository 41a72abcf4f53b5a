"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { serverAction } from "@/lib/actions/action";
import { db } from "@/lib/db";
import { createOfferSchema, offerTransitionSchema, updateOfferSchema } from "@/lib/offers/offer.schema";
import { createOffer, deleteOffer, transitionOffer, updateOffer } from "@/lib/offers/offer.service";

const idField = z.string().uuid();

const create = serverAction({ permission: "offer.write", schema: createOfferSchema }, async (user, input) => {
  const o = await createOffer(db, user, input);
  revalidatePath("/offres");
  return { id: o.id };
});
const update = serverAction({ permission: "offer.write", schema: updateOfferSchema.and(z.object({ id: idField })) }, async (user, { id, ...input }) => {
  await updateOffer(db, user, id, input);
  revalidatePath(`/offres/${id}`);
  return { id };
});
const transition = serverAction({ permission: "offer.write", schema: offerTransitionSchema.extend({ id: idField }) }, async (user, { id, to, version }) => {
  await transitionOffer(db, user, id, to, version);
  revalidatePath(`/offres/${id}`);
  return { id };
});
const remove = serverAction({ permission: "offer.write", schema: z.object({ id: idField }) }, async (user, { id }) => {
  await deleteOffer(db, user, id);
  revalidatePath("/offres");
  return { id };
});

export async function createOfferAction(...a: Parameters<typeof create>) { return create(...a); }
export async function updateOfferAction(...a: Parameters<typeof update>) { return update(...a); }
export async function transitionOfferAction(...a: Parameters<typeof transition>) { return transition(...a); }
export async function deleteOfferAction(...a: Parameters<typeof remove>) { return remove(...a); }

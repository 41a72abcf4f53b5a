"use server";
// Issue 22 §4 — compte rendu financier (convention cadre Région art. 7.3): the products of the report.
// Kept apart from actions.ts so that the two halves of issue 22 §4 merge without touching each other.
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { serverAction } from "@/lib/actions/action";
import { db } from "@/lib/db";
import { productActualFormSchema } from "@/lib/subsidy/financial-report.schema";
import { recordProductActual } from "@/lib/subsidy/financial-report.service";

const fileRef = z.object({ fileId: z.uuid("Dossier invalide.") });

const product = serverAction({ permission: "subsidy.write", schema: z.intersection(fileRef, productActualFormSchema) }, async (user, { fileId, ...input }) => {
  await recordProductActual(db, user, fileId, input);
  revalidatePath(`/financement/${fileId}`);
  return undefined;
});

export async function recordProductAction(...a: Parameters<typeof product>) { return product(...a); }

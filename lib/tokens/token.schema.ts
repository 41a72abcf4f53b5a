import { z } from "zod";
import { instantOut } from "@/lib/api/common.schema";
import { blankAsUndefined } from "@/lib/fields.schema";

export const createTokenSchema = z.object({
  name: z.string().trim().min(2, "Donnez un nom d'au moins 2 caractères.").max(80, "80 caractères au plus."),
  expiresInDays: blankAsUndefined(z.coerce.number().int().min(1, "Au moins 1 jour.").max(365, "Au plus 365 jours.").default(90)),
});
export type CreateTokenInput = z.infer<typeof createTokenSchema>;

export const apiTokenSchema = z.object({
  id: z.string().uuid(),
  name: z.string(),
  prefix: z.string(),
  createdAt: instantOut(),
  lastUsedAt: instantOut().nullable(),
  expiresAt: instantOut().nullable(),
  revokedAt: instantOut().nullable(),
});
export type ApiTokenDto = z.infer<typeof apiTokenSchema>;

/** Returned once, at creation: the clear token is never stored nor shown again. */
export const createdTokenSchema = z.object({ token: z.string(), item: apiTokenSchema });

export const tokenIdParamsSchema = z.object({ id: z.string().uuid("Identifiant invalide.") });

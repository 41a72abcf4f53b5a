import { z } from "zod";
import { instantOut } from "@/lib/api/common.schema";
import { ROLES } from "@/lib/authz/policy";
import { CONTROL_CHARACTERS, NO_CONTROL_CHARACTERS, pageQuerySchema } from "@/lib/validation";

export const userListQuerySchema = pageQuerySchema.extend({
  q: z.string().trim().max(100).optional(),
  sort: z.enum(["email", "-email", "lastLogin", "-lastLogin"]).default("email"),
});
export type UserListQuery = z.infer<typeof userListQuerySchema>;

export interface UserSummary {
  id: string;
  email: string;
  name: string;
  role: string;
  platforms: string[];
  active: boolean;
  lastLoginAt: string | null;
  totpEnabled: boolean;
  charterAccepted: boolean;
}

/** Checkbox groups arrive as one string (one box ticked) or several (the form) or an array (API). */
/** An empty value marks "the group was sent with nothing ticked" (a hidden input in the form). */
const toArray = (v: unknown) => (v === undefined || v === null ? [] : Array.isArray(v) ? v : [v]).filter((x) => x !== "");
/** A ticked box sends "true"; the form adds a hidden "false" so that "unticked" is sent too. */
const isTicked = (v: unknown): boolean => (Array.isArray(v) ? v.some(isTicked) : v === true || v === "on" || v === "true");
const checkbox = z.preprocess(isTicked, z.boolean());

export const roleSchema = z.enum(ROLES, { error: "Choisissez un rôle." });

const accessFields = {
  role: roleSchema,
  platformIds: z.preprocess(toArray, z.array(z.uuid({ error: "Plateforme invalide." })).max(50, "Trop de plateformes.")),
  allPlatforms: checkbox.default(false),
};

export const inviteUserSchema = z.object({
  email: z.string().trim().toLowerCase().email({ error: "Adresse e-mail invalide." }).max(254, "Adresse e-mail trop longue."),
  firstName: z.string().trim().min(1, "Indiquez le prénom.").max(100, "Prénom trop long.").refine((v) => !CONTROL_CHARACTERS.test(v), NO_CONTROL_CHARACTERS),
  lastName: z.string().trim().min(1, "Indiquez le nom.").max(100, "Nom trop long.").refine((v) => !CONTROL_CHARACTERS.test(v), NO_CONTROL_CHARACTERS),
  ...accessFields,
});
export type InviteUserInput = z.infer<typeof inviteUserSchema>;

/** Change of role / platforms and/or activation; `version` guards against concurrent edits. */
export const updateUserSchema = z.object({
  version: z.coerce.number().int().min(1).max(2_147_483_647),
  role: roleSchema.optional(),
  platformIds: accessFields.platformIds.optional(),
  allPlatforms: z.preprocess((v) => (v === undefined ? undefined : isTicked(v)), z.boolean().optional()),
  active: z.preprocess((v) => (v === undefined ? undefined : v === true || v === "true"), z.boolean().optional()),
});
export type UpdateUserInput = z.infer<typeof updateUserSchema>;

export const userIdSchema = z.object({ id: z.uuid({ error: "Identifiant invalide." }) });

export const userDtoSchema = z.object({
  id: z.string(),
  email: z.string(),
  firstName: z.string(),
  lastName: z.string(),
  role: roleSchema,
  allPlatforms: z.boolean(),
  platforms: z.array(z.object({ id: z.string(), name: z.string() })),
  active: z.boolean(),
  invitationPending: z.boolean(),
  lastLoginAt: instantOut().nullable(),
  totpEnabled: z.boolean(),
  charterAcceptedAt: instantOut().nullable(),
  createdAt: instantOut(),
  version: z.number(),
});
export type UserDto = z.infer<typeof userDtoSchema>;

export const userSummarySchema = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  role: z.string(),
  platforms: z.array(z.string()),
  active: z.boolean(),
  lastLoginAt: instantOut().nullable(),
  totpEnabled: z.boolean(),
  charterAccepted: z.boolean(),
});

import { apiRoute } from "@/lib/api/handler";
import { db } from "@/lib/db";
import { NotFoundError } from "@/lib/errors";
import { updateUserSchema, userIdSchema } from "@/lib/users/user.schema";
import { getUser, updateUser } from "@/lib/users/user.service";

export const dynamic = "force-dynamic";

function idOf(params: Record<string, string>): string {
  const parsed = userIdSchema.safeParse(params);
  if (!parsed.success) throw new NotFoundError("Compte introuvable.");
  return parsed.data.id;
}

export const GET = apiRoute({ permission: "user.read" }, ({ user, params }) => getUser(db, user, idOf(params)));

export const PATCH = apiRoute({ permission: "user.invite", body: updateUserSchema }, ({ user, params, body }) => updateUser(db, user, idOf(params), body));

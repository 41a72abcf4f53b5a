import { apiRoute } from "@/lib/api/handler";
import { db } from "@/lib/db";
import { NotFoundError } from "@/lib/errors";
import { tokenIdParamsSchema } from "@/lib/tokens/token.schema";
import { revokeToken } from "@/lib/tokens/token.service";

export const dynamic = "force-dynamic";

export const DELETE = apiRoute({ permission: "token.manage" }, async ({ user, params }) => {
  const parsed = tokenIdParamsSchema.safeParse(params);
  if (!parsed.success) throw new NotFoundError("Jeton introuvable.");
  return revokeToken(db, user, parsed.data.id);
});

import { apiRoute, created } from "@/lib/api/handler";
import { db } from "@/lib/db";
import { createTokenSchema } from "@/lib/tokens/token.schema";
import { createToken, listTokens } from "@/lib/tokens/token.service";

export const dynamic = "force-dynamic";

export const GET = apiRoute({ permission: "token.manage" }, async ({ user }) => ({ items: await listTokens(db, user) }));

export const POST = apiRoute({ permission: "token.manage", body: createTokenSchema }, async ({ user, body, req }) =>
  created(await createToken(db, user, body, { viaToken: req.headers.get("authorization")?.startsWith("Bearer ") === true })),
);

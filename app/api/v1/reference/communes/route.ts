import { apiRoute } from "@/lib/api/handler";
import { db } from "@/lib/db";
import { searchCommunes } from "@/lib/reference/reference.query";
import { refSearchQuerySchema } from "@/lib/reference/reference.schema";

export const dynamic = "force-dynamic";

/** The communes of the caller's platforms' perimeters come first. */
export const GET = apiRoute({ permission: "reference.read", query: refSearchQuerySchema }, async ({ user, query }) => {
  const perimeter = user.platformIds.length
    ? (await db.platform.findMany({ where: { id: { in: [...user.platformIds] } }, select: { perimeterInseeCodes: true } })).flatMap((p) => p.perimeterInseeCodes)
    : [];
  return { items: await searchCommunes(db, query.q, perimeter) };
});

import { apiRoute } from "@/lib/api/handler";
import { db } from "@/lib/db";
import { searchNafSectors } from "@/lib/reference/naf-sectors";
import { searchNaf } from "@/lib/reference/reference.query";
import { nafSearchQuerySchema } from "@/lib/reference/reference.schema";

export const dynamic = "force-dynamic";

export const GET = apiRoute({ permission: "reference.read", query: nafSearchQuerySchema }, async ({ query }) => ({
  items: query.levels === "all" ? searchNafSectors(query.q) : await searchNaf(db, query.q),
}));

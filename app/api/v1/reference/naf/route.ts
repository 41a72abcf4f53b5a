import { apiRoute } from "@/lib/api/handler";
import { db } from "@/lib/db";
import { searchNaf } from "@/lib/reference/reference.query";
import { refSearchQuerySchema } from "@/lib/reference/reference.schema";

export const dynamic = "force-dynamic";

export const GET = apiRoute({ permission: "reference.read", query: refSearchQuerySchema }, async ({ query }) => ({ items: await searchNaf(db, query.q) }));

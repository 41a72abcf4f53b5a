import { apiRoute } from "@/lib/api/handler";
import { db } from "@/lib/db";
import { searchQuerySchema } from "@/lib/search/search.schema";
import { globalSearch } from "@/lib/search/search.service";

export const dynamic = "force-dynamic";

export const GET = apiRoute({ permission: "search.run", query: searchQuerySchema }, ({ user, query }) => globalSearch(db, user, query));

import { apiRoute } from "@/lib/api/handler";
import { db } from "@/lib/db";
import { searchCompanyOptions } from "@/lib/reference/company-picker";
import { refSearchQuerySchema } from "@/lib/reference/reference.schema";

export const dynamic = "force-dynamic";

export const GET = apiRoute({ permission: "company.read", query: refSearchQuerySchema }, async ({ user, query }) => ({ items: await searchCompanyOptions(db, user, query.q) }));

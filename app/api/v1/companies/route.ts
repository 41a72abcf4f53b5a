import { apiRoute } from "@/lib/api/handler";
import { listCompanies } from "@/lib/companies/company.query";
import { companyListQuerySchema } from "@/lib/companies/company.schema";
import { db } from "@/lib/db";

export const dynamic = "force-dynamic";

export const GET = apiRoute({ permission: "company.read", query: companyListQuerySchema }, ({ user, query }) => listCompanies(db, user, query));

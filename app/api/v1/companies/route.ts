import { apiRoute, created } from "@/lib/api/handler";
import { listCompanies } from "@/lib/companies/company.query";
import { companyListQuerySchema, createCompanySchema } from "@/lib/companies/company.schema";
import { createCompany } from "@/lib/companies/company.service";
import { db } from "@/lib/db";

export const dynamic = "force-dynamic";

export const GET = apiRoute({ permission: "company.read", query: companyListQuerySchema }, ({ user, query }) => listCompanies(db, user, query));
export const POST = apiRoute({ permission: "company.write", body: createCompanySchema }, async ({ user, body }) => created(await createCompany(db, user, body)));

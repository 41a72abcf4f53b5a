import { NextResponse } from "next/server";
import { apiRoute, created } from "@/lib/api/handler";
import { listCompaniesJson } from "@/lib/companies/company.query";
import { companyListQuerySchema, createCompanySchema } from "@/lib/companies/company.schema";
import { createCompany } from "@/lib/companies/company.service";
import { db } from "@/lib/db";

export const dynamic = "force-dynamic";

// The page's JSON is written by PostgreSQL (issue 18: Node CPU per request); same bytes as NextResponse.json.
export const GET = apiRoute({ permission: "company.read", query: companyListQuerySchema }, async ({ user, query }) =>
  new NextResponse(await listCompaniesJson(db, user, query), { headers: { "content-type": "application/json" } }),
);
export const POST = apiRoute({ permission: "company.write", body: createCompanySchema }, async ({ user, body }) => created(await createCompany(db, user, body)));

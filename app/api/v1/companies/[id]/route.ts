import { NextResponse } from "next/server";
import { apiRoute } from "@/lib/api/handler";
import { getCompany } from "@/lib/companies/company.query";
import { updateCompanySchema } from "@/lib/companies/company.schema";
import { deleteCompany, updateCompany } from "@/lib/companies/company.service";
import { db } from "@/lib/db";

export const dynamic = "force-dynamic";

export const GET = apiRoute({ permission: "company.read" }, ({ user, params }) => getCompany(db, user, params.id!));
export const PATCH = apiRoute({ permission: "company.write", body: updateCompanySchema }, ({ user, params, body }) => updateCompany(db, user, params.id!, body));
export const DELETE = apiRoute({ permission: "company.write" }, async ({ user, params }) => {
  await deleteCompany(db, user, params.id!);
  return new NextResponse(null, { status: 204 });
});

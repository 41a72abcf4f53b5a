import { apiRoute } from "@/lib/api/handler";
import { db } from "@/lib/db";
import { listImportBatches } from "@/lib/imports/company-import.service";

export const dynamic = "force-dynamic";

export const GET = apiRoute({ permission: "company.write" }, async ({ user }) => ({ items: await listImportBatches(db, user) }));

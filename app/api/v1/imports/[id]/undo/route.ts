import { apiRoute } from "@/lib/api/handler";
import { db } from "@/lib/db";
import { undoImportBatch } from "@/lib/imports/company-import.service";

export const dynamic = "force-dynamic";

export const POST = apiRoute({ permission: "company.write" }, ({ user, params }) => undoImportBatch(db, user, params.id!));

import { apiRoute } from "@/lib/api/handler";
import { db } from "@/lib/db";
import { getMyExport } from "@/lib/exports/table-export.service";

export const dynamic = "force-dynamic";

export const GET = apiRoute({ permission: "tableExport.run" }, ({ user, params }) => getMyExport(db, user, params.id!));

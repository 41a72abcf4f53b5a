import { apiRoute } from "@/lib/api/handler";
import { db } from "@/lib/db";
import { listMyExports } from "@/lib/exports/table-export.service";

export const dynamic = "force-dynamic";

export const GET = apiRoute({ permission: "tableExport.run" }, async ({ user }) => ({ items: await listMyExports(db, user) }));

import { apiRoute } from "@/lib/api/handler";
import { db } from "@/lib/db";
import { getSubsidyFileDetail } from "@/lib/subsidy/subsidy-file.service";

export const dynamic = "force-dynamic";

export const GET = apiRoute({ permission: "subsidy.read" }, async ({ user, params }) => ({ items: (await getSubsidyFileDetail(db, user, params.id!)).tranches }));

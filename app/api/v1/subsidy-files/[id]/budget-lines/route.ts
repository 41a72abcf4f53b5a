import { apiRoute, created } from "@/lib/api/handler";
import { db } from "@/lib/db";
import { budgetLineSchema } from "@/lib/subsidy/subsidy-file.schema";
import { addBudgetLine, getSubsidyFileDetail } from "@/lib/subsidy/subsidy-file.service";

export const dynamic = "force-dynamic";

export const GET = apiRoute({ permission: "subsidy.read" }, async ({ user, params }) => ({ items: (await getSubsidyFileDetail(db, user, params.id!)).lines }));

export const POST = apiRoute({ permission: "subsidy.write", body: budgetLineSchema }, async ({ user, params, body }) => created(await addBudgetLine(db, user, params.id!, body)));

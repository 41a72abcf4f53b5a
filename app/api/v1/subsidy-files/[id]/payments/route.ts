import { apiRoute, created } from "@/lib/api/handler";
import { db } from "@/lib/db";
import { paymentSchema } from "@/lib/subsidy/subsidy-file.schema";
import { getSubsidyFileDetail } from "@/lib/subsidy/subsidy-file.service";
import { recordPayment } from "@/lib/subsidy/subsidy-workflow.service";

export const dynamic = "force-dynamic";

export const GET = apiRoute({ permission: "subsidy.read" }, async ({ user, params }) => ({ items: (await getSubsidyFileDetail(db, user, params.id!)).payments }));

export const POST = apiRoute({ permission: "payment.write", body: paymentSchema }, async ({ user, params, body }) => created(await recordPayment(db, user, params.id!, body)));

import { apiRoute } from "@/lib/api/handler";
import { db } from "@/lib/db";
import { transitionSchema } from "@/lib/subsidy/subsidy-file.schema";
import { getSubsidyFileDetail } from "@/lib/subsidy/subsidy-file.service";
import { applyTransition } from "@/lib/subsidy/subsidy-workflow.service";

export const dynamic = "force-dynamic";

export const GET = apiRoute({ permission: "subsidy.read" }, async ({ user, params }) => ({ items: (await getSubsidyFileDetail(db, user, params.id!)).history }));

// Each step has its own permission (subsidy.submit / review / approve), checked by the service.
export const POST = apiRoute({ permission: "subsidy.read", body: transitionSchema }, ({ user, params, body }) => applyTransition(db, user, params.id!, body));

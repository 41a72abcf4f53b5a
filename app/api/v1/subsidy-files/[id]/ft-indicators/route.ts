import { apiRoute, created } from "@/lib/api/handler";
import { db } from "@/lib/db";
import { ftIndicatorInputSchema } from "@/lib/france-travail/ft-bilan.schema";
import { addFtIndicator, listFtIndicators } from "@/lib/france-travail/ft-indicator.service";

export const dynamic = "force-dynamic";

export const GET = apiRoute({ permission: "subsidy.read" }, async ({ user, params }) => ({ items: await listFtIndicators(db, user, params.id!) }));

export const POST = apiRoute({ permission: "subsidy.write", body: ftIndicatorInputSchema }, async ({ user, params, body }) => created(await addFtIndicator(db, user, params.id!, body)));

import { apiRoute } from "@/lib/api/handler";
import { db } from "@/lib/db";
import { productActualSchema } from "@/lib/subsidy/financial-report.schema";
import { recordProductActual } from "@/lib/subsidy/financial-report.service";

export const dynamic = "force-dynamic";

/** Issue 22 §4 — convention cadre Région art. 7.3: one product line of the compte rendu financier. */
export const PUT = apiRoute({ permission: "subsidy.write", body: productActualSchema }, async ({ user, params, body }) => recordProductActual(db, user, params.id!, body));

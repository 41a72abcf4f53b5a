import { apiRoute } from "@/lib/api/handler";
import { db } from "@/lib/db";
import { updateAnnualRequestSchema } from "@/lib/subsidy/annual-request.schema";
import { getAnnualRequest, updateAnnualRequest } from "@/lib/subsidy/annual-request.service";

export const dynamic = "force-dynamic";

/** Issue 22 §4 — the Région annual request (convention cadre art. 5): its elements and what is missing. */
export const GET = apiRoute({ permission: "subsidy.read" }, ({ user, params }) => getAnnualRequest(db, user, params.id!));

/** The platform manager writes the description of the operation and the annual action programme. */
export const PATCH = apiRoute({ permission: "subsidy.submit", body: updateAnnualRequestSchema }, ({ user, params, body, requestId }) =>
  updateAnnualRequest(db, user, params.id!, body, { requestId }));

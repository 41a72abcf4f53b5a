import { apiRoute } from "@/lib/api/handler";
import { idParam } from "@/lib/api/params";
import { db } from "@/lib/db";
import { rightsActionSchema } from "@/lib/rights/rights.schema";
import { applyRightsAction } from "@/lib/rights/rights.service";

export const dynamic = "force-dynamic";

export const POST = apiRoute({ permission: "rights.write", body: rightsActionSchema }, ({ user, params, body, requestId }) =>
  applyRightsAction(db, user, idParam(params, "Demande introuvable."), body, { requestId }),
);

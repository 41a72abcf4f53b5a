import { apiRoute } from "@/lib/api/handler";
import { idParam } from "@/lib/api/params";
import { db } from "@/lib/db";
import { updateBreachSchema } from "@/lib/rights/breach.schema";
import { getBreach, updateBreach } from "@/lib/rights/breach.service";

export const dynamic = "force-dynamic";

const NOT_FOUND = "Violation introuvable.";

export const GET = apiRoute({ permission: "breach.read" }, ({ user, params }) => getBreach(db, user, idParam(params, NOT_FOUND)));

export const PATCH = apiRoute({ permission: "breach.write", body: updateBreachSchema }, ({ user, params, body, requestId }) =>
  updateBreach(db, user, idParam(params, NOT_FOUND), body, { requestId }),
);

import { apiRoute } from "@/lib/api/handler";
import { idParam } from "@/lib/api/params";
import { db } from "@/lib/db";
import { getRightsRequest } from "@/lib/rights/rights.service";

export const dynamic = "force-dynamic";

export const GET = apiRoute({ permission: "rights.read" }, ({ user, params }) => getRightsRequest(db, user, idParam(params, "Demande introuvable.")));

import { apiRoute } from "@/lib/api/handler";
import { idParam } from "@/lib/api/params";
import { db } from "@/lib/db";
import { listRevisions } from "@/lib/rights/rights.service";

export const dynamic = "force-dynamic";

export const GET = apiRoute({ permission: "rights.write" }, async ({ user, params, requestId }) => ({
  items: await listRevisions(db, user, idParam(params, "Demande introuvable."), { requestId }),
}));

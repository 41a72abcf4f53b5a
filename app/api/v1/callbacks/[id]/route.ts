import { apiRoute } from "@/lib/api/handler";
import { idParam } from "@/lib/api/params";
import { updateCallbackSchema } from "@/lib/callbacks/callback.schema";
import { getCallback, updateCallback } from "@/lib/callbacks/callback.service";
import { db } from "@/lib/db";

export const dynamic = "force-dynamic";

export const GET = apiRoute({ permission: "callback.read" }, ({ user, params }) => getCallback(db, user, idParam(params, "Rappel introuvable.")));

export const PATCH = apiRoute({ permission: "callback.write", body: updateCallbackSchema }, ({ user, params, body }) =>
  updateCallback(db, user, idParam(params, "Rappel introuvable."), body),
);

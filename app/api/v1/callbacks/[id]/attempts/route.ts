import { apiRoute, created } from "@/lib/api/handler";
import { idParam } from "@/lib/api/params";
import { createAttemptSchema } from "@/lib/callbacks/callback.schema";
import { addCallbackAttempt } from "@/lib/callbacks/callback.service";
import { db } from "@/lib/db";

export const dynamic = "force-dynamic";

export const POST = apiRoute({ permission: "callback.write", body: createAttemptSchema }, async ({ user, params, body }) =>
  created(await addCallbackAttempt(db, user, idParam(params, "Rappel introuvable."), body)),
);

import { apiRoute, created } from "@/lib/api/handler";
import { callbackListQuerySchema, createCallbackSchema } from "@/lib/callbacks/callback.schema";
import { createCallback, listCallbacks } from "@/lib/callbacks/callback.service";
import { db } from "@/lib/db";

export const dynamic = "force-dynamic";

export const GET = apiRoute({ permission: "callback.read", query: callbackListQuerySchema }, ({ user, query }) => listCallbacks(db, user, query));

export const POST = apiRoute({ permission: "callback.write", body: createCallbackSchema }, async ({ user, body }) => created(await createCallback(db, user, body)));

import { apiRoute } from "@/lib/api/handler";
import { db } from "@/lib/db";
import { cancelEventSchema } from "@/lib/events/event.schema";
import { cancelEvent } from "@/lib/events/event.service";

export const dynamic = "force-dynamic";

export const POST = apiRoute({ permission: "event.write", body: cancelEventSchema }, ({ user, params, body, requestId }) => cancelEvent(db, user, params.id!, body, { requestId }));

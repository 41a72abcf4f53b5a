import { apiRoute } from "@/lib/api/handler";
import { db } from "@/lib/db";
import { updateEventSchema } from "@/lib/events/event.schema";
import { getEventFields, updateEvent } from "@/lib/events/event.service";

export const dynamic = "force-dynamic";

export const GET = apiRoute({ permission: "event.read" }, ({ user, params }) => getEventFields(db, user, params.id!));
export const PATCH = apiRoute({ permission: "event.write", body: updateEventSchema }, ({ user, params, body, requestId }) => updateEvent(db, user, params.id!, body, { requestId }));

import { apiRoute, created } from "@/lib/api/handler";
import { db } from "@/lib/db";
import { createEventSchema, eventListQuerySchema } from "@/lib/events/event.schema";
import { createEvent, listEvents } from "@/lib/events/event.service";

export const dynamic = "force-dynamic";

export const GET = apiRoute({ permission: "event.read", query: eventListQuerySchema }, ({ user, query }) => listEvents(db, user, query));

export const POST = apiRoute({ permission: "event.write", body: createEventSchema }, async ({ user, body, requestId }) =>
  created(await createEvent(db, user, body, { requestId })),
);

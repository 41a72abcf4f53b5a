import { apiRoute, created } from "@/lib/api/handler";
import { db } from "@/lib/db";
import { platformInputSchema } from "@/lib/platforms/platform.schema";
import { createPlatform, listPlatforms } from "@/lib/platforms/platform.service";

export const dynamic = "force-dynamic";

export const GET = apiRoute({ permission: "platform.read" }, async ({ user }) => ({ items: await listPlatforms(db, user) }));

export const POST = apiRoute({ permission: "platform.write", body: platformInputSchema }, async ({ user, body }) => created(await createPlatform(db, user, body)));

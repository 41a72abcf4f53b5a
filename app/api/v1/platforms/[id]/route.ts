import { z } from "zod";
import { apiRoute } from "@/lib/api/handler";
import { db } from "@/lib/db";
import { NotFoundError } from "@/lib/errors";
import { platformUpdateSchema } from "@/lib/platforms/platform.schema";
import { getPlatform, updatePlatform } from "@/lib/platforms/platform.service";

export const dynamic = "force-dynamic";

function idOf(params: Record<string, string>): string {
  const parsed = z.object({ id: z.uuid() }).safeParse(params);
  if (!parsed.success) throw new NotFoundError("Plateforme introuvable.");
  return parsed.data.id;
}

export const GET = apiRoute({ permission: "platform.read" }, ({ user, params }) => getPlatform(db, user, idOf(params)));

export const PATCH = apiRoute({ permission: "platform.write", body: platformUpdateSchema }, ({ user, params, body }) => updatePlatform(db, user, idOf(params), body));

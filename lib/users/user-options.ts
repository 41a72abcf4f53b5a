import "server-only";
// What an actor may offer in the account forms: the roles they may grant and the platforms.
import type { CurrentUser } from "@/lib/auth/principal";
import { ROLES } from "@/lib/authz/policy";
import type { Db } from "@/lib/db";

export async function grantOptions(db: Db, actor: CurrentUser) {
  const admin = actor.role === "ADMIN";
  const platforms = await db.platform.findMany({
    where: { active: true, ...(admin ? {} : { id: { in: [...actor.platformIds] } }) },
    select: { id: true, name: true },
    orderBy: { name: "asc" },
  });
  const roles = admin ? [...ROLES] : (["PLATFORM_ASSISTANT"] as const);
  return { roles, platforms, canAllPlatforms: admin };
}

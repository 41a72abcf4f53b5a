import "server-only";
// Choices offered by the callback and chef-de-file forms, limited to the user's scope.
import type { CurrentUser } from "@/lib/auth/principal";
import { scopeFor } from "@/lib/authz/policy";
import type { Db } from "@/lib/db";

export interface Option {
  value: string;
  label: string;
}

/** Companies the user sees, by name; a native select keeps type-ahead for keyboard users. */
export async function listCompanyOptions(db: Db, user: CurrentUser, limit = 2000): Promise<Option[]> {
  const scope = scopeFor(user, "company");
  if (!scope) return [];
  const rows = await db.company.findMany({ where: scope, select: { id: true, name: true, city: true }, orderBy: [{ name: "asc" }, { id: "asc" }], take: limit });
  return rows.map((c) => ({ value: c.id, label: c.city ? `${c.name} (${c.city})` : c.name }));
}

/** Active assistants and managers of the user's platforms: who can be put in charge of a callback. */
export async function listStaffOptions(db: Db, user: CurrentUser): Promise<Option[]> {
  const rows = await db.user.findMany({
    where: { active: true, role: { in: ["PLATFORM_ASSISTANT", "PLATFORM_MANAGER"] }, memberships: { some: { platformId: { in: [...user.platformIds] } } } },
    select: { id: true, firstName: true, lastName: true },
    orderBy: [{ lastName: "asc" }, { firstName: "asc" }],
  });
  return rows.map((u) => ({ value: u.id, label: `${u.firstName} ${u.lastName}` }));
}

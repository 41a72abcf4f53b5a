import "server-only";
import type { CurrentUser } from "@/lib/auth/principal";
import { can } from "@/lib/authz/policy";
import type { Db } from "@/lib/db";
import { ForbiddenError } from "@/lib/errors";
import type { UserListQuery, UserSummary } from "@/lib/users/user.schema";
import { likeLiteral } from "@/lib/search/like";

/** Admins see every account; a platform manager sees the members of their own platform(s). */
export async function listUsers(db: Db, user: CurrentUser, q: UserListQuery) {
  if (!can(user, "user.read")) throw new ForbiddenError();
  const scope = user.role === "ADMIN" ? {} : { memberships: { some: { platformId: { in: [...user.platformIds] } } } };
  const search = q.q ? { OR: [{ email: { contains: likeLiteral(q.q), mode: "insensitive" as const } }, { lastName: { contains: likeLiteral(q.q), mode: "insensitive" as const } }] } : {};
  const where = { AND: [scope, search] };
  const orderBy = q.sort.endsWith("email") ? { email: q.sort.startsWith("-") ? ("desc" as const) : ("asc" as const) } : { lastLoginAt: q.sort.startsWith("-") ? ("desc" as const) : ("asc" as const) };
  const [total, rows] = await Promise.all([
    db.user.count({ where }),
    db.user.findMany({
      where,
      orderBy: [orderBy, { id: "asc" }],
      skip: (q.page - 1) * q.pageSize,
      take: q.pageSize,
      select: {
        id: true,
        email: true,
        firstName: true,
        lastName: true,
        role: true,
        active: true,
        lastLoginAt: true,
        totpEnabledAt: true,
        charterAcceptedAt: true,
        memberships: { select: { platform: { select: { name: true } } } },
      },
    }),
  ]);
  const items: UserSummary[] = rows.map((u) => ({
    id: u.id,
    email: u.email,
    name: `${u.firstName} ${u.lastName}`,
    role: u.role,
    platforms: u.memberships.map((m) => m.platform.name),
    active: u.active,
    lastLoginAt: u.lastLoginAt?.toISOString() ?? null,
    totpEnabled: u.totpEnabledAt !== null,
    charterAccepted: u.charterAcceptedAt !== null,
  }));
  return { items, page: q.page, pageSize: q.pageSize, total };
}

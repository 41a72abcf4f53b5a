import "server-only";
// Loads the user's role and platform memberships from the database on every request, so that a
// deactivated user or a changed role takes effect at once.
import type { Principal } from "@/lib/authz/policy";
import type { DbOrTx } from "@/lib/db";
import type { Role } from "@/lib/generated/prisma/enums";
import { totpRequired } from "@/lib/auth/two-factor.rules";

export interface CurrentUser extends Principal {
  email: string;
  firstName: string;
  lastName: string;
  role: Role;
  platforms: { id: string; name: string }[];
  totpEnabled: boolean;
  /** Role requires two-factor login and it is not set up: every action but the enrolment is denied. */
  mustEnrolTotp: boolean;
  /** The confidentiality commitment (annex 1) is asked for before anything else. */
  charterAccepted: boolean;
}

export async function loadPrincipal(
  db: DbOrTx,
  userId: string,
  opts: { issuedAt?: number } = {},
): Promise<CurrentUser | null> {
  const user = await db.user.findUnique({
    where: { id: userId },
    select: {
      id: true,
      email: true,
      firstName: true,
      lastName: true,
      role: true,
      active: true,
      allPlatforms: true,
      sessionsRevokedAt: true,
      totpEnabledAt: true,
      charterAcceptedAt: true,
      memberships: { select: { platform: { select: { id: true, name: true } } } },
    },
  });
  if (!user || !user.active) return null;
  if (opts.issuedAt !== undefined && user.sessionsRevokedAt && user.sessionsRevokedAt.getTime() > opts.issuedAt * 1000) {
    return null;
  }
  const regionWide = user.allPlatforms && ["REGION_REFERENT", "REGION_FINANCE", "DPO"].includes(user.role);
  const platforms = regionWide
    ? await db.platform.findMany({ where: { active: true }, select: { id: true, name: true }, orderBy: { name: "asc" } })
    : user.memberships.map((m) => m.platform).sort((a, b) => a.name.localeCompare(b.name, "fr"));
  return {
    id: user.id,
    email: user.email,
    firstName: user.firstName,
    lastName: user.lastName,
    role: user.role,
    allPlatforms: regionWide,
    platformIds: platforms.map((p) => p.id),
    platforms,
    totpEnabled: user.totpEnabledAt !== null,
    mustEnrolTotp: totpRequired(user.role) && user.totpEnabledAt === null,
    charterAccepted: user.charterAcceptedAt !== null,
  };
}

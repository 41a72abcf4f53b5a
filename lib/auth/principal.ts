import "server-only";
// Loads the user's role and platform memberships from the database on every request, so that a
// deactivated user or a changed role takes effect at once. One SQL statement per request (issue 18):
// from a session's user id or an API token's hash to user, role, platforms and 2FA state — any
// per-request revocation check belongs in `PRINCIPAL_SQL` / `toPrincipal` below, not in a second query.
import { API_TOKEN_ROLES, type Principal } from "@/lib/authz/policy";
import type { DbOrTx } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import type { Role } from "@/lib/generated/prisma/enums";
import { charterIsCurrent } from "@/lib/auth/charter.rules";
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
  /** The confidentiality commitment (annex 1 art. 3.10.1) in its version in force: asked for before anything else. */
  charterAccepted: boolean;
}

/** Roles that see every active platform when the account is flagged `allPlatforms`. */
const REGION_WIDE_ROLES: readonly Role[] = ["REGION_REFERENT", "REGION_FINANCE", "DPO"];

interface PrincipalRow {
  id: string;
  email: string;
  firstName: string;
  lastName: string;
  role: Role;
  active: boolean;
  allPlatforms: boolean;
  sessionsRevokedAt: Date | null;
  totpEnabledAt: Date | null;
  charterAcceptedAt: Date | null;
  charterVersion: number | null;
  /** Version of the confidentiality commitment in force (null: none written). */
  charterCurrentVersion: number | null;
  /** Platforms ordered by name: every active one for a region-wide account, else its memberships. */
  platforms: { id: string; name: string }[];
  tokenId: string | null;
  tokenRevokedAt: Date | null;
  tokenExpiresAt: Date | null;
  tokenLastUsedAt: Date | null;
}

/** The user (and, for a token, the token) matching `where`, with its platforms, in one statement. */
function principalSql(from: Prisma.Sql, where: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`
    SELECT u.id, u.email, u."firstName", u."lastName", u.role::text AS role, u.active, u."allPlatforms",
           u."sessionsRevokedAt", u."totpEnabledAt", u."charterAcceptedAt", u."charterVersion",
           (SELECT max(n.version) FROM "NoticeText" n WHERE n.kind = 'CONFIDENTIALITY' AND n."validFrom" <= now()) AS "charterCurrentVersion",
           COALESCE((
             SELECT json_agg(json_build_object('id', p.id, 'name', p.name) ORDER BY p.name)
             FROM "Platform" p
             WHERE CASE WHEN u."allPlatforms" AND u.role::text = ANY(${REGION_WIDE_ROLES as Role[]}::text[])
                        THEN p.active
                        ELSE EXISTS (SELECT 1 FROM "PlatformMembership" m WHERE m."userId" = u.id AND m."platformId" = p.id) END
           ), '[]'::json) AS platforms,
           ${from}
    WHERE ${where}`;
}

function toPrincipal(user: PrincipalRow, opts: { issuedAt?: number }): CurrentUser | null {
  if (!user.active) return null;
  if (opts.issuedAt !== undefined && user.sessionsRevokedAt && user.sessionsRevokedAt.getTime() > opts.issuedAt * 1000) {
    return null;
  }
  const regionWide = user.allPlatforms && REGION_WIDE_ROLES.includes(user.role);
  const platforms = regionWide ? user.platforms : [...user.platforms].sort((a, b) => a.name.localeCompare(b.name, "fr"));
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
    charterAccepted: charterIsCurrent(user.charterAcceptedAt, user.charterVersion, user.charterCurrentVersion),
  };
}

/** The signed-in user by id (session cookie, background jobs); null when unknown, inactive or revoked. */
export async function loadPrincipal(
  db: DbOrTx,
  userId: string,
  opts: { issuedAt?: number } = {},
): Promise<CurrentUser | null> {
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(userId)) return null;
  const rows = await db.$queryRaw<PrincipalRow[]>(principalSql(
    Prisma.sql`NULL::uuid AS "tokenId", NULL::timestamp AS "tokenRevokedAt", NULL::timestamp AS "tokenExpiresAt", NULL::timestamp AS "tokenLastUsedAt" FROM "User" u`,
    Prisma.sql`u.id = ${userId}::uuid`,
  ));
  return rows[0] ? toPrincipal(rows[0], opts) : null;
}

/**
 * The owner of a personal API token by the token's SHA-256, in the same single statement, with the
 * token's state: null when the token is unknown, revoked or expired, or its owner refused — and when
 * the owner's role may not hold a token (API_TOKEN_ROLES, lib/authz/policy.ts, issue 22 §6): a DPO's
 * or an assistant's token made before issue 22 restricted them, or one whose owner's role changed
 * outside the user screens (which revoke it), authenticates nobody (401).
 */
export async function loadPrincipalByToken(
  db: DbOrTx,
  tokenHash: string,
  now: Date = new Date(),
): Promise<{ user: CurrentUser; tokenId: string; lastUsedAt: Date | null } | null> {
  const rows = await db.$queryRaw<PrincipalRow[]>(principalSql(
    Prisma.sql`t.id AS "tokenId", t."revokedAt" AS "tokenRevokedAt", t."expiresAt" AS "tokenExpiresAt", t."lastUsedAt" AS "tokenLastUsedAt"
      FROM "ApiToken" t JOIN "User" u ON u.id = t."userId"`,
    Prisma.sql`t."tokenHash" = ${tokenHash}`,
  ));
  const row = rows[0];
  if (!row || row.tokenRevokedAt || (row.tokenExpiresAt && row.tokenExpiresAt < now)) return null;
  if (!API_TOKEN_ROLES.has(row.role)) return null;
  const user = toPrincipal(row, {});
  // A token's principal says so: files of personal data are refused to it (SESSION_ONLY_ACTIONS, lib/authz/policy.ts).
  return user ? { user: { ...user, credential: "token" }, tokenId: row.tokenId!, lastUsedAt: row.tokenLastUsedAt } : null;
}

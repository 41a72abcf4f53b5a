// Issue 22 §6 — personal API tokens belong to the roles that integrate the application with another
// tool (API_TOKEN_ROLES, lib/authz/policy.ts). The user screens revoke a token when its owner moves
// to another role, but a token made before issue 22 restricted them (a DPO's, an assistant's), or one
// whose owner's role was changed outside the screens, used to keep authenticating. It is refused at
// authentication now: the French 401, the same as an unknown token, through the real route handlers.
import { randomBytes } from "node:crypto";
import { beforeEach, describe, expect, it, vi } from "vitest";

const current = vi.hoisted(() => ({ headers: new Headers() }));
vi.mock("next/headers", () => ({
  headers: async () => current.headers,
  cookies: async () => ({ get: () => undefined, getAll: () => [], has: () => false }),
}));

import { loadPrincipalByToken } from "@/lib/auth/principal";
import { hashToken } from "@/lib/auth/session";
import { API_TOKEN_ROLES, ROLES } from "@/lib/authz/policy";
import type { Role } from "@/lib/generated/prisma/enums";
import { createPlatform, createUser } from "@/tests/factories";
import { BASE_URL, inProcessFetch } from "@/tests/support/api-client";
import { db, resetDb } from "@/tests/support/db";

const http = inProcessFetch(current);

/** A token planted in the table, as one created before the rule (or by a script) would be. */
async function plantToken(userId: string): Promise<string> {
  const token = `pe_${randomBytes(24).toString("base64url")}`;
  await db.apiToken.create({ data: { userId, name: "ancien script", tokenHash: hashToken(token), prefix: token.slice(0, 8) } });
  return token;
}

async function me(token: string): Promise<{ status: number; body: { error?: { code: string; message: string } } }> {
  const res = await http(new Request(`${BASE_URL}/api/v1/me`, { headers: { authorization: `Bearer ${token}` } }));
  return { status: res.status, body: (await res.json()) as { error?: { code: string; message: string } } };
}

const REFUSED = { status: 401, body: { error: { code: "UNAUTHENTICATED", message: "Authentification requise." } } };

beforeEach(resetDb);

describe("jetons d'accès des rôles qui ne peuvent pas en détenir", () => {
  it("le jeton d'un rôle sans droit aux jetons (DPO, assistant, référent, finance) reçoit le 401 en français ; celui d'un rôle autorisé passe", async () => {
    const lens = await createPlatform(db, "Lens test");
    const without = ROLES.filter((r) => !API_TOKEN_ROLES.has(r));
    expect(without).toEqual(expect.arrayContaining<Role>(["DPO", "PLATFORM_ASSISTANT", "REGION_REFERENT", "REGION_FINANCE"]));
    for (const role of ROLES) {
      const user = await createUser(db, { role, platformIds: role.startsWith("PLATFORM_") ? [lens.id] : [], allPlatforms: !role.startsWith("PLATFORM_") && role !== "ADMIN" });
      const token = await plantToken(user.id);
      const answer = await me(token);
      if (API_TOKEN_ROLES.has(role)) expect(answer.status, role).toBe(200);
      else {
        expect(answer, role).toMatchObject(REFUSED);
        expect(await loadPrincipalByToken(db, hashToken(token)), role).toBeNull();
      }
    }
  });

  it("un rôle qui perd le droit aux jetons ne peut plus se servir d'un ancien jeton (rôle changé hors des écrans, qui le révoqueraient)", async () => {
    const lens = await createPlatform(db, "Lens test");
    const manager = await createUser(db, { role: "PLATFORM_MANAGER", platformIds: [lens.id] });
    const token = await plantToken(manager.id);
    expect((await me(token)).status).toBe(200);
    await db.user.update({ where: { id: manager.id }, data: { role: "PLATFORM_ASSISTANT" } });
    expect(await me(token)).toMatchObject(REFUSED);
    // Not revoked: the refusal is the role's, at each call (the token is still in the table, unused).
    expect(await db.apiToken.count({ where: { userId: manager.id, revokedAt: null } })).toBe(1);
  });
});

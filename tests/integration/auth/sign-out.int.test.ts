// Signing out ends the session on the server (issue 16, Medium #8): a cookie captured before
// sign-out neither reads the API nor gets renewed by /api/auth/session.
import { beforeEach, describe, expect, it } from "vitest";
import type { JWT } from "next-auth/jwt";
import { authOptions, sessionIssuedAtMs } from "@/lib/auth/options";
import { loadPrincipal } from "@/lib/auth/principal";
import { createUser } from "@/tests/factories";
import { db, resetDb } from "@/tests/support/db";

beforeEach(resetDb);

const jwt = (params: { token: JWT; user?: { id: string; email: string } }) => authOptions.callbacks!.jwt!(params as never) as Promise<JWT>;
const signIn = (user: { id: string; email: string }) => jwt({ token: { email: user.email }, user });
/** What every request does with the cookie (lib/auth/session.ts). */
const principalOf = (token: JWT) => loadPrincipal(db, token.sub!, { issuedAt: sessionIssuedAtMs(token) / 1000 });

describe("déconnexion", () => {
  it("une session capturée avant la déconnexion ne sert plus et n'est plus renouvelée", async () => {
    const u = await createUser(db, { role: "PLATFORM_MANAGER", email: "cdp@test.demo" });
    const captured = await signIn(u);
    // Before sign-out: the session is renewed and reads the API.
    expect((await jwt({ token: captured })).expired).toBeUndefined();
    expect(await principalOf(captured)).not.toBeNull();

    await authOptions.events!.signOut!({ token: captured, session: null as never });

    expect((await jwt({ token: captured })).expired).toBe(true);
    expect(await principalOf(captured)).toBeNull();
    expect(await db.auditEvent.count({ where: { action: "auth.logout", actorId: u.id } })).toBe(1);

    // Signing in again right after gives a working session.
    const fresh = await signIn(u);
    expect(await principalOf(fresh)).not.toBeNull();
    expect((await jwt({ token: fresh })).expired).toBeUndefined();
  });

  it("une session d'un compte désactivé n'est plus renouvelée", async () => {
    const u = await createUser(db, { role: "PLATFORM_MANAGER", email: "off@test.demo" });
    const token = await signIn(u);
    await db.user.update({ where: { id: u.id }, data: { active: false } });
    expect((await jwt({ token })).expired).toBe(true);
  });
});

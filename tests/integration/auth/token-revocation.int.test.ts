// Personal API tokens (issue 16, #9): they end with a password reset and with a deactivation (a
// reactivation does not revive them), a token cannot mint tokens, and their lifetime is capped.
import { randomBytes } from "node:crypto";
import { beforeEach, describe, expect, it } from "vitest";
import { loadPrincipal } from "@/lib/auth/principal";
import { hashToken } from "@/lib/auth/session";
import { env } from "@/lib/env";
import { createToken } from "@/lib/tokens/token.service";
import { setPasswordWithToken } from "@/lib/users/password.service";
import { updateUser } from "@/lib/users/user.service";
import { issueUserToken } from "@/lib/users/user-token.service";
import { createUser } from "@/tests/factories";
import { db, resetDb } from "@/tests/support/db";

beforeEach(resetDb);

async function plantToken(userId: string) {
  const token = `pe_${randomBytes(24).toString("base64url")}`;
  return db.apiToken.create({ data: { userId, name: "script", tokenHash: hashToken(token), prefix: token.slice(0, 8) } });
}
const live = (id: string) => db.apiToken.count({ where: { id, revokedAt: null } });

describe("jetons d'accès personnels et sécurité du compte", () => {
  it("une réinitialisation du mot de passe révoque les jetons", async () => {
    const u = await createUser(db, { role: "PLATFORM_MANAGER" });
    const t = await plantToken(u.id);
    const link = await issueUserToken(db, u.id, "PASSWORD_RESET");
    await setPasswordWithToken(db, { token: link, password: "Un-nouveau-mot-de-passe-2026!", confirmation: "Un-nouveau-mot-de-passe-2026!" });
    expect(await live(t.id)).toBe(0);
  });

  it("une désactivation révoque les jetons, et la réactivation ne les fait pas revivre", async () => {
    const admin = (await loadPrincipal(db, (await createUser(db, { role: "ADMIN" })).id))!;
    const u = await createUser(db, { role: "REGION_REFERENT", allPlatforms: true });
    const t = await plantToken(u.id);
    await updateUser(db, admin, u.id, { version: 1, active: false });
    await updateUser(db, admin, u.id, { version: 2, active: true });
    expect(await live(t.id)).toBe(0);
  });

  it("un jeton ne crée pas de jeton, et la durée est plafonnée", async () => {
    const u = (await loadPrincipal(db, (await createUser(db, { role: "ADMIN" })).id))!;
    await expect(createToken(db, u, { name: "chaîne", expiresInDays: 30 }, { viaToken: true })).rejects.toMatchObject({ status: 403 });
    await expect(createToken(db, u, { name: "long", expiresInDays: env.API_TOKEN_MAX_DAYS + 1 }, { viaToken: false })).rejects.toMatchObject({ status: 400 });
    expect((await createToken(db, u, { name: "ok", expiresInDays: env.API_TOKEN_MAX_DAYS }, { viaToken: false })).token).toMatch(/^pe_/);
  });
});

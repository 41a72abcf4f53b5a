import { generateSync } from "otplib";
import { beforeEach, describe, expect, it } from "vitest";
import { authorizeCredentials, THROTTLED_ERROR } from "@/lib/auth/options";
import { createHash } from "node:crypto";
import { loadPrincipal, loadPrincipalByToken } from "@/lib/auth/principal";
import { ACCOUNT_LIMIT } from "@/lib/auth/throttle";
import { createPlatform, createUser, TEST_PASSWORD } from "@/tests/factories";
import { DEMO_TOTP_SECRET } from "@/prisma/seed/demo-totp";
import { db, resetDb } from "@/tests/support/db";

beforeEach(resetDb);

describe("connexion par identifiants", () => {
  it("accepte le bon mot de passe, quelle que soit la casse de l'e-mail, et journalise la connexion", async () => {
    const user = await createUser(db, { role: "DPO", email: "dpo@test.demo" });
    const result = await authorizeCredentials({ email: "  DPO@Test.demo ", password: TEST_PASSWORD, totp: generateSync({ secret: DEMO_TOTP_SECRET }) }, "10.0.0.1");
    expect(result).toEqual({ id: user.id, email: "dpo@test.demo" });
    const audit = await db.auditEvent.findFirst({ where: { action: "auth.login.succeeded", actorId: user.id } });
    expect(audit).not.toBeNull();
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).lastLoginAt).not.toBeNull();
  });

  it("refuse de la même façon un mauvais mot de passe, un compte inconnu et un compte désactivé", async () => {
    await createUser(db, { role: "ADMIN", email: "admin@test.demo" });
    await createUser(db, { role: "ADMIN", email: "off@test.demo", active: false });
    expect(await authorizeCredentials({ email: "admin@test.demo", password: "faux" }, "10.0.0.2")).toBeNull();
    expect(await authorizeCredentials({ email: "inconnu@test.demo", password: TEST_PASSWORD }, "10.0.0.2")).toBeNull();
    expect(await authorizeCredentials({ email: "off@test.demo", password: TEST_PASSWORD }, "10.0.0.2")).toBeNull();
    expect(await authorizeCredentials({ email: "pas-un-email", password: "x" }, "10.0.0.2")).toBeNull();
    expect(await db.auditEvent.count({ where: { action: "auth.login.failed" } })).toBe(3);
  });

  it("ralentit un compte après trop d'échecs : pendant l'intervalle, même le bon mot de passe seul est refusé", async () => {
    await createUser(db, { role: "ADMIN", email: "cible@test.demo", totp: false });
    for (let i = 0; i < ACCOUNT_LIMIT.maxFailures; i++) {
      expect(await authorizeCredentials({ email: "cible@test.demo", password: `faux-${i}` }, `10.1.0.${i}`)).toBeNull();
    }
    await expect(authorizeCredentials({ email: "cible@test.demo", password: TEST_PASSWORD }, "10.9.9.9")).rejects.toThrow(THROTTLED_ERROR);
    expect(await db.auditEvent.count({ where: { action: "auth.login.throttled" } })).toBe(1);
  });

  it("bloque une adresse IP qui essaie de nombreux comptes", async () => {
    const ipLimit = ACCOUNT_LIMIT.maxFailures * 6;
    for (let i = 0; i < ipLimit; i++) {
      await authorizeCredentials({ email: `essai${i}@test.demo`, password: "faux" }, "10.2.0.1");
    }
    await createUser(db, { role: "ADMIN", email: "victime@test.demo", totp: false });
    await expect(authorizeCredentials({ email: "victime@test.demo", password: TEST_PASSWORD }, "10.2.0.1")).rejects.toThrow(THROTTLED_ERROR);
    expect(await authorizeCredentials({ email: "victime@test.demo", password: TEST_PASSWORD }, "10.2.0.2")).not.toBeNull();
  });
});

describe("rôle et plateformes relus à chaque requête", () => {
  it("renvoie les plateformes de l'utilisateur, et toutes pour un rôle régional", async () => {
    const lens = await createPlatform(db, "Lens test");
    const amiens = await createPlatform(db, "Amiens test");
    const assistant = await createUser(db, { role: "PLATFORM_ASSISTANT", platformIds: [lens.id] });
    const referent = await createUser(db, { role: "REGION_REFERENT", allPlatforms: true });
    expect((await loadPrincipal(db, assistant.id))?.platforms).toEqual([{ id: lens.id, name: "Lens test" }]);
    expect([...((await loadPrincipal(db, referent.id))?.platformIds ?? [])].sort()).toEqual([lens.id, amiens.id].sort());
  });

  it("met dehors à l'instant un utilisateur désactivé ou dont les sessions ont été révoquées", async () => {
    const user = await createUser(db, { role: "ADMIN" });
    const loginTime = Math.floor(Date.now() / 1000) - 60;
    expect(await loadPrincipal(db, user.id, { issuedAt: loginTime })).not.toBeNull();
    await db.user.update({ where: { id: user.id }, data: { sessionsRevokedAt: new Date() } });
    expect(await loadPrincipal(db, user.id, { issuedAt: loginTime })).toBeNull();
    await db.user.update({ where: { id: user.id }, data: { sessionsRevokedAt: null, active: false } });
    expect(await loadPrincipal(db, user.id, { issuedAt: loginTime })).toBeNull();
  });

  it("jeton d'API : propriétaire, rôle et plateformes en une requête ; compte désactivé, jeton révoqué ou expiré refusés dès l'appel suivant", async () => {
    const lens = await createPlatform(db, "Lens test");
    const user = await createUser(db, { role: "PLATFORM_MANAGER", platformIds: [lens.id] });
    const hash = (t: string) => createHash("sha256").update(t).digest("hex");
    const token = await db.apiToken.create({ data: { userId: user.id, name: "t", tokenHash: hash("pe_un"), prefix: "pe_un" } });
    const found = await loadPrincipalByToken(db, hash("pe_un"));
    expect(found).toMatchObject({ tokenId: token.id, lastUsedAt: null, user: { id: user.id, role: "PLATFORM_MANAGER", platformIds: [lens.id], mustEnrolTotp: false } });
    expect(await loadPrincipalByToken(db, hash("pe_inconnu"))).toBeNull();
    await db.user.update({ where: { id: user.id }, data: { active: false } });
    expect(await loadPrincipalByToken(db, hash("pe_un"))).toBeNull();
    await db.user.update({ where: { id: user.id }, data: { active: true } });
    // A role change is read at the next call: to a role that may not hold a token (issue 22 §6), the
    // token authenticates nobody; to another that may, it carries the new role.
    await db.user.update({ where: { id: user.id }, data: { role: "PLATFORM_ASSISTANT" } });
    expect(await loadPrincipalByToken(db, hash("pe_un"))).toBeNull();
    await db.user.update({ where: { id: user.id }, data: { role: "ADMIN", totpEnabledAt: new Date() } });
    expect((await loadPrincipalByToken(db, hash("pe_un")))?.user.role).toBe("ADMIN");
    await db.apiToken.update({ where: { id: token.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect(await loadPrincipalByToken(db, hash("pe_un"))).toBeNull();
    await db.apiToken.update({ where: { id: token.id }, data: { expiresAt: null, revokedAt: new Date() } });
    expect(await loadPrincipalByToken(db, hash("pe_un"))).toBeNull();
    expect(await loadPrincipal(db, "pas-un-uuid")).toBeNull();
  });

  it("prend en compte un changement de rôle sans nouvelle connexion", async () => {
    const user = await createUser(db, { role: "PLATFORM_ASSISTANT" });
    await db.user.update({ where: { id: user.id }, data: { role: "PLATFORM_MANAGER" } });
    expect((await loadPrincipal(db, user.id))?.role).toBe("PLATFORM_MANAGER");
  });
});

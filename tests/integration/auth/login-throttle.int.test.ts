// Login throttling under parallel attempts (issue 16, High #1) and who can be kept out (Medium #5).
// A scripted re-run of the attacks of the security review: each must stay closed.
import { generateSync } from "otplib";
import { beforeEach, describe, expect, it } from "vitest";
import { authorizeCredentials, THROTTLED_ERROR, TOTP_INVALID_ERROR } from "@/lib/auth/credentials";
import { ACCOUNT_LIMIT, IP_LIMIT, SLOWDOWN_SECONDS } from "@/lib/auth/throttle";
import { DEMO_TOTP_SECRET } from "@/prisma/seed/demo-totp";
import { createUser, TEST_PASSWORD } from "@/tests/factories";
import { db, resetDb } from "@/tests/support/db";

beforeEach(resetDb);

type Outcome = "ok" | "failed" | "throttled" | "totp-invalid" | "other";
async function attempt(credentials: Record<string, string>, ip: string): Promise<Outcome> {
  try {
    return (await authorizeCredentials(credentials, ip)) ? "ok" : "failed";
  } catch (err) {
    const message = err instanceof Error ? err.message : "";
    if (message === THROTTLED_ERROR) return "throttled";
    if (message === TOTP_INVALID_ERROR) return "totp-invalid";
    return "other";
  }
}
const count = (outcomes: Outcome[], o: Outcome) => outcomes.filter((x) => x === o).length;
const wrongCode = () => (generateSync({ secret: DEMO_TOTP_SECRET }) === "000000" ? "111111" : "000000");

describe("limitation des tentatives de connexion en parallèle", () => {
  it("200 mauvais mots de passe simultanés depuis une adresse : au plus la limite est évaluée, le reste refusé", async () => {
    const u = await createUser(db, { role: "ADMIN", email: "cible@test.demo", totp: false });
    const outcomes = await Promise.all(Array.from({ length: 200 }, (_, i) => attempt({ email: "cible@test.demo", password: `faux-${i}` }, "10.20.0.1")));
    const evaluated = await db.auditEvent.count({ where: { action: "auth.login.failed", actorId: u.id } });
    expect(evaluated).toBeLessThanOrEqual(ACCOUNT_LIMIT.maxFailures);
    expect(count(outcomes, "failed")).toBe(evaluated);
    expect(count(outcomes, "throttled")).toBe(200 - evaluated);
  });

  it("200 codes de double authentification simultanés avec le bon mot de passe : au plus la limite est évaluée", async () => {
    const u = await createUser(db, { role: "REGION_FINANCE", email: "finance@test.demo", allPlatforms: true });
    const outcomes = await Promise.all(
      Array.from({ length: 200 }, () => attempt({ email: "finance@test.demo", password: TEST_PASSWORD, totp: wrongCode() }, "10.20.0.2")),
    );
    const evaluated = await db.auditEvent.count({ where: { action: "auth.login.failed", actorId: u.id } });
    expect(evaluated).toBeLessThanOrEqual(ACCOUNT_LIMIT.maxFailures);
    expect(count(outcomes, "totp-invalid")).toBe(evaluated);
    expect(count(outcomes, "throttled")).toBe(200 - evaluated);
  });

  it("200 tentatives simultanées depuis 200 adresses différentes : l'évaluation reste bornée pour le compte", async () => {
    const u = await createUser(db, { role: "ADMIN", email: "distribue@test.demo", totp: false });
    const outcomes = await Promise.all(Array.from({ length: 200 }, (_, i) => attempt({ email: "distribue@test.demo", password: `faux-${i}` }, `10.21.${i >> 8}.${i & 255}`)));
    // One evaluated attempt per slowdown interval beyond the limit: none within this burst.
    expect(await db.auditEvent.count({ where: { action: "auth.login.failed", actorId: u.id } })).toBeLessThanOrEqual(ACCOUNT_LIMIT.maxFailures);
    expect(count(outcomes, "ok")).toBe(0);
  });

  it("une adresse qui essaie de nombreux comptes en parallèle est bornée par la limite de l'adresse", async () => {
    const outcomes = await Promise.all(Array.from({ length: 200 }, (_, i) => attempt({ email: `essai${i}@test.demo`, password: "faux" }, "10.22.0.1")));
    expect(await db.auditEvent.count({ where: { action: "auth.login.failed" } })).toBeLessThanOrEqual(IP_LIMIT.maxFailures);
    expect(count(outcomes, "throttled")).toBeGreaterThanOrEqual(200 - IP_LIMIT.maxFailures);
  });
});

describe("personne ne peut tenir le titulaire d'un compte dehors", () => {
  it("des échecs depuis d'autres adresses ne bloquent pas le titulaire : bon mot de passe + second facteur passent le ralentissement", async () => {
    const u = await createUser(db, { role: "ADMIN", email: "admin@test.demo" });
    // The attacker (no password) from many addresses, more than the limit.
    for (let i = 0; i < ACCOUNT_LIMIT.maxFailures * 3; i++) {
      await attempt({ email: "admin@test.demo", password: `faux-${i}` }, `10.30.0.${i}`);
    }
    // The account is slowed down: a further guess, even of the right password alone, learns nothing.
    expect(await attempt({ email: "admin@test.demo", password: "encore-faux", totp: wrongCode() }, "10.30.1.1")).toBe("throttled");
    // The owner, with the password and the second factor, gets in at once.
    expect(await attempt({ email: "admin@test.demo", password: TEST_PASSWORD, totp: generateSync({ secret: DEMO_TOTP_SECRET }) }, "192.0.2.10")).toBe("ok");
    expect(await db.auditEvent.count({ where: { action: "auth.login.succeeded", actorId: u.id } })).toBe(1);
  });

  it("compte sans double authentification : ralenti (une tentative par intervalle), jamais bloqué pour la fenêtre", async () => {
    await createUser(db, { role: "PLATFORM_MANAGER", email: "cdp@test.demo", totp: false });
    for (let i = 0; i < ACCOUNT_LIMIT.maxFailures; i++) await attempt({ email: "cdp@test.demo", password: `faux-${i}` }, `10.31.0.${i}`);
    // Within the interval: refused even with the right password (the attacker could be the one asking).
    expect(await attempt({ email: "cdp@test.demo", password: TEST_PASSWORD }, "192.0.2.11")).toBe("throttled");
    // Once the interval is over (moved back in time here), the right password goes through.
    await db.loginThrottle.update({ where: { key: "email:cdp@test.demo" }, data: { lockedUntil: new Date(Date.now() - 1000) } });
    expect(await attempt({ email: "cdp@test.demo", password: TEST_PASSWORD }, "192.0.2.11")).toBe("ok");
    expect(SLOWDOWN_SECONDS).toBeLessThan(ACCOUNT_LIMIT.lockMinutes * 60);
  });

  it("une adresse qui insiste sur un compte est arrêtée, les autres adresses du titulaire ne le sont pas", async () => {
    await createUser(db, { role: "PLATFORM_MANAGER", email: "pair@test.demo", totp: false });
    for (let i = 0; i < ACCOUNT_LIMIT.maxFailures; i++) expect(await attempt({ email: "pair@test.demo", password: `faux-${i}` }, "10.32.0.1")).toBe("failed");
    expect(await attempt({ email: "pair@test.demo", password: TEST_PASSWORD }, "10.32.0.1")).toBe("throttled");
    await db.loginThrottle.update({ where: { key: "email:pair@test.demo" }, data: { lockedUntil: new Date(Date.now() - 1000) } });
    expect(await attempt({ email: "pair@test.demo", password: TEST_PASSWORD }, "192.0.2.12")).toBe("ok");
  });
});

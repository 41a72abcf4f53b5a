import { generateSync } from "otplib";
import { beforeEach, describe, expect, it } from "vitest";
import { authorizeCredentials, THROTTLED_ERROR, TOTP_INVALID_ERROR, TOTP_REQUIRED_ERROR } from "@/lib/auth/credentials";
import { loadPrincipal } from "@/lib/auth/principal";
import { ACCOUNT_LIMIT } from "@/lib/auth/throttle";
import { checkSecondFactor, confirmEnrolment, resetTwoFactor, startEnrolment } from "@/lib/auth/two-factor.service";
import { can } from "@/lib/authz/policy";
import { ConflictError, ForbiddenError, ValidationError } from "@/lib/errors";
import { DEMO_TOTP_SECRET } from "@/prisma/seed/demo-totp";
import { createUser, TEST_PASSWORD } from "@/tests/factories";
import { db, resetDb } from "@/tests/support/db";

beforeEach(resetDb);

const code = (secret = DEMO_TOTP_SECRET) => generateSync({ secret });

describe("connexion avec double authentification (authorize du fournisseur next-auth)", () => {
  it("demande le code après le bon mot de passe, puis accepte les deux facteurs en une requête", async () => {
    const u = await createUser(db, { role: "FRANCE_TRAVAIL_REVIEWER", email: "ft@test.demo" });
    await expect(authorizeCredentials({ email: "ft@test.demo", password: TEST_PASSWORD }, "10.3.0.1")).rejects.toThrow(TOTP_REQUIRED_ERROR);
    // Asking for the code is not a failure: no session, no lock, no failure counted.
    expect((await db.loginThrottle.findMany({ select: { failures: true } })).every((t) => t.failures === 0)).toBe(true);
    expect(await authorizeCredentials({ email: "ft@test.demo", password: TEST_PASSWORD, totp: code() }, "10.3.0.1")).toEqual({ id: u.id, email: "ft@test.demo" });
    const ok = await db.auditEvent.findFirst({ where: { action: "auth.login.succeeded", actorId: u.id } });
    expect(ok?.metadata).toMatchObject({ secondFactor: "totp" });
  });

  it("ne révèle rien avec un mauvais mot de passe, même si le code est bon", async () => {
    await createUser(db, { role: "DPO", email: "dpo@test.demo" });
    expect(await authorizeCredentials({ email: "dpo@test.demo", password: "faux", totp: code() }, "10.3.0.2")).toBeNull();
  });

  it("compte un mauvais code comme un échec et ralentit le compte, mais le bon code passe le ralentissement", async () => {
    const u = await createUser(db, { role: "ADMIN", email: "admin@test.demo" });
    const wrong = code() === "000000" ? "111111" : "000000";
    for (let i = 0; i < ACCOUNT_LIMIT.maxFailures; i++) {
      await expect(authorizeCredentials({ email: "admin@test.demo", password: TEST_PASSWORD, totp: wrong }, `10.4.0.${i}`)).rejects.toThrow(TOTP_INVALID_ERROR);
    }
    // Slowed down: another wrong code is refused without saying whether it was wrong…
    await expect(authorizeCredentials({ email: "admin@test.demo", password: TEST_PASSWORD, totp: wrong }, "10.4.9.8")).rejects.toThrow(THROTTLED_ERROR);
    expect(await db.auditEvent.count({ where: { action: "auth.login.failed", actorId: u.id } })).toBe(ACCOUNT_LIMIT.maxFailures);
    // …while the owner, with the right password and code, gets in.
    expect(await authorizeCredentials({ email: "admin@test.demo", password: TEST_PASSWORD, totp: code() }, "10.4.9.9")).toEqual({ id: u.id, email: "admin@test.demo" });
  });

  it("accepte un code de secours une seule fois", async () => {
    const u = await createUser(db, { role: "REGION_FINANCE", email: "fin@test.demo", allPlatforms: true, totp: false });
    const principal = (await loadPrincipal(db, u.id))!;
    const screen = await startEnrolment(db, principal);
    const recovery = await confirmEnrolment(db, principal, code(screen.secret));
    expect(recovery).toHaveLength(10);
    expect(new Set(recovery).size).toBe(10);
    const stored = await db.user.findUniqueOrThrow({ where: { id: u.id }, select: { totpRecoveryHashes: true } });
    expect(stored.totpRecoveryHashes).toHaveLength(10);
    expect(stored.totpRecoveryHashes.some((h) => recovery.some((r) => h.includes(r)))).toBe(false);

    expect(await authorizeCredentials({ email: "fin@test.demo", password: TEST_PASSWORD, totp: recovery[0] }, "10.5.0.1")).not.toBeNull();
    await expect(authorizeCredentials({ email: "fin@test.demo", password: TEST_PASSWORD, totp: recovery[0] }, "10.5.0.1")).rejects.toThrow(TOTP_INVALID_ERROR);
    expect((await db.user.findUniqueOrThrow({ where: { id: u.id }, select: { totpRecoveryHashes: true } })).totpRecoveryHashes).toHaveLength(9);
    expect(await db.auditEvent.count({ where: { action: "auth.totp.recoveryUsed", actorId: u.id } })).toBe(1);
  });
});

describe("un code de double authentification ne sert qu'une fois (issue 16 §10)", () => {
  const STEP = 30_000;
  const codeAt = (ms: number) => generateSync({ secret: DEMO_TOTP_SECRET, epoch: Math.floor(ms / 1000) });

  it("refuse le même code une deuxième fois, même quelques millisecondes plus tard", async () => {
    const u = await createUser(db, { role: "DPO", email: "rejeu@test.demo", allPlatforms: true });
    const c = code();
    expect(await authorizeCredentials({ email: "rejeu@test.demo", password: TEST_PASSWORD, totp: c }, "10.9.0.1")).toEqual({ id: u.id, email: "rejeu@test.demo" });
    await expect(authorizeCredentials({ email: "rejeu@test.demo", password: TEST_PASSWORD, totp: c }, "10.9.0.2")).rejects.toThrow(TOTP_INVALID_ERROR);
    await expect(authorizeCredentials({ email: "rejeu@test.demo", password: TEST_PASSWORD, totp: c }, "10.9.0.1")).rejects.toThrow(TOTP_INVALID_ERROR);
    expect(await db.auditEvent.count({ where: { action: "auth.login.succeeded", actorId: u.id } })).toBe(1);
    expect(await db.auditEvent.count({ where: { action: "auth.login.failed", actorId: u.id, metadata: { path: ["factor"], equals: "totp" } } })).toBe(2);
  });

  it("refuse le code du pas précédent une fois qu'un code plus récent a servi", async () => {
    const u = await createUser(db, { role: "ADMIN", email: "pas@test.demo" });
    // Middle of a step, so that the previous and the next step are both inside the tolerance.
    const now = Math.floor(Date.now() / STEP) * STEP + STEP / 2;
    const [previous, current, next] = [codeAt(now - STEP), codeAt(now), codeAt(now + STEP)];
    expect(await checkSecondFactor(db, u.id, current, new Date(now))).toBe("totp");
    if (previous !== current) expect(await checkSecondFactor(db, u.id, previous, new Date(now))).toBeNull();
    expect(await checkSecondFactor(db, u.id, current, new Date(now))).toBeNull();
    // The next step's code (a phone a little ahead) is still accepted once, and then neither it nor the current one.
    if (next !== current) {
      expect(await checkSecondFactor(db, u.id, next, new Date(now))).toBe("totp");
      expect(await checkSecondFactor(db, u.id, next, new Date(now + STEP))).toBeNull();
      expect(await checkSecondFactor(db, u.id, current, new Date(now))).toBeNull();
    }
  });

  it("20 connexions simultanées avec le même bon code : une seule ouvre une session", async () => {
    const u = await createUser(db, { role: "REGION_FINANCE", email: "parallele@test.demo", allPlatforms: true });
    const c = code();
    // Barrier: every request is built, then all are released together.
    let open!: () => void;
    const gate = new Promise<void>((resolve) => { open = resolve; });
    const attempts = Array.from({ length: 20 }, (_, i) => gate.then(() =>
      authorizeCredentials({ email: "parallele@test.demo", password: TEST_PASSWORD, totp: c }, `10.10.0.${i + 1}`).then(
        (r) => (r ? "ok" : "refused"),
        (e: Error) => e.message,
      )));
    open();
    const outcomes = await Promise.all(attempts);
    expect(outcomes.filter((o) => o === "ok")).toHaveLength(1);
    expect(outcomes.filter((o) => o !== "ok").every((o) => o === TOTP_INVALID_ERROR || o === THROTTLED_ERROR)).toBe(true);
    expect(await db.auditEvent.count({ where: { action: "auth.login.succeeded", actorId: u.id } })).toBe(1);
    const row = await db.user.findUniqueOrThrow({ where: { id: u.id }, select: { totpLastStep: true } });
    expect(row.totpLastStep).toBeGreaterThanOrEqual(Math.floor(Date.now() / STEP) - 2);
  });
});

describe("enrôlement et réinitialisation", () => {
  it("un rôle à double authentification obligatoire non enrôlé ne peut que s'enrôler", async () => {
    const u = await createUser(db, { role: "DPO", allPlatforms: true, totp: false });
    // Password alone opens a session (there is no second factor yet) ...
    expect(await authorizeCredentials({ email: u.email, password: TEST_PASSWORD }, "10.6.0.1")).not.toBeNull();
    const before = (await loadPrincipal(db, u.id))!;
    // ... but that session can do nothing but enrol.
    expect(before.mustEnrolTotp).toBe(true);
    expect(can(before, "audit.read")).toBe(false);
    expect(can(before, "home.view")).toBe(false);
    expect(can(before, "twoFactor.enrol")).toBe(true);

    const screen = await startEnrolment(db, before);
    expect(screen.qrSvgDataUrl).toMatch(/^data:image\/svg\+xml;base64,/);
    expect(Buffer.from(screen.qrSvgDataUrl.split(",")[1]!, "base64").toString()).toContain("<svg");
    // Reloading the page keeps the same pending secret (the QR code already scanned stays valid).
    expect((await startEnrolment(db, before)).secret).toBe(screen.secret);
    // Stored encrypted: the database holds neither the secret nor anything that decodes to it without the key.
    const stored = (await db.user.findUniqueOrThrow({ where: { id: u.id }, select: { totpSecret: true } })).totpSecret!;
    expect(stored).toMatch(/^enc:v1:/);
    expect(stored).not.toContain(screen.secret);
    const wrongCode = confirmEnrolment(db, before, "000000" === code(screen.secret) ? "111111" : "000000");
    await expect(wrongCode).rejects.toBeInstanceOf(ValidationError);
    await expect(wrongCode).rejects.toMatchObject({ status: 400, fields: { code: ["Code incorrect : saisissez le code à 6 chiffres affiché par l'application."] } });
    await confirmEnrolment(db, before, code(screen.secret));
    const after = (await loadPrincipal(db, u.id))!;
    expect(after.mustEnrolTotp).toBe(false);
    expect(can(after, "audit.read")).toBe(true);
    // Enrolled: the secret is no longer handed out.
    await expect(startEnrolment(db, after)).rejects.toThrow(/déjà activée/);
    expect(await db.auditEvent.count({ where: { action: "auth.totp.enabled", actorId: u.id } })).toBe(1);
  });

  it("un rôle sans obligation n'est pas bloqué, et peut activer la double authentification", async () => {
    const u = await createUser(db, { role: "PLATFORM_ASSISTANT" });
    const p = (await loadPrincipal(db, u.id))!;
    expect(p.mustEnrolTotp).toBe(false);
    expect(can(p, "twoFactor.enrol")).toBe(true);
    const screen = await startEnrolment(db, p);
    await confirmEnrolment(db, p, code(screen.secret));
    await expect(authorizeCredentials({ email: u.email, password: TEST_PASSWORD }, "10.7.0.1")).rejects.toThrow(TOTP_REQUIRED_ERROR);
  });

  it("l'administrateur réinitialise : sessions fermées, nouvel enrôlement exigé, action journalisée", async () => {
    const admin = (await loadPrincipal(db, (await createUser(db, { role: "ADMIN" })).id))!;
    const target = await createUser(db, { role: "FRANCE_TRAVAIL_REVIEWER", email: "perdu@test.demo" });
    const loginTime = Math.floor(Date.now() / 1000) - 60;
    expect(await loadPrincipal(db, target.id, { issuedAt: loginTime })).not.toBeNull();

    const assistant = (await loadPrincipal(db, (await createUser(db, { role: "PLATFORM_ASSISTANT" })).id))!;
    const notAllowed = resetTwoFactor(db, assistant, target.id, target.version);
    await expect(notAllowed).rejects.toBeInstanceOf(ForbiddenError);
    await expect(notAllowed).rejects.toThrow("Vous n'avez pas accès à cette ressource.");
    const stale = resetTwoFactor(db, admin, target.id, target.version + 5);
    await expect(stale).rejects.toBeInstanceOf(ConflictError);
    await expect(stale).rejects.toThrow("Ce compte a été modifié entre-temps. Rechargez la page.");

    await resetTwoFactor(db, admin, target.id, target.version);
    const row = await db.user.findUniqueOrThrow({ where: { id: target.id } });
    expect([row.totpSecret, row.totpEnabledAt, row.totpRecoveryHashes]).toEqual([null, null, []]);
    expect(await loadPrincipal(db, target.id, { issuedAt: loginTime })).toBeNull();
    // Next login: the password alone gives a session limited to the enrolment.
    expect(await authorizeCredentials({ email: "perdu@test.demo", password: TEST_PASSWORD }, "10.8.0.1")).not.toBeNull();
    expect((await loadPrincipal(db, target.id))!.mustEnrolTotp).toBe(true);
    const audit = await db.auditEvent.findFirst({ where: { action: "user.totp.reset", entityId: target.id } });
    expect(audit).toMatchObject({ actorId: admin.id, actorRole: "ADMIN", entityType: "User" });
  });
});

import { addHours } from "date-fns";
import { beforeEach, describe, expect, it } from "vitest";
import { authorizeCredentials } from "@/lib/auth/options";
import { loadPrincipal } from "@/lib/auth/principal";
import { ConflictError, UnprocessableError, ValidationError } from "@/lib/errors";
import { requestPasswordReset, setPasswordWithToken } from "@/lib/users/password.service";
import { acceptCharter, inviteUser, updateUser } from "@/lib/users/user.service";
import { createPlatform, createUser } from "@/tests/factories";
import { db, resetDb } from "@/tests/support/db";
import { transactionBarrier } from "@/tests/support/barrier";

beforeEach(resetDb);

const NEW_PASSWORD = "Une phrase de passe solide 2026";

async function principal(id: string) {
  return (await loadPrincipal(db, id))!;
}

/** The raw token is only in the email: read it back from the outbox like the invitee would. */
async function linkTokenFor(email: string): Promise<string> {
  const mail = await db.outboxEmail.findFirstOrThrow({ where: { to: email }, orderBy: { createdAt: "desc" } });
  const m = /jeton=([A-Za-z0-9_-]+)/.exec(mail.text);
  expect(m).not.toBeNull();
  return m![1]!;
}

async function setup() {
  const lens = await createPlatform(db, "Lens-Liévin");
  const amiens = await createPlatform(db, "Amiénois");
  const admin = await principal((await createUser(db, { role: "ADMIN" })).id);
  const manager = await principal((await createUser(db, { role: "PLATFORM_MANAGER", platformIds: [lens.id] })).id);
  return { lens, amiens, admin, manager };
}

describe("invitation d'un compte", () => {
  it("crée un compte sans mot de passe, un lien d'invitation en boîte d'envoi et une trace d'audit", async () => {
    const { amiens, admin } = await setup();
    const dto = await inviteUser(db, admin, { email: "Nouvelle.Assistante@amiens.test", firstName: "Nadia", lastName: "Leroy", role: "PLATFORM_ASSISTANT", platformIds: [amiens.id], allPlatforms: false });
    expect(dto.email).toBe("nouvelle.assistante@amiens.test");
    expect(dto.invitationPending).toBe(true);
    expect(dto.platforms.map((p) => p.name)).toEqual(["Amiénois"]);
    const mail = await db.outboxEmail.findFirstOrThrow({ where: { to: dto.email } });
    expect(mail.purpose).toBe("invitation");
    expect(mail.subject).toBe("Votre compte SI Proch'Emploi");
    expect(mail.html).toContain("Choisir mon mot de passe");
    const token = await linkTokenFor(dto.email);
    expect(await db.userToken.count({ where: { tokenHash: token } })).toBe(0);
    expect(await db.auditEvent.count({ where: { action: "user.invited", entityId: dto.id } })).toBe(1);
    expect(await authorizeCredentials({ email: dto.email, password: NEW_PASSWORD }, "10.0.0.1")).toBeNull();
  });

  it("refuse une adresse déjà utilisée (conflit : 409 sur le champ, comme un SIRET)", async () => {
    const { amiens, admin } = await setup();
    await createUser(db, { role: "PLATFORM_ASSISTANT", email: "pris@amiens.test" });
    const err = await inviteUser(db, admin, { email: "PRIS@amiens.test", firstName: "A", lastName: "B", role: "PLATFORM_ASSISTANT", platformIds: [amiens.id], allPlatforms: false }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ConflictError);
    expect(err).toMatchObject({ status: 409, fields: { email: ["Un compte existe déjà avec cette adresse e-mail."] } });
  });

  it("limite un·e responsable aux assistant·es de sa propre plateforme, et trace le refus", async () => {
    const { lens, amiens, manager } = await setup();
    const base = { email: "x@lens.test", firstName: "X", lastName: "Y", allPlatforms: false };
    await expect(inviteUser(db, manager, { ...base, role: "PLATFORM_MANAGER", platformIds: [lens.id] })).rejects.toThrow("ne peut inviter que des assistant·es");
    await expect(inviteUser(db, manager, { ...base, role: "ADMIN", platformIds: [] })).rejects.toBeInstanceOf(ValidationError);
    await expect(inviteUser(db, manager, { ...base, role: "PLATFORM_ASSISTANT", platformIds: [amiens.id] })).rejects.toThrow("vos propres plateformes");
    expect(await db.auditEvent.count({ where: { action: "user.grant.refused", actorId: manager.id } })).toBe(3);
    const ok = await inviteUser(db, manager, { ...base, role: "PLATFORM_ASSISTANT", platformIds: [lens.id] });
    expect(ok.role).toBe("PLATFORM_ASSISTANT");
  });
});

describe("liens à usage unique", () => {
  it("fonctionne une fois : le mot de passe est choisi, puis le même lien est refusé", async () => {
    const { amiens, admin } = await setup();
    const dto = await inviteUser(db, admin, { email: "once@amiens.test", firstName: "O", lastName: "N", role: "PLATFORM_ASSISTANT", platformIds: [amiens.id], allPlatforms: false });
    const token = await linkTokenFor(dto.email);
    await setPasswordWithToken(db, { token, password: NEW_PASSWORD, confirmation: NEW_PASSWORD });
    expect(await authorizeCredentials({ email: dto.email, password: NEW_PASSWORD }, "10.0.0.2")).not.toBeNull();
    const again = await setPasswordWithToken(db, { token, password: `${NEW_PASSWORD}!`, confirmation: `${NEW_PASSWORD}!` }).catch((e: unknown) => e);
    expect(again).toBeInstanceOf(UnprocessableError);
    expect((again as Error).message).toContain("déjà été utilisé");
    expect(await db.auditEvent.count({ where: { action: "user.invitation.accepted", entityId: dto.id } })).toBe(1);
    expect(await db.auditEvent.count({ where: { action: "user.link.refused", reason: "USED" } })).toBe(1);
  });

  it("expire après 48 heures", async () => {
    const { amiens, admin } = await setup();
    const sent = new Date("2026-03-02T08:00:00Z");
    const dto = await inviteUser(db, admin, { email: "late@amiens.test", firstName: "L", lastName: "T", role: "PLATFORM_ASSISTANT", platformIds: [amiens.id], allPlatforms: false }, sent);
    const token = await linkTokenFor(dto.email);
    const late = setPasswordWithToken(db, { token, password: NEW_PASSWORD, confirmation: NEW_PASSWORD }, undefined, addHours(sent, 48));
    await expect(late).rejects.toThrow("Ce lien a expiré");
    await setPasswordWithToken(db, { token, password: NEW_PASSWORD, confirmation: NEW_PASSWORD }, undefined, addHours(sent, 47));
  });

  it("refuse un mot de passe faible ou contenant l'adresse, sans consommer le lien", async () => {
    const { amiens, admin } = await setup();
    const dto = await inviteUser(db, admin, { email: "martine.dupont@amiens.test", firstName: "M", lastName: "D", role: "PLATFORM_ASSISTANT", platformIds: [amiens.id], allPlatforms: false });
    const token = await linkTokenFor(dto.email);
    await expect(setPasswordWithToken(db, { token, password: "Azertyuiop2026!", confirmation: "Azertyuiop2026!" })).rejects.toThrow("trop courant");
    await expect(setPasswordWithToken(db, { token, password: "martine.dupont-2026", confirmation: "martine.dupont-2026" })).rejects.toThrow("adresse e-mail");
    await setPasswordWithToken(db, { token, password: NEW_PASSWORD, confirmation: NEW_PASSWORD });
  });

  it("mot de passe oublié : même réponse pour une adresse inconnue, lien pour un compte actif, anciennes sessions closes", async () => {
    const { lens } = await setup();
    const u = await createUser(db, { role: "PLATFORM_ASSISTANT", platformIds: [lens.id], email: "oubli@lens.test" });
    await requestPasswordReset(db, { email: "inconnu@lens.test" });
    expect(await db.outboxEmail.count()).toBe(0);
    await requestPasswordReset(db, { email: "oubli@lens.test" });
    const mail = await db.outboxEmail.findFirstOrThrow({ where: { to: "oubli@lens.test" } });
    expect(mail.purpose).toBe("password-reset");
    const before = Math.floor(Date.now() / 1000) - 5;
    await setPasswordWithToken(db, { token: await linkTokenFor("oubli@lens.test"), password: NEW_PASSWORD, confirmation: NEW_PASSWORD });
    expect(await loadPrincipal(db, u.id, { issuedAt: before })).toBeNull();
    expect(await authorizeCredentials({ email: "oubli@lens.test", password: NEW_PASSWORD }, "10.0.0.3")).not.toBeNull();
  });

  it("lien « mot de passe oublié » : expire après 2 heures, remplacé par un nouveau lien, et ne sert qu'une fois", async () => {
    const { lens } = await setup();
    await createUser(db, { role: "PLATFORM_ASSISTANT", platformIds: [lens.id], email: "reset@lens.test" });
    const t0 = new Date("2026-03-02T08:00:00Z");
    await requestPasswordReset(db, { email: "reset@lens.test" }, undefined, t0);
    const first = await linkTokenFor("reset@lens.test");
    await expect(setPasswordWithToken(db, { token: first, password: NEW_PASSWORD, confirmation: NEW_PASSWORD }, undefined, addHours(t0, 2))).rejects.toThrow("Ce lien a expiré");
    // A new request makes the earlier link useless, even within its validity.
    const t1 = addHours(t0, 3);
    await requestPasswordReset(db, { email: "reset@lens.test" }, undefined, t1);
    const second = await linkTokenFor("reset@lens.test");
    expect(second).not.toBe(first);
    await requestPasswordReset(db, { email: "reset@lens.test" }, undefined, addHours(t1, 0.5));
    const third = await linkTokenFor("reset@lens.test");
    await expect(setPasswordWithToken(db, { token: second, password: NEW_PASSWORD, confirmation: NEW_PASSWORD }, undefined, addHours(t1, 1))).rejects.toThrow("Ce lien a expiré");
    await expect(setPasswordWithToken(db, { token: third, password: "court-2026", confirmation: "court-2026" }, undefined, addHours(t1, 1))).rejects.toBeInstanceOf(ValidationError);
    await setPasswordWithToken(db, { token: third, password: NEW_PASSWORD, confirmation: NEW_PASSWORD }, undefined, addHours(t1, 1));
    await expect(setPasswordWithToken(db, { token: third, password: `${NEW_PASSWORD}!`, confirmation: `${NEW_PASSWORD}!` }, undefined, addHours(t1, 1))).rejects.toThrow("Ce lien a déjà été utilisé");
    expect(await db.auditEvent.count({ where: { action: "user.link.refused", reason: { in: ["EXPIRED", "USED"] } } })).toBe(3);
  });

  it("limite les demandes de réinitialisation par adresse", async () => {
    await createUser(db, { role: "ADMIN", email: "flood@region.test" });
    for (let i = 0; i < 5; i++) await requestPasswordReset(db, { email: "flood@region.test" });
    expect(await db.outboxEmail.count({ where: { to: "flood@region.test" } })).toBe(3);
  });
});

describe("désactivation, rôles et dernier administrateur", () => {
  it("désactive tout de suite (sessions closes) et réactive, avec audit", async () => {
    const { amiens, admin } = await setup();
    const u = await createUser(db, { role: "PLATFORM_ASSISTANT", platformIds: [amiens.id] });
    const issuedAt = Math.floor(Date.now() / 1000) - 5;
    const off = await updateUser(db, admin, u.id, { version: 1, active: false });
    expect(off.active).toBe(false);
    expect(await loadPrincipal(db, u.id, { issuedAt })).toBeNull();
    const on = await updateUser(db, admin, u.id, { version: off.version, active: true });
    expect(on.active).toBe(true);
    // Reactivation does not revive the sessions that deactivation ended.
    expect(await loadPrincipal(db, u.id, { issuedAt })).toBeNull();
    expect(await db.auditEvent.count({ where: { entityId: u.id, action: { in: ["user.deactivated", "user.reactivated"] } } })).toBe(2);
  });

  it("trace un changement de rôle et de plateformes ; une version périmée est refusée", async () => {
    const { lens, amiens, admin } = await setup();
    const u = await createUser(db, { role: "PLATFORM_ASSISTANT", platformIds: [lens.id] });
    const dto = await updateUser(db, admin, u.id, { version: 1, role: "PLATFORM_MANAGER", platformIds: [amiens.id] });
    expect(dto.role).toBe("PLATFORM_MANAGER");
    expect(dto.platforms.map((p) => p.name)).toEqual(["Amiénois"]);
    const changed = await db.auditEvent.findFirstOrThrow({ where: { action: "user.role.changed", entityId: u.id } });
    expect(changed.metadata).toEqual({ from: "PLATFORM_ASSISTANT", to: "PLATFORM_MANAGER" });
    expect(await db.auditEvent.count({ where: { action: "user.platforms.changed", entityId: u.id } })).toBe(1);
    await expect(updateUser(db, admin, u.id, { version: 1, active: false })).rejects.toBeInstanceOf(ConflictError);
  });

  it("garde toujours un administrateur actif, même quand deux admins se retirent l'un l'autre en même temps", async () => {
    const { admin } = await setup();
    const other = await principal((await createUser(db, { role: "ADMIN" })).id);
    await expect(updateUser(db, admin, admin.id, { version: 1, active: false })).rejects.toThrow("votre propre compte");
    // Both transactions open before either runs (a barrier, not timing): the lock decides.
    const barrier = transactionBarrier(db, 2);
    const results = await Promise.allSettled([
      updateUser(barrier.client, admin, other.id, { version: 1, active: false }),
      updateUser(barrier.client, other, admin.id, { version: 1, role: "DPO", allPlatforms: true }),
    ]);
    expect(barrier.arrived()).toBe(2);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const refused = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
    expect((refused.reason as Error).message).toBe("Impossible : c'est le dernier compte administrateur actif.");
    expect(await db.user.count({ where: { role: "ADMIN", active: true } })).toBe(1);
  });

  it("un·e responsable ne peut gérer que les assistant·es de sa plateforme", async () => {
    const { lens, amiens, manager } = await setup();
    const own = await createUser(db, { role: "PLATFORM_ASSISTANT", platformIds: [lens.id] });
    const other = await createUser(db, { role: "PLATFORM_ASSISTANT", platformIds: [amiens.id] });
    const peer = await createUser(db, { role: "PLATFORM_MANAGER", platformIds: [lens.id] });
    expect((await updateUser(db, manager, own.id, { version: 1, active: false })).active).toBe(false);
    await expect(updateUser(db, manager, other.id, { version: 1, active: false })).rejects.toThrow("Compte introuvable");
    await expect(updateUser(db, manager, peer.id, { version: 1, active: false })).rejects.toThrow("ne relève pas de vous");
    await expect(updateUser(db, manager, own.id, { version: 2, role: "PLATFORM_MANAGER" })).rejects.toThrow("assistant·es");
  });

  it("enregistre l'acceptation de la charte une seule fois", async () => {
    const { lens } = await setup();
    const u = await principal((await createUser(db, { role: "PLATFORM_ASSISTANT", platformIds: [lens.id] })).id);
    await db.user.update({ where: { id: u.id }, data: { charterAcceptedAt: null } });
    await acceptCharter(db, u);
    await acceptCharter(db, u);
    expect((await principal(u.id)).charterAccepted).toBe(true);
    expect(await db.auditEvent.count({ where: { action: "user.charter.accepted", actorId: u.id } })).toBe(1);
  });
});

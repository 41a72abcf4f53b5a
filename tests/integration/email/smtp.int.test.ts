import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { deliverOutbox, enqueueEmail } from "@/lib/email/outbox.service";
import { invitationEmail } from "@/lib/email/templates";
import { createSmtpTransport } from "@/lib/email/transport";
import { loadPrincipal } from "@/lib/auth/principal";
import { setPasswordWithToken } from "@/lib/users/password.service";
import { inviteUser } from "@/lib/users/user.service";
import { createPlatform, createUser } from "@/tests/factories";
import { db, resetDb } from "@/tests/support/db";
import { parseMail, startSmtpServer } from "@/tests/support/smtp-server";

beforeEach(resetDb);

let smtp: Awaited<ReturnType<typeof startSmtpServer>> | null = null;
afterEach(async () => {
  await smtp?.close();
  smtp = null;
});

function transportTo(port: number) {
  return createSmtpTransport({ host: "127.0.0.1", port, secure: false, requireTLS: false, from: "SI Proch'Emploi <ne-pas-repondre@test.local>" });
}

const URL = "https://si.example/mot-de-passe/definir?jeton=abcDEF123";

describe("envoi SMTP réel", () => {
  it("envoie un vrai courriel (texte + HTML, en français) à un serveur SMTP local et le marque envoyé", async () => {
    smtp = await startSmtpServer();
    const id = await enqueueEmail(db, { ...invitationEmail("ines.delattre@amiens.test", { firstName: "Inès", invitedBy: "Admin Région", url: URL, hours: 48 }), purpose: "invitation" });
    expect(await deliverOutbox(db, transportTo(smtp.port))).toEqual({ sent: 1, failed: 0 });

    expect(smtp.received).toHaveLength(1);
    const mail = smtp.received[0]!;
    expect(mail.to).toEqual(["<ines.delattre@amiens.test>"]);
    const parsed = parseMail(mail.raw);
    expect(parsed.headers.subject).toBe("Votre compte SI Proch'Emploi");
    expect(parsed.headers.from).toContain("ne-pas-repondre@test.local");
    expect(parsed.parts["text/plain"]).toContain("Bonjour Inès,");
    expect(parsed.parts["text/plain"]).toContain(URL);
    expect(parsed.parts["text/html"]).toContain('<html lang="fr">');
    expect(parsed.parts["text/html"]).toContain("Choisir mon mot de passe");

    const row = await db.outboxEmail.findUniqueOrThrow({ where: { id } });
    expect(row.sentAt).not.toBeNull();
    expect(row.attempts).toBe(1);
    // Sent once: a second run finds nothing to do.
    expect(await deliverOutbox(db, transportTo(smtp.port))).toEqual({ sent: 0, failed: 0 });
    expect(smtp.received).toHaveLength(1);
  });

  it("SMTP en panne : le courriel reste en boîte d'envoi avec l'erreur, puis part au nouvel essai", async () => {
    smtp = await startSmtpServer({ failFirst: 1 });
    const t0 = new Date();
    const id = await enqueueEmail(db, { to: "x@test.local", subject: "Essai", text: "Bonjour", html: "<p>Bonjour</p>", purpose: "notification" }, t0);
    expect(await deliverOutbox(db, transportTo(smtp.port), { now: t0 })).toEqual({ sent: 0, failed: 1 });
    const failed = await db.outboxEmail.findUniqueOrThrow({ where: { id } });
    expect(failed.sentAt).toBeNull();
    expect(failed.error).toContain("451");
    expect(failed.nextAttemptAt.getTime()).toBeGreaterThan(t0.getTime());
    // Not yet due: nothing happens.
    expect(await deliverOutbox(db, transportTo(smtp.port), { now: t0 })).toEqual({ sent: 0, failed: 0 });
    expect(await deliverOutbox(db, transportTo(smtp.port), { now: new Date(failed.nextAttemptAt.getTime() + 1000) })).toEqual({ sent: 1, failed: 0 });
    expect(smtp.received).toHaveLength(1);
  });

  it("serveur injoignable : l'action a réussi, le courriel attend, et s'arrête après le nombre maximal d'essais", async () => {
    const id = await enqueueEmail(db, { to: "x@test.local", subject: "Essai", text: "Bonjour", html: "<p>Bonjour</p>", purpose: "notification" });
    const closed = await startSmtpServer();
    const port = closed.port;
    await closed.close();
    let now = new Date();
    for (let i = 0; i < 3; i++) {
      await deliverOutbox(db, transportTo(port), { now, maxAttempts: 2 });
      now = new Date(now.getTime() + 24 * 3600_000);
    }
    const row = await db.outboxEmail.findUniqueOrThrow({ where: { id } });
    expect(row.attempts).toBe(2);
    expect(row.sentAt).toBeNull();
    expect(row.error).toMatch(/ECONNREFUSED/);
  });

  it("invitation pendant une panne SMTP : l'invitation réussit, le courriel attend puis part au retour du serveur, et son lien fonctionne", async () => {
    const amiens = await createPlatform(db, "Amiénois");
    const admin = (await loadPrincipal(db, (await createUser(db, { role: "ADMIN" })).id))!;
    const down = await startSmtpServer();
    const port = down.port;
    await down.close();
    const t0 = new Date();
    const dto = await inviteUser(db, admin, { email: "panne@amiens.test", firstName: "Paule", lastName: "Anne", role: "PLATFORM_ASSISTANT", platformIds: [amiens.id], allPlatforms: false }, t0);
    expect(dto.invitationPending).toBe(true);
    expect(await deliverOutbox(db, transportTo(port), { now: t0 })).toEqual({ sent: 0, failed: 1 });
    const waiting = await db.outboxEmail.findFirstOrThrow({ where: { to: "panne@amiens.test" } });
    expect(waiting.purpose).toBe("invitation");
    expect(waiting.sentAt).toBeNull();
    expect(waiting.error).toMatch(/ECONNREFUSED/);

    smtp = await startSmtpServer();
    expect(await deliverOutbox(db, transportTo(smtp.port), { now: new Date(waiting.nextAttemptAt.getTime() + 1000) })).toEqual({ sent: 1, failed: 0 });
    const text = parseMail(smtp.received[0]!.raw).parts["text/plain"]!;
    const token = /jeton=([A-Za-z0-9_-]+)/.exec(text)?.[1];
    expect(token).toBeTruthy();
    await setPasswordWithToken(db, { token: token!, password: "Une phrase de passe solide 2026", confirmation: "Une phrase de passe solide 2026" });
    expect((await db.user.findUniqueOrThrow({ where: { id: dto.id } })).passwordHash).not.toBeNull();
  });
});

import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { deliverOutbox, enqueueEmail } from "@/lib/email/outbox.service";
import { invitationEmail } from "@/lib/email/templates";
import { createSmtpTransport } from "@/lib/email/transport";
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
});

// Issue 20, HTTP level: the providers' callbacks and the calendar feed, called as real HTTP requests
// (Request objects through the route handlers Next.js would pick, tests/support/api-client.ts) on
// the real database. SMS: a real local HTTP server speaking Brevo's API, then Brevo's webhook
// bodies. E-mail: a real local SMTP server; the late bounce is Brevo's e-mail webhook body carrying
// the header value read from the received message. Calendar: revoked secret, no job-seeker data.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";

const current = vi.hoisted(() => ({ headers: new Headers() }));
vi.mock("next/headers", () => ({
  headers: async () => current.headers,
  cookies: async () => ({ get: () => undefined, getAll: () => [], has: () => false }),
}));

import { BODY_LIMITS } from "@/lib/api/body-limit";
import { createCalendarFeed, revokeCalendarFeed } from "@/lib/calendar/feed.service";
import { deliverOutbox } from "@/lib/email/outbox.service";
import { createSmtpTransport } from "@/lib/email/transport";
import { env } from "@/lib/env";
import { createEvent, registerParticipant } from "@/lib/events/event.service";
import { invitationStatus, sendInvitations } from "@/lib/events/invitation.service";
import { createBrevoProvider } from "@/lib/sms/provider";
import { deliverSms } from "@/lib/sms/sms.service";
import { createJobSeeker, createPlatform } from "@/tests/factories";
import { createRuleSets, principal } from "@/tests/factories/job-seeker-side";
import { BASE_URL, inProcessFetch } from "@/tests/support/api-client";
import { db, resetDb } from "@/tests/support/db";
import { parseMail, startSmtpServer } from "@/tests/support/smtp-server";
import { startSmsServer } from "@/tests/support/sms-server";

const SMS_SECRET = "secret-sms-de-test-0123456789";
const EMAIL_SECRET = "secret-courriel-de-test-0123456789";
const mutableEnv = env as { SMS_CALLBACK_SECRET?: string; EMAIL_WEBHOOK_SECRET?: string };
const saved = { sms: mutableEnv.SMS_CALLBACK_SECRET, email: mutableEnv.EMAIL_WEBHOOK_SECRET };
beforeAll(() => {
  mutableEnv.SMS_CALLBACK_SECRET = SMS_SECRET;
  mutableEnv.EMAIL_WEBHOOK_SECRET = EMAIL_SECRET;
});
afterAll(() => {
  mutableEnv.SMS_CALLBACK_SECRET = saved.sms;
  mutableEnv.EMAIL_WEBHOOK_SECRET = saved.email;
});

beforeEach(async () => {
  await resetDb();
  await createRuleSets(db);
});
const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of closers.splice(0)) await c();
});

const http = inProcessFetch(current);
const post = (path: string, body: string, headers: Record<string, string> = {}) =>
  http(new Request(`${BASE_URL}${path}`, { method: "POST", headers: { "content-type": "application/json", ...headers }, body }));
async function errorOf(res: Response): Promise<{ code: string; message: string }> {
  return ((await res.json()) as { error: { code: string; message: string } }).error;
}

async function eventWithPeople(contacts: { email?: string; phone?: string }[]) {
  const lens = await createPlatform(db, "Lens");
  const assistant = await principal(db, "PLATFORM_ASSISTANT", { platformIds: [lens.id] });
  const date = new Date(Date.now() + 10 * 86_400_000);
  const { id: eventId } = await createEvent(db, assistant, { kind: "CIRCUIT_COURT", title: "Circuit court logistique", date, place: "Salle des fêtes, Liévin", capacity: null });
  const people = [];
  for (const c of contacts) {
    const p = await createJobSeeker(db, lens.id);
    people.push(await db.jobSeeker.update({ where: { id: p.id }, data: { email: c.email ?? null, phone: c.phone ?? null } }));
  }
  return { lens, assistant, eventId, people };
}

describe("POST /api/sms/callback (comptes rendus Brevo)", () => {
  it("secret absent ou faux → refusé ; corps trop gros → 413 (déclaré ou en flux) ; JSON invalide → 400 ; message inconnu → ignoré ; état valide → mis à jour, audité, visible dans la liste", async () => {
    const { assistant, eventId, people } = await eventWithPeople([{ phone: "06 12 34 56 01" }, { phone: "06 12 34 56 02" }]);
    const server = await startSmsServer({ apiKey: "cle" });
    closers.push(server.close);
    const provider = createBrevoProvider({ apiUrl: server.url, apiKey: "cle", sender: "ProchEmploi" });
    await sendInvitations(db, assistant, eventId, { jobSeekerIds: people.map((p) => p.id), contactIds: [], channels: ["SMS"] }, {}, new Date(), { sms: provider });
    expect(await deliverSms(db, provider)).toEqual({ sent: 2, failed: 0 });
    const [first, second] = server.received;
    // Brevo's documented webhook body (developers.brevo.com, « Transactional webhooks », SMS): `id` is the webhook's id.
    const report = (messageId: number, msg_status: string) => JSON.stringify({ id: 26570, to: first!.body.recipient, sms_count: 1, credits_used: 1, messageId, remaining_credit: 99, msg_status, date: "2026-12-04 17:00:00", type: "transactional", reference: `ref-${messageId}` });

    // No secret, a wrong one, one of another length: 403 in French, nothing changed.
    for (const q of ["", "?secret=", "?secret=faux", `?secret=${SMS_SECRET}x`]) {
      const res = await post(`/api/sms/callback${q}`, report(first!.messageId, "delivered"));
      expect(res.status, q).toBe(403);
      expect((await errorOf(res)).message).toBe("Secret de rappel invalide.");
    }
    // No secret configured on our side: the route does not exist for the provider.
    mutableEnv.SMS_CALLBACK_SECRET = undefined;
    const unconfigured = await post(`/api/sms/callback?secret=${SMS_SECRET}`, report(first!.messageId, "delivered"));
    mutableEnv.SMS_CALLBACK_SECRET = SMS_SECRET;
    expect(unconfigured.status).toBe(404);
    expect((await errorOf(unconfigured)).message).toContain("Aucun fournisseur SMS");

    const url = `/api/sms/callback?secret=${encodeURIComponent(SMS_SECRET)}`;
    const big = "x".repeat(BODY_LIMITS.smsCallback + 1);
    const declared = await post(url, big, { "content-length": String(big.length) });
    expect(declared.status).toBe(413);
    expect((await errorOf(declared)).code).toBe("PAYLOAD_TOO_LARGE");
    const streamed = await post(url, big);
    expect(streamed.status).toBe(413);
    const invalid = await post(url, "{pas du json");
    expect(invalid.status).toBe(400);
    expect((await errorOf(invalid)).message).toBe("Corps JSON invalide.");
    expect(await db.invitationMessage.count({ where: { state: { not: "SENT" } } })).toBe(0);

    // Unknown message id, unknown status: acknowledged (200) so that Brevo does not retry, nothing changed.
    const unknown = await post(url, report(424242, "delivered"));
    expect(unknown.status).toBe(200);
    expect(await unknown.json()).toEqual({ updated: false });
    expect(await (await post(url, report(first!.messageId, "replied"))).json()).toEqual({ updated: false });

    // Valid reports: delivered, then hard_bounce for the second (a batch of one event, as batched webhooks post).
    const ok = await post(url, report(first!.messageId, "delivered"));
    expect(ok.status).toBe(200);
    expect(await ok.json()).toEqual({ updated: true });
    expect(await (await post(url, `[${report(second!.messageId, "hard_bounce")}]`)).json()).toEqual({ updated: true });
    // A late « sent » never takes a message back.
    expect(await (await post(url, report(first!.messageId, "sent"))).json()).toEqual({ updated: false });

    const rows = await invitationStatus(db, assistant, eventId);
    const stateOf = (jobSeekerId: string) => rows.find((r) => r.name.includes(people.find((p) => p.id === jobSeekerId)!.lastName!))!.messages[0]!.state;
    const byProvider = await db.invitationMessage.findMany({ select: { providerId: true, invitation: { select: { jobSeekerId: true } } } });
    const personOf = (messageId: number) => byProvider.find((m) => m.providerId === String(messageId))!.invitation.jobSeekerId!;
    expect(stateOf(personOf(first!.messageId))).toBe("DELIVERED");
    expect(stateOf(personOf(second!.messageId))).toBe("BOUNCED");
    expect(await db.auditEvent.count({ where: { action: "invitation.deliveryReport" } })).toBe(2);
  });
});

describe("POST /api/email/callback (rebonds tardifs, format Brevo)", () => {
  it("un courriel accepté par le SMTP puis rejeté par le serveur du destinataire passe à « rejeté » avec la raison ; secret, taille et message inconnu refusés ou ignorés", async () => {
    const { assistant, eventId, people } = await eventWithPeople([{ email: "inexistant@exemple.test" }, { email: "ok@exemple.test" }]);
    const smtp = await startSmtpServer();
    closers.push(smtp.close);
    const transport = createSmtpTransport({ host: "127.0.0.1", port: smtp.port, secure: false, requireTLS: false, from: "SI Proch'Emploi <ne-pas-repondre@test.local>" });
    await sendInvitations(db, assistant, eventId, { jobSeekerIds: people.map((p) => p.id), contactIds: [], channels: ["EMAIL"] }, {}, new Date(), { sms: null });
    expect(await deliverOutbox(db, transport)).toEqual({ sent: 2, failed: 0 });
    // The SMTP accepted both: « sent ».
    expect(await db.invitationMessage.count({ where: { channel: "EMAIL", state: "SENT" } })).toBe(2);

    // The header the relay echoes in its events, read from the message as it left us.
    const headerOf = (to: string) => parseMail(smtp.received.find((m) => m.to.includes(`<${to}>`))!.raw).headers["x-mailin-custom"];
    const bouncing = headerOf("inexistant@exemple.test");
    const delivered = headerOf("ok@exemple.test");
    expect(bouncing).toMatch(/^outbox:[0-9a-f-]{36}$/);
    const event = (name: string, custom: string, email: string, reason?: string) => ({
      event: name, email, id: 4242, date: "2026-12-04 18:00:00", ts: 1_796_000_000, "message-id": "<201798300811.5787683@relay.exemple.test>", ts_event: 1_796_000_000,
      subject: "Invitation : Circuit court logistique", "X-Mailin-custom": custom, sending_ip: "192.0.2.1", ts_epoch: 1_796_000_000_000, tags: [], ...(reason ? { reason } : {}),
    });

    const url = `/api/email/callback?secret=${encodeURIComponent(EMAIL_SECRET)}`;
    const bounce = JSON.stringify(event("hard_bounce", bouncing!, "inexistant@exemple.test", "550 5.1.1 User unknown"));
    expect((await post("/api/email/callback?secret=faux", bounce)).status).toBe(403);
    const big = "x".repeat(BODY_LIMITS.emailCallback + 1);
    expect((await post(url, big, { "content-length": String(big.length) })).status).toBe(413);
    expect((await post(url, big)).status).toBe(413);
    expect((await post(url, "[{")).status).toBe(400);
    // Another sender's message (no header of ours, or an id we never sent): acknowledged, ignored.
    expect(await (await post(url, JSON.stringify(event("hard_bounce", "autre-application", "x@exemple.test")))).json()).toEqual({ updated: 0 });
    expect(await (await post(url, JSON.stringify(event("hard_bounce", "outbox:00000000-0000-4000-8000-000000000000", "x@exemple.test")))).json()).toEqual({ updated: 0 });
    expect(await db.invitationMessage.count({ where: { state: "BOUNCED" } })).toBe(0);

    // The relay posts a batch: « delivered » for both, then the late hard bounce for one; an « opened » is not a delivery state.
    const batch = [event("delivered", bouncing!, "inexistant@exemple.test"), event("delivered", delivered!, "ok@exemple.test"), event("opened", delivered!, "ok@exemple.test")];
    expect(await (await post(url, JSON.stringify(batch))).json()).toEqual({ updated: 2 });
    const res = await post(url, bounce);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ updated: 1 });

    const rows = await invitationStatus(db, assistant, eventId);
    const row = (email: string) => rows.find((r) => r.name.includes(people.find((p) => p.email === email)!.lastName!))!;
    expect(row("inexistant@exemple.test").messages[0]).toMatchObject({ channel: "EMAIL", state: "BOUNCED", error: "Refusé par le serveur du destinataire : 550 5.1.1 User unknown" });
    expect(row("ok@exemple.test").messages[0]).toMatchObject({ channel: "EMAIL", state: "DELIVERED", error: null });
    const outboxId = bouncing!.slice("outbox:".length);
    expect((await db.outboxEmail.findUniqueOrThrow({ where: { id: outboxId } })).error).toContain("User unknown");
    expect(await db.auditEvent.count({ where: { action: "invitation.deliveryReport" } })).toBe(3);
    // The same bounce posted again (the relay retries): nothing more, no second audit entry.
    expect(await (await post(url, bounce)).json()).toEqual({ updated: 0 });
    expect(await db.invitationMessage.count({ where: { state: "BOUNCED" } })).toBe(1);
    expect(await db.auditEvent.count({ where: { action: "invitation.deliveryReport" } })).toBe(3);
  });
});

describe("les deux webhooks passent par le même gestionnaire (lib/api/provider-webhook.ts)", () => {
  it("même ordre des contrôles et mêmes réponses : corps JSON qui n'est ni un événement ni un lot → 400 en français ; entrée illisible d'un lot ignorée ; identifiant de requête et no-store", async () => {
    for (const [path, secret, nothing] of [["/api/sms/callback", SMS_SECRET, { updated: false }], ["/api/email/callback", EMAIL_SECRET, { updated: 0 }]] as const) {
      const url = `${path}?secret=${encodeURIComponent(secret)}`;
      for (const body of ["42", "\"texte\"", "null", "true"]) {
        const res = await post(url, body);
        expect(res.status, `${path} ${body}`).toBe(400);
        expect(await errorOf(res), `${path} ${body}`).toEqual({ code: "VALIDATION_ERROR", message: "Corps invalide : un événement (objet JSON) ou une liste d'événements est attendu." });
      }
      // A batch whose entries are not events (or carry fields of the wrong type): acknowledged, nothing applied.
      const ok = await post(url, JSON.stringify([1, "x", null, { messageId: { pas: "un id" }, msg_status: 3, event: ["delivered"], "X-Mailin-custom": 5 }]), { "x-request-id": "essai-webhook-1" });
      expect(ok.status, path).toBe(200);
      expect(await ok.json()).toEqual(nothing);
      expect(ok.headers.get("x-request-id")).toBe("essai-webhook-1");
      expect(ok.headers.get("cache-control")).toBe("no-store");
      // A wrong secret of the same length is refused like any other (constant-time comparison of equal lengths).
      const sameLength = await post(`${path}?secret=${"x".repeat(secret.length)}`, "{}");
      expect(sameLength.status).toBe(403);
      expect(sameLength.headers.get("x-request-id")).toBeTruthy();
    }
  });
});

describe("GET /api/calendar (agenda personnel)", () => {
  it("secret valide → ICS sans donnée de demandeur d'emploi ; secret révoqué, remplacé ou inconnu → 404 en français", async () => {
    const { lens, assistant, eventId } = await eventWithPeople([]);
    const person = await createJobSeeker(db, lens.id);
    const named = await db.jobSeeker.update({ where: { id: person.id }, data: { lastName: "Zébulon-Témoin", firstName: "Anaïs", email: "anais.temoin@exemple.test", phone: "0611223344" } });
    await registerParticipant(db, assistant, eventId, { type: "JOB_SEEKER", participantId: named.id });
    const feedUrl = new URL(await createCalendarFeed(db, assistant));
    const get = (query: string) => http(new Request(`${BASE_URL}/api/calendar${query}`));

    const res = await get(feedUrl.search);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/calendar; charset=utf-8");
    expect(res.headers.get("cache-control")).toContain("no-store");
    const ics = await res.text();
    expect(ics).toContain("BEGIN:VCALENDAR");
    expect(ics).toContain("SUMMARY:Réunion circuit court — Salle des fêtes\\, Liévin");
    for (const secret of ["Zébulon", "Témoin", "Anaïs", "anais.temoin", "0611223344", named.id]) expect(ics, secret).not.toContain(secret);

    // A new link replaces the old one.
    const renewed = new URL(await createCalendarFeed(db, assistant));
    expect((await get(feedUrl.search)).status).toBe(404);
    expect((await get(renewed.search)).status).toBe(200);
    await revokeCalendarFeed(db, assistant);
    const revoked = await get(renewed.search);
    expect(revoked.status).toBe(404);
    expect((await errorOf(revoked)).message).toBe("Agenda introuvable : ce lien a été révoqué ou n'est pas valide.");
    expect((await get("?jeton=inconnu")).status).toBe(404);
    expect((await get("")).status).toBe(404);
    expect((await get(`?jeton=${"a".repeat(5000)}`)).status).toBe(404);
  });
});

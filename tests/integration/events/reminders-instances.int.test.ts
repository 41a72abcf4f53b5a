// Issue 20 acceptance: « reminders sent once across two instances ». Two app instances, each a
// separate Node process with its own pg-boss scheduler on the same PostgreSQL
// (tests/support/instance-process.ts), run the project's circuit-court-reminders job (its real
// handler, every minute instead of 9 h). After a tick, both are stopped gracefully — which waits
// for the jobs in progress — so what the tables hold is final: one reminder per person, whichever
// instance ran it, and the e-mails the local SMTP server receives say the same.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { deliverOutbox } from "@/lib/email/outbox.service";
import { createSmtpTransport } from "@/lib/email/transport";
import { createEvent } from "@/lib/events/event.service";
import { answerInvitation, sendDueReminders, sendInvitations } from "@/lib/events/invitation.service";
import { createJobSeeker, createPlatform } from "@/tests/factories";
import { createRuleSets, principal } from "@/tests/factories/job-seeker-side";
import { db, resetDb } from "@/tests/support/db";
import { minuteOf, startInstance, stopInstance, type Instance } from "@/tests/support/instance-process";
import { parseMail, startSmtpServer } from "@/tests/support/smtp-server";

const JOB = "circuit-court-reminders";
let a: Instance | undefined;
let b: Instance | undefined;
let smtp: Awaited<ReturnType<typeof startSmtpServer>>;

beforeAll(async () => {
  await resetDb();
  await createRuleSets(db);
  await db.$executeRawUnsafe(`DROP SCHEMA IF EXISTS pgboss CASCADE`);
  smtp = await startSmtpServer();
}, 60_000);

afterAll(async () => {
  await Promise.all([a, b].filter((i): i is Instance => !!i).map((i) => stopInstance(i).catch(() => undefined)));
  await smtp?.close();
  // The every-minute schedule must not outlive the test in this database.
  await db.$executeRawUnsafe(`DROP SCHEMA IF EXISTS pgboss CASCADE`);
}, 60_000);

/** The personal link of a received message. */
function linkIn(raw: string): string {
  const text = raw.replace(/=\r\n/g, "").replace(/=3D/g, "=");
  const m = /\/invitation\?e=[0-9a-f-]{36}&jeton=([A-Za-z0-9_%-]+)/.exec(text);
  if (!m) throw new Error("aucun lien dans le message");
  return decodeURIComponent(m[1]!);
}

describe("relances circuit court avec deux instances", () => {
  it("deux planificateurs pg-boss sur la même base : une seule relance J-3 par personne (et aucune à qui a décliné), quelle que soit l'instance", async () => {
    const lens = await createPlatform(db, "Lens");
    const assistant = await principal(db, "PLATFORM_ASSISTANT", { platformIds: [lens.id] });
    // Three days ahead (Paris calendar days): the J-3 reminder is due today.
    const { id: eventId } = await createEvent(db, assistant, { kind: "CIRCUIT_COURT", title: "Circuit court logistique", date: new Date(Date.now() + 3 * 86_400_000), place: "Salle des fêtes, Liévin", capacity: null });
    const people = [];
    for (let i = 0; i < 4; i++) {
      const p = await createJobSeeker(db, lens.id);
      people.push(await db.jobSeeker.update({ where: { id: p.id }, data: { email: `r${i}@exemple.test` } }));
    }
    await sendInvitations(db, assistant, eventId, { jobSeekerIds: people.map((p) => p.id), contactIds: [], channels: ["EMAIL"] }, {}, new Date(), { sms: null });
    const transport = createSmtpTransport({ host: "127.0.0.1", port: smtp.port, secure: false, requireTLS: false, from: "SI Proch'Emploi <ne-pas-repondre@test.local>" });
    expect(await deliverOutbox(db, transport)).toEqual({ sent: 4, failed: 0 });
    const declining = linkIn(smtp.received.find((m) => m.to.includes("<r0@exemple.test>"))!.raw);
    expect(await answerInvitation(db, { eventId, token: declining, answer: "DECLINED" }, "10.4.0.1")).toBe("DECLINED");
    smtp.received.length = 0;

    // One after the other: the first start creates pg-boss's schema.
    a = await startInstance("instance-a", { jobs: JOB });
    b = await startInstance("instance-b", { jobs: JOB });

    // The first run, whichever instance takes it (polling the table, no fixed wait).
    const deadline = Date.now() + 75_000;
    let first: { startedAt: Date } | null = null;
    while (Date.now() < deadline && !(first = await db.jobRun.findFirst({ where: { name: JOB, ok: true }, orderBy: { startedAt: "asc" } }))) {
      await new Promise((r) => setTimeout(r, 500));
    }
    expect(first, "aucune exécution des relances en 75 s").not.toBeNull();
    // A tick of minute M can only be sent during M: once the database clock has left it, no
    // instance can send it any more. Then both stop gracefully, waiting for their running jobs.
    const tick = minuteOf(first!.startedAt);
    for (;;) {
      const now = (await db.$queryRaw<{ now: Date }[]>`SELECT now() AS now`)[0]!.now;
      if (minuteOf(now) > tick) break;
      await new Promise((r) => setTimeout(r, 500));
    }
    await Promise.all([stopInstance(a), stopInstance(b)]);

    const runs = await db.jobRun.findMany({ where: { name: JOB }, orderBy: { startedAt: "asc" } });
    expect(runs.every((r) => r.ok === true && r.finishedAt !== null && ["instance-a", "instance-b"].includes(r.instance))).toBe(true);
    expect(runs.filter((r) => minuteOf(r.startedAt) === tick), "une seule exécution pour l'échéance").toHaveLength(1);
    const sent = await db.$queryRaw<{ minute: string; n: number }[]>`
      SELECT to_char(created_on AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI') AS minute, count(*)::int AS n
      FROM pgboss.job WHERE name = ${JOB} GROUP BY 1 ORDER BY 1`;
    expect(sent.filter((s) => s.n !== 1), "une seule tâche envoyée par échéance").toEqual([]);
    // Later ticks (if the wait crossed a minute) found nothing left to send: 3 in all.
    expect(runs.reduce((n, r) => n + ((r.result as { reminders?: number }).reminders ?? 0), 0)).toBe(3);

    const reminders = await db.invitationMessage.findMany({ where: { kind: "REMINDER" }, select: { dedupeKey: true, channel: true, invitation: { select: { jobSeekerId: true } } } });
    expect(reminders.map((r) => r.invitation.jobSeekerId).sort()).toEqual(people.slice(1).map((p) => p.id).sort());
    expect(reminders.every((r) => r.dedupeKey === "reminder:D-3" && r.channel === "EMAIL")).toBe(true);
    expect(await db.auditEvent.count({ where: { action: "invitation.reminderSent" } })).toBe(3);

    // What people receive: one reminder each, none to the person who declined.
    expect(await deliverOutbox(db, transport)).toEqual({ sent: 3, failed: 0 });
    const recipients = smtp.received.map((m) => m.to.join(",")).sort();
    expect(recipients).toEqual(["<r1@exemple.test>", "<r2@exemple.test>", "<r3@exemple.test>"]);
    expect(smtp.received.every((m) => parseMail(m.raw).headers.subject!.startsWith("Rappel : Circuit court logistique"))).toBe(true);
    // Not a reminder day (D-2): nothing.
    expect(await sendDueReminders(db, new Date(Date.now() + 86_400_000), { sms: null })).toEqual({ reminders: 0 });
  }, 200_000);
});

// Legal clocks of personal data: the DPO (and the platform's manager) are told once a day.
import { beforeEach, describe, expect, it } from "vitest";
import { generateBreachDeadlineNotifications, generateDueNotifications, generateRightsDeadlineNotifications } from "@/lib/notifications/notification.jobs";
import { createPlatform, createRuleSets, createUser } from "@/tests/factories";
import { db, resetDb } from "@/tests/support/db";

beforeEach(resetDb);

async function setup() {
  await createRuleSets(db);
  const lens = await createPlatform(db, "Lens-Liévin");
  const amiens = await createPlatform(db, "Amiénois");
  const dpo = await createUser(db, { role: "DPO", allPlatforms: true });
  const manager = await createUser(db, { role: "PLATFORM_MANAGER", platformIds: [lens.id] });
  const otherManager = await createUser(db, { role: "PLATFORM_MANAGER", platformIds: [amiens.id] });
  const assistant = await createUser(db, { role: "PLATFORM_ASSISTANT", platformIds: [lens.id] });
  return { lens, dpo, manager, otherManager, assistant };
}

const titles = async (userId: string, kind: string) => (await db.notification.findMany({ where: { userId, kind }, orderBy: { createdAt: "asc" } })).map((n) => n.title);

describe("rights.deadline and breach.deadline notifications", () => {
  it("tells the DPO and the platform's manager when a rights request's clock is near or overdue, once per day", async () => {
    const { lens, dpo, manager, otherManager, assistant } = await setup();
    const now = new Date("2026-03-10T08:00:00Z");
    // Received 50 hours ago, not forwarded: the 72-hour clock ends in 22 hours.
    const near = await db.rightsRequest.create({ data: { platformId: lens.id, kind: "ACCESS", receivedAt: new Date(now.getTime() - 50 * 3_600_000), dueAt: now } });
    // Received this morning: nothing due soon.
    await db.rightsRequest.create({ data: { platformId: lens.id, kind: "ERASURE", receivedAt: now, dueAt: now } });
    // Answered: its clocks stopped.
    await db.rightsRequest.create({ data: { platformId: lens.id, kind: "ACCESS", status: "ANSWERED", receivedAt: new Date("2026-01-01T08:00:00Z"), answeredAt: new Date("2026-01-05T08:00:00Z"), dueAt: now } });

    expect(await generateRightsDeadlineNotifications(db, now)).toBe(2);
    expect(await generateRightsDeadlineNotifications(db, new Date(now.getTime() + 3_600_000))).toBe(0);
    expect(await titles(dpo.id, "rights.deadline")).toEqual(["Demande d'exercice de droits (accès) — transmission au responsable de traitement : reste 22 h 0 min"]);
    expect(await titles(manager.id, "rights.deadline")).toHaveLength(1);
    // The manager may not open the request (DPO only): the link goes to their notifications.
    expect((await db.notification.findFirstOrThrow({ where: { userId: manager.id, kind: "rights.deadline" } })).link).toBe("/notifications");
    expect(await titles(otherManager.id, "rights.deadline")).toEqual([]);
    expect(await titles(assistant.id, "rights.deadline")).toEqual([]);
    const n = await db.notification.findFirstOrThrow({ where: { userId: dpo.id, kind: "rights.deadline" } });
    expect(n.link).toBe(`/rgpd/demandes/${near.id}`);
    // Legal clocks are urgent: an e-mail goes at once by default.
    expect(n.emailedAt).not.toBeNull();

    // The next day (Paris), still not forwarded: overdue, notified again.
    const tomorrow = new Date("2026-03-11T08:00:00Z");
    expect(await generateRightsDeadlineNotifications(db, tomorrow)).toBe(2);
    expect((await titles(dpo.id, "rights.deadline"))[1]).toBe("Demande d'exercice de droits (accès) — transmission au responsable de traitement : en retard de 2 h 0 min");
  });

  it("tells the DPO every day about a breach not yet notified to the controller, and stops once it is", async () => {
    const { dpo, manager } = await setup();
    const now = new Date("2026-03-10T08:00:00Z");
    const b = await db.breachRecord.create({ data: { detectedAt: new Date("2026-03-10T06:00:00Z"), nature: "Perte d'un ordinateur portable" } });
    expect(await generateBreachDeadlineNotifications(db, now)).toBe(1);
    expect(await generateBreachDeadlineNotifications(db, now)).toBe(0);
    expect(await titles(dpo.id, "breach.deadline")).toEqual(["Violation de données à notifier au responsable de traitement : reste 1 j 10 h"]);
    // A breach with no platform concerns no platform manager.
    expect(await titles(manager.id, "breach.deadline")).toEqual([]);
    // Also produced by the scheduled job's entry point.
    expect(await generateDueNotifications(db, new Date("2026-03-11T08:00:00Z"))).toEqual({ created: 1 });
    await db.breachRecord.update({ where: { id: b.id }, data: { notifiedAt: new Date("2026-03-11T09:00:00Z"), status: "NOTIFIED" } });
    expect(await generateBreachDeadlineNotifications(db, new Date("2026-03-12T08:00:00Z"))).toBe(0);
  });

  it("skips (without failing the whole job) when no DEADLINES rule set is in force", async () => {
    await createUser(db, { role: "DPO", allPlatforms: true });
    await db.breachRecord.create({ data: { detectedAt: new Date("2026-03-10T06:00:00Z"), nature: "Perte d'un ordinateur portable" } });
    await db.rightsRequest.create({ data: { kind: "ACCESS", receivedAt: new Date("2026-03-09T06:00:00Z"), dueAt: new Date("2026-04-09T06:00:00Z") } });
    expect(await generateBreachDeadlineNotifications(db, new Date("2026-03-10T08:00:00Z"))).toBe(0);
    expect(await generateRightsDeadlineNotifications(db, new Date("2026-03-10T08:00:00Z"))).toBe(0);
  });
});

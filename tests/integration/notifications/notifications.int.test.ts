import { addHours } from "date-fns";
import { beforeEach, describe, expect, it } from "vitest";
import { loadPrincipal } from "@/lib/auth/principal";
import { generateDueNotifications } from "@/lib/notifications/notification.jobs";
import { listNotifications, markRead, savePreferences, sendDigests, unreadCount } from "@/lib/notifications/notification.service";
import { createCompany, createJobSeeker, createPlatform, createUser } from "@/tests/factories";
import { db, resetDb } from "@/tests/support/db";

beforeEach(resetDb);

async function setup() {
  const lens = await createPlatform(db, "Lens-Liévin");
  const amiens = await createPlatform(db, "Amiénois");
  const assistant = (await loadPrincipal(db, (await createUser(db, { role: "PLATFORM_ASSISTANT", platformIds: [lens.id], email: "a@lens.test" })).id))!;
  const other = await createUser(db, { role: "PLATFORM_ASSISTANT", platformIds: [amiens.id] });
  const company = await createCompany(db, lens.id, { name: "Menuiserie Dupuis" });
  return { lens, amiens, assistant, other, company };
}

describe("notifications", () => {
  it("notifie l'équipe de la plateforme d'un rappel numéro vert dû, une seule fois même si la tâche repasse", async () => {
    const { lens, assistant, other, company } = await setup();
    const now = new Date("2026-05-04T08:00:00Z");
    await db.numeroVertCallback.create({ data: { platformId: lens.id, companyId: company.id, receivedAt: now, dueAt: addHours(now, 5) } });
    await db.numeroVertCallback.create({ data: { platformId: lens.id, companyId: company.id, receivedAt: now, dueAt: addHours(now, 72) } });
    expect(await generateDueNotifications(db, now)).toEqual({ created: 1 });
    expect(await generateDueNotifications(db, now)).toEqual({ created: 0 });
    const list = await listNotifications(db, assistant, { page: 1, pageSize: 20 });
    expect(list.items.map((n) => n.title)).toEqual(["Rappel numéro vert à faire : Menuiserie Dupuis"]);
    expect(list.unread).toBe(1);
    expect(await db.notification.count({ where: { userId: other.id } })).toBe(0);
    await markRead(db, assistant, { id: list.items[0]!.id });
    expect(await unreadCount(db, assistant.id)).toBe(0);
  });

  it("par défaut, le récapitulatif quotidien part par courriel, sans donnée de demandeur ; un choix « par courriel » part aussitôt", async () => {
    const { lens, assistant, company } = await setup();
    const seeker = await createJobSeeker(db, lens.id);
    const now = new Date("2026-05-04T08:00:00Z");
    await db.followUpAction.create({ data: { platformId: lens.id, companyId: company.id, label: "Envoyer la fiche de poste", dueAt: addHours(now, 2), assignedToId: assistant.id } });
    await generateDueNotifications(db, now);
    expect(await db.outboxEmail.count()).toBe(0);
    expect(await sendDigests(db)).toEqual({ emails: 1 });
    expect(await sendDigests(db)).toEqual({ emails: 0 });
    const digest = await db.outboxEmail.findFirstOrThrow({ where: { purpose: "digest" } });
    expect(digest.to).toBe("a@lens.test");
    expect(digest.text).toContain("Suite de visite à faire (Menuiserie Dupuis) : Envoyer la fiche de poste");
    expect(digest.text).toMatch(/\/entreprises\/[0-9a-f-]{36}/);
    expect(digest.text + digest.html).not.toContain(seeker.lastName!);

    const prefs = Object.fromEntries(["callback.due", "followUp.due"].flatMap((k) => [[`${k}.inApp`, true], [`${k}.email`, true], [`${k}.digest`, false]]));
    await savePreferences(db, assistant, prefs);
    await db.numeroVertCallback.create({ data: { platformId: lens.id, companyId: company.id, receivedAt: now, dueAt: now, assignedToId: assistant.id } });
    await generateDueNotifications(db, now);
    expect(await db.outboxEmail.count({ where: { purpose: "notification", to: "a@lens.test" } })).toBe(1);
  });

  it("ne marque comme lue que ses propres notifications", async () => {
    const { assistant, other } = await setup();
    const n = await db.notification.create({ data: { userId: other.id, kind: "callback.due", title: "x" } });
    await expect(markRead(db, assistant, { id: n.id })).rejects.toThrow("Notification introuvable.");
    expect((await db.notification.findUniqueOrThrow({ where: { id: n.id } })).readAt).toBeNull();
  });

  it("pagine (les plus récentes d'abord, lues ou non), filtre les non lues et marque tout comme lu sans toucher aux autres comptes", async () => {
    const { assistant, other } = await setup();
    const base = new Date("2026-05-04T08:00:00Z").getTime();
    await db.notification.createMany({
      data: Array.from({ length: 25 }, (_, i) => ({ userId: assistant.id, kind: "callback.due", title: `N${String(i).padStart(2, "0")}`, dedupeKey: `t:${i}`, createdAt: new Date(base + i * 60_000), readAt: i % 5 === 0 ? new Date(base) : null })),
    });
    await db.notification.create({ data: { userId: other.id, kind: "callback.due", title: "autre" } });
    const p1 = await listNotifications(db, assistant, { page: 1, pageSize: 10 });
    expect(p1).toMatchObject({ total: 25, unread: 20, page: 1, pageSize: 10 });
    // Issue 14 §6: newest first; a read notification keeps its place in time (N20 and N15 are read).
    expect(p1.items.map((n) => n.title)).toEqual(["N24", "N23", "N22", "N21", "N20", "N19", "N18", "N17", "N16", "N15"]);
    expect(p1.items.find((n) => n.title === "N20")?.readAt).not.toBeNull();
    const p3 = await listNotifications(db, assistant, { page: 3, pageSize: 10 });
    expect(p3.items.map((n) => n.title)).toEqual(["N04", "N03", "N02", "N01", "N00"]);
    const unreadOnly = await listNotifications(db, assistant, { page: 1, pageSize: 100, unread: "true" });
    expect(unreadOnly.total).toBe(20);
    expect(await markRead(db, assistant, { all: true })).toEqual({ updated: 20 });
    expect(await unreadCount(db, assistant.id)).toBe(0);
    expect(await unreadCount(db, other.id)).toBe(1);
  });
});

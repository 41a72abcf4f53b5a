import { addDays, addMonths } from "date-fns";
import { beforeEach, describe, expect, it } from "vitest";
import { loadPrincipal } from "@/lib/auth/principal";
import { JOBS } from "@/lib/jobs/registry";
import {
  generateDailyReminders, notifyMonthsToClose, notifyStaleOffers, notifySubsidyDeadlines, notifyUpcomingEvents,
} from "@/lib/notifications/notification-reminders.jobs";
import { NOTIFICATION_KINDS } from "@/lib/notifications/notification.rules";
import { savePreferences } from "@/lib/notifications/notification.service";
import { createCompany, createPlatform, createRuleSets, createUser } from "@/tests/factories";
import { db, resetDb } from "@/tests/support/db";

beforeEach(async () => {
  await resetDb();
  await createRuleSets(db);
});

async function team(name: string) {
  const platform = await createPlatform(db, name);
  const assistant = await createUser(db, { role: "PLATFORM_ASSISTANT", platformIds: [platform.id], email: `assistant@${platform.slug}.test` });
  const manager = await createUser(db, { role: "PLATFORM_MANAGER", platformIds: [platform.id], email: `responsable@${platform.slug}.test` });
  return { platform, assistant, manager };
}

const titlesOf = async (userId: string, kind: string) =>
  (await db.notification.findMany({ where: { userId, kind }, orderBy: { title: "asc" }, select: { title: true } })).map((n) => n.title);

/** Every channel off but the given ones, for every kind (as the preferences form sends them). */
function prefs(on: { inApp?: boolean; email?: boolean; digest?: boolean }) {
  return Object.fromEntries(NOTIFICATION_KINDS.flatMap((k) => [[`${k}.inApp`, !!on.inApp], [`${k}.email`, !!on.email], [`${k}.digest`, !!on.digest]]));
}

describe("rappels quotidiens : offres bientôt expirées (jeu de règles OPERATIONS : 60 j signalée, 90 j expirée, préavis 7 j)", () => {
  it("prévient l'équipe de la plateforme dans le préavis, une seule fois par date d'expiration", async () => {
    const { platform, assistant, manager } = await team("Lens-Liévin");
    const other = await team("Amiénois");
    const company = await createCompany(db, platform.id, { name: "Menuiserie Dupuis" });
    const now = new Date("2026-05-04T06:30:00Z");
    const mk = async (title: string, idleDays: number, status: "OPEN" | "FILLED" = "OPEN") => {
      const o = await db.jobOffer.create({ data: { platformId: platform.id, companyId: company.id, title, contractType: "CDI", source: "VISITE", status, receivedAt: addDays(now, -idleDays) } });
      await db.$executeRaw`UPDATE "JobOffer" SET "updatedAt" = ${addDays(now, -idleDays)} WHERE id = ${o.id}::uuid`;
      return o;
    };
    await mk("Menuisier poseur", 85); // 5 days left: in the 7-day notice
    await mk("Ébéniste", 70); // stale but 20 days left: not yet
    await mk("Apprenti menuisier", 30); // active
    await mk("Chef d'atelier", 85, "FILLED"); // filled offers do not go stale
    expect(await notifyStaleOffers(db, now)).toBe(2); // assistant + manager
    expect(await notifyStaleOffers(db, addDays(now, 1))).toBe(0); // the next day: same expiry date, deduplicated
    expect(await titlesOf(assistant.id, "offer.stale")).toEqual(["Offre sans activité, expirée le 09/05/2026 sans nouvelle action : Menuisier poseur (Menuiserie Dupuis)"]);
    expect(await titlesOf(manager.id, "offer.stale")).toHaveLength(1);
    expect(await db.notification.count({ where: { userId: { in: [other.assistant.id, other.manager.id] } } })).toBe(0);
    const n = await db.notification.findFirstOrThrow({ where: { userId: assistant.id } });
    expect(n.link).toMatch(/^\/offres\/[0-9a-f-]{36}$/);
  });
});

describe("rappels quotidiens : événements à venir", () => {
  it("rappelle les événements prévus dans les 7 jours à l'équipe, pas les annulés, passés ou lointains", async () => {
    const { platform, assistant, manager } = await team("Lens-Liévin");
    const now = new Date("2026-05-04T06:30:00Z");
    const ev = (title: string, date: Date, status: "PLANNED" | "CANCELLED" = "PLANNED") =>
      db.circuitCourtEvent.create({ data: { platformId: platform.id, title, date, place: "Salle Léo-Lagrange", status } });
    await ev("Job dating BTP", addDays(now, 3));
    await ev("Forum de l'emploi", addDays(now, 20));
    await ev("Réunion annulée", addDays(now, 2), "CANCELLED");
    await ev("Réunion passée", addDays(now, -1));
    expect(await notifyUpcomingEvents(db, now)).toBe(2);
    expect(await notifyUpcomingEvents(db, addDays(now, 1))).toBe(0);
    expect(await titlesOf(assistant.id, "event.reminder")).toEqual(["Événement le 07/05/2026 : Job dating BTP (Salle Léo-Lagrange)"]);
    expect(await titlesOf(manager.id, "event.reminder")).toHaveLength(1);
  });

  it("respecte les choix de chacun : courriel seul part aussitôt (sans rester non lu), tout décoché ne crée rien", async () => {
    const { platform, assistant, manager } = await team("Lens-Liévin");
    const now = new Date("2026-05-04T06:30:00Z");
    await db.circuitCourtEvent.create({ data: { platformId: platform.id, title: "Job dating BTP", date: addDays(now, 3), place: "Lens" } });
    await savePreferences(db, (await loadPrincipal(db, manager.id))!, prefs({ email: true }));
    await savePreferences(db, (await loadPrincipal(db, assistant.id))!, prefs({}));
    expect(await notifyUpcomingEvents(db, now)).toBe(1);
    expect(await db.notification.count({ where: { userId: assistant.id } })).toBe(0);
    const n = await db.notification.findFirstOrThrow({ where: { userId: manager.id } });
    expect(n.readAt).not.toBeNull(); // not shown as unread in the app
    const mail = await db.outboxEmail.findFirstOrThrow({ where: { purpose: "notification" } });
    expect(mail.to).toBe(manager.email);
    expect(mail.text).toContain("Job dating BTP");
    expect(mail.text).toMatch(/\/evenements\/[0-9a-f-]{36}/);
  });
});

describe("rappels quotidiens : échéances de subvention (jeu de règles DEADLINES)", () => {
  it("prévient les responsables de la plateforme et la finance régionale, une fois à l'approche et une fois en retard", async () => {
    const { platform, assistant, manager } = await team("Lens-Liévin");
    const other = await team("Amiénois");
    const finance = await createUser(db, { role: "REGION_FINANCE", allPlatforms: true, email: "finance@region.test" });
    const financeElsewhere = await createUser(db, { role: "REGION_FINANCE", platformIds: [other.platform.id] });
    const now = new Date("2026-05-04T06:30:00Z");
    const deadlines = (await db.ruleSet.findFirstOrThrow({ where: { kind: "DEADLINES" } })).payload as { teamRecruitmentMonthsAfterNotification: number };
    // Team to be recruited within N months of notification: due in 10 days, not recruited.
    const notifiedAt = addDays(addMonths(new Date("2026-05-04T00:00:00Z"), -deadlines.teamRecruitmentMonthsAfterNotification), 10);
    // Région convention cadre art. 11: counted from the cadre's notification (the platform's).
    await db.platform.update({ where: { id: platform.id }, data: { notificationDate: notifiedAt } });
    const file = await db.subsidyFile.create({ data: { platformId: platform.id, year: 2026, funder: "REGION", status: "SIGNED", notifiedAt } });
    await db.tranche.create({ data: { subsidyFileId: file.id, rank: 1, label: "Avance", shareBp: 5000, amountCents: 100_000n, dueAt: new Date("2026-04-20T00:00:00Z"), status: "DUE" } });
    await db.tranche.create({ data: { subsidyFileId: file.id, rank: 2, label: "Solde", shareBp: 5000, amountCents: 100_000n, dueAt: new Date("2026-04-01T00:00:00Z"), status: "PAID" } });
    // A draft file is not followed.
    await db.subsidyFile.create({ data: { platformId: platform.id, year: 2027, funder: "REGION", status: "DRAFT", notifiedAt } });

    expect(await notifySubsidyDeadlines(db, now)).toBe(4); // 2 deadlines × (manager + finance)
    expect(await notifySubsidyDeadlines(db, addDays(now, 1))).toBe(0);
    expect(await titlesOf(manager.id, "subsidy.deadline")).toEqual([
      "Subvention Région 2026 (Lens-Liévin) : Tranche 1 — Avance en retard depuis le 20/04/2026",
      `Subvention Région 2026 (Lens-Liévin) : Équipe recrutée (convention cadre) à rendre le ${new Intl.DateTimeFormat("fr-FR", { timeZone: "Europe/Paris" }).format(addMonths(notifiedAt, deadlines.teamRecruitmentMonthsAfterNotification))}`,
    ]);
    expect(await titlesOf(finance.id, "subsidy.deadline")).toHaveLength(2);
    expect(await db.notification.count({ where: { userId: { in: [assistant.id, financeElsewhere.id, other.manager.id] } } })).toBe(0);
    // The recruitment deadline passes: one more notice, now "late".
    expect(await notifySubsidyDeadlines(db, addDays(now, 11))).toBe(2);
    expect((await titlesOf(manager.id, "subsidy.deadline")).filter((t) => t.includes("Équipe recrutée (convention cadre) en retard"))).toHaveLength(1);
  });
});

describe("rappels quotidiens : mois à clôturer (jeu de règles OPERATIONS : 5 jours après la fin du mois)", () => {
  it("prévient les responsables des plateformes dont le mois écoulé n'est pas clôturé, à partir du délai", async () => {
    const lens = await team("Lens-Liévin");
    const amiens = await team("Amiénois");
    await db.monthlySnapshot.create({ data: { platformId: amiens.platform.id, month: new Date("2026-04-01T00:00:00Z"), snapshotVersion: 1, definitionsVersion: "test", figures: {} } });
    expect(await notifyMonthsToClose(db, new Date("2026-05-04T06:30:00Z"))).toBe(0); // 3 days after the end: too early
    expect(await notifyMonthsToClose(db, new Date("2026-05-06T06:30:00Z"))).toBe(1);
    expect(await notifyMonthsToClose(db, new Date("2026-05-07T06:30:00Z"))).toBe(0);
    expect(await titlesOf(lens.manager.id, "month.close")).toEqual(["Bilan de avril 2026 à clôturer (Lens-Liévin)"]);
    expect(await db.notification.count({ where: { userId: { in: [lens.assistant.id, amiens.manager.id] } } })).toBe(0);
  });

  it("un mois rouvert (clôture remplacée) redevient à clôturer", async () => {
    const lens = await team("Lens-Liévin");
    await db.monthlySnapshot.create({ data: { platformId: lens.platform.id, month: new Date("2026-04-01T00:00:00Z"), snapshotVersion: 1, definitionsVersion: "test", figures: {}, supersededAt: new Date("2026-05-05T10:00:00Z") } });
    expect(await notifyMonthsToClose(db, new Date("2026-05-10T06:30:00Z"))).toBe(1);
  });
});

describe("tâche planifiée des rappels", () => {
  it("est inscrite au registre et fait tourner chaque sorte", async () => {
    const job = JOBS.find((j) => j.name === "notifications-reminders")!;
    expect(job.cron).toBe("30 6 * * *");
    const { platform, manager } = await team("Lens-Liévin");
    const now = new Date("2026-05-10T06:30:00Z");
    await db.circuitCourtEvent.create({ data: { platformId: platform.id, title: "Forum", date: addDays(now, 1), place: "Lens" } });
    expect(await job.handler({ db, now })).toEqual({ staleOffers: 0, events: 2, subsidyDeadlines: 0, monthsToClose: 1 });
    expect(await generateDailyReminders(db, now)).toEqual({ staleOffers: 0, events: 0, subsidyDeadlines: 0, monthsToClose: 0 });
    expect(await db.notification.count({ where: { userId: manager.id } })).toBe(2);
  });

  it("une sorte en échec (jeu de règles absent) n'empêche pas les autres, et l'échec est signalé", async () => {
    const { platform, manager } = await team("Lens-Liévin");
    await db.ruleSet.deleteMany({ where: { kind: "DEADLINES" } });
    const now = new Date("2026-05-04T06:30:00Z");
    await db.circuitCourtEvent.create({ data: { platformId: platform.id, title: "Forum", date: addDays(now, 1), place: "Lens" } });
    await expect(generateDailyReminders(db, now)).rejects.toThrow(/subsidyDeadlines: Aucun jeu de règles « DEADLINES »/);
    expect(await db.notification.count({ where: { userId: manager.id, kind: "event.reminder" } })).toBe(1);
  });
});

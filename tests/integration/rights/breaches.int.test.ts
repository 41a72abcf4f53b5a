// Breach register on real PostgreSQL: deadline from the DEADLINES rule set, versioned updates, export.
import ExcelJS from "exceljs";
import { beforeEach, describe, expect, it } from "vitest";
import { createBreach, exportBreaches, getBreach, listBreaches, updateBreach } from "@/lib/rights/breach.service";
import { exportRegister } from "@/lib/rights/register.service";
import { createPlatform, createRuleSets, platformUser } from "@/tests/factories";
import { principal } from "@/tests/factories/job-seeker-side";
import { db, resetDb } from "@/tests/support/db";

beforeEach(resetDb);

const NOW = new Date("2026-11-20T10:00:00Z");
const input = {
  detectedAt: new Date("2026-11-19T20:00:00Z"), nature: "Envoi d'un fichier de bénéficiaires au mauvais destinataire", dataCategories: ["identité", "coordonnées"],
  peopleCategories: ["demandeurs d'emploi"], approxPeople: 40, approxRecords: 40, contact: "dpo@exemple.fr", consequences: "Usurpation possible", measures: "Demande de suppression au destinataire",
};

describe("breach register", () => {
  it("records a breach with a 36-hour countdown, updates it with its version, exports it, all audited", async () => {
    await createRuleSets(db);
    const dpo = await principal(db, "DPO", { allPlatforms: true });
    const b = await createBreach(db, dpo, input, {}, NOW);
    expect(b.deadlineAt).toBe("2026-11-21T08:00:00.000Z");
    expect(b.remainingMs).toBe(22 * 3_600_000);
    expect(b.countdown).toBe("reste 22 h 0 min");
    expect(b.status).toBe("DETECTED");
    const late = await getBreach(db, dpo, b.id, new Date("2026-11-21T09:00:00Z"));
    expect(late.overdue).toBe(true);
    expect(late.countdown).toBe("en retard de 1 h 0 min");

    const notified = await updateBreach(db, dpo, b.id, { version: b.version, notifiedAt: new Date("2026-11-20T09:00:00Z") }, {}, NOW);
    expect(notified.status).toBe("NOTIFIED");
    expect(notified.overdue).toBe(false);
    expect(notified.late).toBe(false);
    await expect(updateBreach(db, dpo, b.id, { version: b.version, measures: "autre" }, {}, NOW)).rejects.toMatchObject({ status: 409 });
    await expect(updateBreach(db, dpo, b.id, { version: notified.version, notifiedAt: new Date("2026-11-19T10:00:00Z") }, {}, NOW)).rejects.toMatchObject({ status: 400 });
    expect(await db.auditEvent.count({ where: { entityType: "BreachRecord", entityId: b.id, action: { in: ["breach.created", "breach.updated"] } } })).toBe(2);

    const xlsx = await exportBreaches(db, dpo, "xlsx", {}, NOW);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.body as unknown as ArrayBuffer);
    const ws = wb.getWorksheet("Violations")!;
    expect(ws.getRow(1).getCell(5).value).toBe("Nature");
    expect(ws.getRow(2).getCell(5).value).toBe(input.nature);
    expect(ws.getRow(2).getCell(8).value).toBe(40);
    // Dates are Excel dates (issue 15 §4), in Paris time, with a date-time format: detected 20:00Z = 21:00 Paris.
    for (const col of [1, 2, 3]) {
      expect(ws.getRow(2).getCell(col).type, `colonne ${col}`).toBe(ExcelJS.ValueType.Date);
      expect(ws.getRow(2).getCell(col).numFmt).toBe("dd/mm/yyyy hh:mm");
    }
    expect((ws.getRow(2).getCell(1).value as Date).toISOString()).toBe("2026-11-19T21:00:00.000Z");
    expect((ws.getRow(2).getCell(3).value as Date).toISOString()).toBe("2026-11-20T10:00:00.000Z");
    const html = (await exportBreaches(db, dpo, "html", {}, NOW)).body.toString("utf8");
    expect(html).toContain("Usurpation possible");
    expect(await db.auditEvent.count({ where: { action: "breach.exported", actorId: dpo.id } })).toBe(2);
    expect((await listBreaches(db, dpo, { page: 1, pageSize: 10 }, NOW)).total).toBe(1);
  });

  it("platform staff (processors, issue 22) record and see their own platform's breaches but cannot edit them", async () => {
    await createRuleSets(db);
    const platform = await createPlatform(db);
    const manager = await platformUser(db, "PLATFORM_MANAGER", platform.id);
    const dpo = await principal(db, "DPO", { allPlatforms: true });
    const fromDpo = await createBreach(db, dpo, input, {}, NOW);
    const own = await createBreach(db, manager, input, {}, NOW);
    expect((await listBreaches(db, manager, { page: 1, pageSize: 10 }, NOW)).items.map((b) => b.id)).toEqual([own.id]);
    await expect(getBreach(db, manager, fromDpo.id, NOW)).rejects.toMatchObject({ status: 404 });
    await expect(updateBreach(db, manager, own.id, { version: own.version, measures: "autre" }, {}, NOW)).rejects.toMatchObject({ status: 403 });
  });
});

describe("file names of the register exports", () => {
  it("are dated with the day in Paris: at 23:30 UTC on 31 December it is already 1 January", async () => {
    await createRuleSets(db);
    const dpo = await principal(db, "DPO", { allPlatforms: true });
    await createBreach(db, dpo, input, {}, NOW);
    const newYear = new Date("2026-12-31T23:30:00Z");
    expect((await exportBreaches(db, dpo, "xlsx", {}, newYear)).filename).toBe("violations-2027-01-01.xlsx");
    expect((await exportBreaches(db, dpo, "html", {}, newYear)).filename).toBe("violations-2027-01-01.html");
    expect((await exportRegister(db, dpo, "html", {}, newYear)).filename).toBe("registre-traitements-2027-01-01.html");
    expect((await exportRegister(db, dpo, "xlsx", {}, new Date("2026-11-30T23:30:00Z"))).filename).toBe("registre-traitements-2026-12-01.xlsx");
  });
});

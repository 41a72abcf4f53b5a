import ExcelJS from "exceljs";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { auditActionLabel } from "@/lib/audit/audit-labels";
import { exportAuditEvents, listAuditEvents, parisDayStart } from "@/lib/audit/audit.query";
import { auditListQuerySchema } from "@/lib/audit/audit.schema";
import { recordAudit } from "@/lib/audit/audit.service";
import { ForbiddenError } from "@/lib/errors";
import { createJobSeeker, createPlatform } from "@/tests/factories";
import { principal } from "@/tests/factories/job-seeker-side";
import { db, resetDb } from "@/tests/support/db";

beforeEach(resetDb);

const query = (raw: Record<string, unknown>) => auditListQuerySchema.parse(raw);

describe("recherche du journal d'audit par la DPO", () => {
  it("filtre par personne, utilisateur, période et action, avec pagination serveur", async () => {
    const lens = await createPlatform(db, "Lens audit");
    const dpo = await principal(db, "DPO", { allPlatforms: true });
    const manager = await principal(db, "PLATFORM_MANAGER", { platformIds: [lens.id] });
    const alice = await createJobSeeker(db, lens.id);
    const bob = await createJobSeeker(db, lens.id);
    await db.jobSeeker.update({ where: { id: alice.id }, data: { lastName: "Zébulon", firstName: "Alice" } });
    for (let i = 0; i < 3; i++) await recordAudit(db, { action: "jobSeeker.read", actorId: manager.id, actorRole: manager.role, entityType: "JobSeeker", entityId: alice.id, reason: `lecture ${i}` });
    await recordAudit(db, { action: "proposal.create", actorId: manager.id, entityType: "Proposal", entityId: "p1", metadata: { jobSeekerId: alice.id } });
    await recordAudit(db, { action: "jobSeeker.read", actorId: dpo.id, entityType: "JobSeeker", entityId: bob.id });

    const byId = await listAuditEvents(db, dpo, query({ person: alice.id, pageSize: 2 }));
    expect(byId.total).toBe(4);
    expect(byId.items).toHaveLength(2);
    expect((await listAuditEvents(db, dpo, query({ person: alice.id, page: 2, pageSize: 2 }))).items).toHaveLength(2);
    expect((await listAuditEvents(db, dpo, query({ person: "alice ZÉBULON" }))).total).toBe(4);
    expect((await listAuditEvents(db, dpo, query({ person: "Zébulon" }))).total).toBe(4);

    expect((await listAuditEvents(db, dpo, query({ actorEmail: dpo.email }))).total).toBe(1);
    expect((await listAuditEvents(db, dpo, query({ action: "proposal." }))).total).toBe(1);
    const today = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Paris" }).format(new Date());
    expect((await listAuditEvents(db, dpo, query({ from: today, to: today, person: alice.id }))).total).toBe(4);
    expect((await listAuditEvents(db, dpo, query({ to: "2020-01-01" }))).total).toBe(0);
    await expect(listAuditEvents(db, manager, query({}))).rejects.toThrow(new ForbiddenError());
    await expect(listAuditEvents(db, manager, query({}))).rejects.toBeInstanceOf(ForbiddenError);
  });

  it("dit l'action en français et nomme l'objet : la fiche, la personne citée, ou « personne détruite le … »", async () => {
    const lens = await createPlatform(db, "Lens noms");
    const dpo = await principal(db, "DPO", { allPlatforms: true });
    const jeanne = await createJobSeeker(db, lens.id);
    await db.jobSeeker.update({ where: { id: jeanne.id }, data: { lastName: "Martin", firstName: "Jeanne" } });
    const gone = await createJobSeeker(db, lens.id);
    await db.jobSeeker.update({ where: { id: gone.id }, data: { lifecycle: "DESTROYED", destroyedAt: new Date("2026-03-12T10:00:00Z"), lastName: null, firstName: null } });
    await recordAudit(db, { action: "jobSeeker.read", actorId: dpo.id, entityType: "JobSeeker", entityId: jeanne.id });
    await recordAudit(db, { action: "proposal.created", actorId: dpo.id, entityType: "Proposal", entityId: "p-1", metadata: { jobSeekerId: jeanne.id } });
    await recordAudit(db, { action: "jobSeeker.read", actorId: dpo.id, entityType: "JobSeeker", entityId: gone.id });

    const { items } = await listAuditEvents(db, dpo, query({ sort: "at" }));
    expect(items.map((i) => [i.actionLabel, i.record?.label, i.person?.label ?? null])).toEqual([
      ["Consultation d'une fiche demandeur", "Fiche de Jeanne MARTIN", null],
      ["Positionnement créé", "Positionnement", "Fiche de Jeanne MARTIN"],
      ["Consultation d'une fiche demandeur", "Personne détruite le 12/03/2026", null],
    ]);
    expect(items[0]!.record?.href).toBe(`/rgpd?person=${jeanne.id}`);
    expect(items[2]!.record?.href).toBeNull();
    // A code picked from the list matches exactly (not « jobSeeker.readArchived »).
    await recordAudit(db, { action: "jobSeeker.readArchived", actorId: dpo.id, entityType: "JobSeeker", entityId: jeanne.id });
    expect((await listAuditEvents(db, dpo, query({ action: "jobSeeker.read" }))).total).toBe(2);
    expect((await listAuditEvents(db, dpo, query({ action: "jobSeeker" }))).total).toBe(3);
  });

  it("exporte le résultat en XLSX et CSV, et trace l'export sans copier le nom cherché", async () => {
    const lens = await createPlatform(db, "Lens audit");
    const dpo = await principal(db, "DPO", { allPlatforms: true });
    const alice = await createJobSeeker(db, lens.id);
    await recordAudit(db, { action: "jobSeeker.read", actorId: dpo.id, entityType: "JobSeeker", entityId: alice.id, reason: "contrôle" });
    await recordAudit(db, { action: "other.event" });

    const csv = await exportAuditEvents(db, dpo, { person: alice.id, format: "csv" });
    const lines = csv.body.toString("utf8").replace(/^\uFEFF/, "").trim().split("\r\n");
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain(alice.id);
    expect(lines[1]).toContain("contrôle");

    const xlsx = await exportAuditEvents(db, dpo, { person: alice.lastName!, format: "xlsx" });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.body as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    // n°, date, code, French label, author, role, object type (in French), its id, reason.
    expect(ws.getRow(1).getCell(4).value).toBe("libellé");
    expect(ws.getRow(2).getCell(4).value).toBe(auditActionLabel(String(ws.getRow(2).getCell(3).value)));
    expect(ws.getRow(2).getCell(7).value).toBe("Fiche demandeur");
    expect(ws.getRow(2).getCell(8).value).toBe(alice.id);

    const exports = await db.auditEvent.findMany({ where: { action: "audit.export" }, orderBy: { id: "asc" } });
    expect(exports.map((e) => (e.metadata as { format: string; rows: number }).format)).toEqual(["csv", "xlsx"]);
    expect(JSON.stringify(exports.map((e) => e.metadata))).not.toContain(alice.lastName!);

    const manager = await principal(db, "PLATFORM_MANAGER", { platformIds: [lens.id] });
    await expect(exportAuditEvents(db, manager, { format: "csv" })).rejects.toThrow(new ForbiddenError());
    await expect(exportAuditEvents(db, manager, { format: "csv" })).rejects.toBeInstanceOf(ForbiddenError);
  });

  it("date le fichier exporté du jour de Paris : le 31 décembre à 23 h 30 UTC, c'est déjà le 1er janvier", async () => {
    const dpo = await principal(db, "DPO", { allPlatforms: true });
    vi.useFakeTimers({ now: new Date("2026-12-31T23:30:00Z"), toFake: ["Date"] });
    try {
      expect((await exportAuditEvents(db, dpo, { format: "csv" })).filename).toBe("journal-audit-2027-01-01.csv");
    } finally {
      vi.useRealTimers();
    }
    expect((await exportAuditEvents(db, dpo, { format: "xlsx" }, undefined, new Date("2026-11-30T23:30:00Z"))).filename).toBe("journal-audit-2026-12-01.xlsx");
  });

  it("compte les jours de la période sur le calendrier de Paris", () => {
    expect(parisDayStart("2026-01-15").toISOString()).toBe("2026-01-14T23:00:00.000Z");
    expect(parisDayStart("2026-07-15").toISOString()).toBe("2026-07-14T22:00:00.000Z");
  });
});

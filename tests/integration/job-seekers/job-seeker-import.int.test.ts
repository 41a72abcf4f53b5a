import ExcelJS from "exceljs";
import { beforeEach, describe, expect, it } from "vitest";
import { verifyAuditChain } from "@/lib/audit/audit-verify";
import { NotFoundError, ValidationError } from "@/lib/errors";
import { listImportBatches, undoImportBatch } from "@/lib/imports/import-batch.service";
import { previewJobSeekerImport, runJobSeekerImport } from "@/lib/imports/job-seeker-import.service";
import { addInteraction } from "@/lib/job-seekers/job-seeker.service";
import { createPlatform } from "@/tests/factories";
import { createRuleSets, principal } from "@/tests/factories/job-seeker-side";
import { sealAllAudit } from "@/tests/support/audit-seal";
import { db, resetDb } from "@/tests/support/db";

const now = new Date("2026-11-23T10:00:00Z");

beforeEach(async () => {
  await resetDb();
  await createRuleSets(db);
});

const HEADERS = ["Nom", "Prénom", "Date de naissance", "E-mail", "Téléphone", "Identifiant France Travail", "Ville", "RSA"];

async function setup() {
  const lens = await createPlatform(db, "Lens");
  const amiens = await createPlatform(db, "Amiens");
  const assistant = await principal(db, "PLATFORM_ASSISTANT", { platformIds: [lens.id] });
  const amiensAssistant = await principal(db, "PLATFORM_ASSISTANT", { platformIds: [amiens.id] });
  // Existing people: one found again by France Travail id, one by name + birth date (accents differ), one on another platform.
  const byFt = await db.jobSeeker.create({ data: { platformId: lens.id, lastName: "Durand", firstName: "Paul", birthDate: new Date("1980-05-05"), franceTravailId: "7654321B", city: "Lens", origin: "SPONTANE", lastContactAt: now, informedAt: new Date("2025-01-10"), informedChannel: "EN_PERSONNE" } });
  const byName = await db.jobSeeker.create({ data: { platformId: lens.id, lastName: "LEFEVRE", firstName: "Elodie", birthDate: new Date("1990-03-15"), phone: null, origin: "NUMERO_VERT", lastContactAt: now, informedAt: new Date("2025-02-10"), informedChannel: "TELEPHONE" } });
  await db.jobSeeker.create({ data: { platformId: amiens.id, lastName: "Martin", firstName: "Zoé", birthDate: new Date("1995-07-07"), email: "zoe.martin@exemple.fr", origin: "SPONTANE", lastContactAt: now } });
  return { lens, amiens, assistant, amiensAssistant, byFt, byName };
}

function csv(rows: string[][]): Buffer {
  return Buffer.from([HEADERS, ...rows].map((r) => r.join(";")).join("\n"), "utf8");
}

const FILE = [
  ["Lefèvre", "Élodie", "15/03/1990", "", "06 12 34 56 78", "", "Liévin", "oui"], // line 2: duplicate of byName (accent-insensitive)
  ["Dupont", "Marie", "01/02/1998", "marie.dupont@exemple.fr", "", "", "Lens", "non"], // 3: new
  ["Autre", "Paul", "05/05/1980", "", "", "7654321b", "Avion", ""], // 4: duplicate of byFt (same France Travail id)
  ["Martin", "Zoé", "07/07/1995", "zoe.martin@exemple.fr", "", "", "Amiens", ""], // 5: same as an Amiens person → new on Lens (other platform not visible)
  ["Sans", "Date", "32/13/1990", "", "", "", "", ""], // 6: birth date impossible (a missing one is accepted: optional, issue 22 §6)
  ["Trop", "Jeune", "01/01/2015", "", "", "", "", ""], // 7: under 16
  ["Dupont", "Marie", "01/02/1998", "autre@exemple.fr", "", "", "", ""], // 8: same person as line 3
];
const defaults = { origin: "PARTENAIRE" as const, informedAt: "2026-11-02", informedChannel: "EN_PERSONNE" as const };

describe("import de demandeurs d'emploi", () => {
  it("aperçu : correspondance, erreurs par ligne en français, doublons probables (sans données des fiches existantes)", async () => {
    const { assistant } = await setup();
    const preview = await previewJobSeekerImport(db, assistant, { buffer: csv(FILE), defaults }, now);
    expect(preview).toMatchObject({ totalRows: 7, validCount: 4, errorCount: 3, duplicates: 2, missing: [] });
    expect(preview.mapping).toMatchObject({ lastName: 0, firstName: 1, birthDate: 2, email: 3, phone: 4, franceTravailId: 5, city: 6, rsa: 7 });
    expect(preview.errors).toEqual([
      { line: 6, field: "birthDate", message: "Date de naissance invalide (format AAAA-MM-JJ)." },
      { line: 7, field: "birthDate", message: "La personne doit avoir au moins 16 ans." },
      { line: 8, field: "lastName", message: "Même personne que la ligne 3 du fichier." },
    ]);
    expect(preview.duplicateLines).toEqual([
      { line: 2, reasons: ["mêmes nom, prénom et date de naissance"] },
      { line: 4, reasons: ["même identifiant France Travail"] },
    ]);
    // Without the information date / channel (no column, no batch value), nothing is importable.
    const without = await previewJobSeekerImport(db, assistant, { buffer: csv(FILE) }, now);
    expect(without.missing).toHaveLength(3);
    expect(without.validCount).toBe(0);
    await expect(runJobSeekerImport(db, assistant, { buffer: csv(FILE), fileName: "x.csv", mapping: without.mapping, duplicateMode: "SKIP" }, undefined, now)).rejects.toBeInstanceOf(ValidationError);
  });

  it("mode « ignorer » : crée les nouvelles personnes, audite chacune, laisse les doublons intacts ; l'annulation supprime le lot", async () => {
    const { lens, assistant, byName } = await setup();
    const preview = await previewJobSeekerImport(db, assistant, { buffer: csv(FILE), defaults }, now);
    const progress: number[] = [];
    const batch = await runJobSeekerImport(db, assistant, { buffer: csv(FILE), fileName: "inscrits.csv", mapping: preview.mapping, duplicateMode: "SKIP", defaults }, (p) => progress.push(p), now);
    expect(batch).toMatchObject({ status: "DONE", kind: "JOB_SEEKERS", createdCount: 2, updatedCount: 0, skippedCount: 2, errorCount: 3 });
    expect(batch.errors.map((e) => e.line)).toEqual([6, 7, 8]);
    expect(progress.at(-1)).toBe(4);
    const marie = await db.jobSeeker.findFirstOrThrow({ where: { platformId: lens.id, lastName: "Dupont" } });
    expect(marie).toMatchObject({ firstName: "Marie", email: "marie.dupont@exemple.fr", city: "Lens", rsa: false, origin: "PARTENAIRE", informedChannel: "EN_PERSONNE", createdById: assistant.id, lifecycle: "ACTIVE" });
    expect(marie.informedAt?.toISOString().slice(0, 10)).toBe("2026-11-02");
    expect(await db.jobSeeker.count({ where: { platformId: lens.id } })).toBe(4);
    expect((await db.jobSeeker.findUniqueOrThrow({ where: { id: byName.id } })).phone).toBeNull();
    const created = await db.auditEvent.findMany({ where: { action: "jobSeeker.created" } });
    expect(created).toHaveLength(2);
    expect(created.every((a) => a.actorId === assistant.id && a.platformId === lens.id && a.reason === "Import de demandeurs d'emploi")).toBe(true);
    expect(await db.auditEvent.count({ where: { action: "import.jobSeekers", entityId: batch.id } })).toBe(1);
    expect(await db.importMapping.count({ where: { platformId: lens.id, kind: "JOB_SEEKERS" } })).toBe(1);
    expect((await listImportBatches(db, assistant, "JOB_SEEKERS")).map((b) => b.id)).toEqual([batch.id]);
    expect(await listImportBatches(db, assistant, "COMPANIES")).toEqual([]);

    const undo = await undoImportBatch(db, assistant, batch.id, "JOB_SEEKERS");
    expect(undo.keptWithHistory).toEqual([]);
    expect(await db.jobSeeker.count({ where: { platformId: lens.id } })).toBe(2);
    expect(await db.auditEvent.count({ where: { action: "jobSeeker.deleted" } })).toBe(2);
    // The import's events (written in batches, unsealed) sealed by the real sealer, then the chain checked.
    expect(await sealAllAudit(db)).toBeGreaterThan(0);
    expect(await verifyAuditChain(db)).toMatchObject({ unsealed: { count: 0 }, firstBroken: null });
  });

  it("mode « mettre à jour » : complète les fiches existantes puis l'annulation rend l'état d'avant, sauf une personne suivie depuis", async () => {
    const { lens, assistant, byFt, byName } = await setup();
    const before = await db.jobSeeker.findMany({ where: { platformId: lens.id }, orderBy: { id: "asc" } });
    const preview = await previewJobSeekerImport(db, assistant, { buffer: csv(FILE), defaults }, now);
    const batch = await runJobSeekerImport(db, assistant, { buffer: csv(FILE), fileName: "inscrits.csv", mapping: preview.mapping, duplicateMode: "UPDATE", defaults }, undefined, now);
    expect(batch).toMatchObject({ createdCount: 2, updatedCount: 2, skippedCount: 0, errorCount: 3 });
    const ft = await db.jobSeeker.findUniqueOrThrow({ where: { id: byFt.id } });
    // The row's values are written; how and when the person was informed, and how they came, are kept.
    expect(ft).toMatchObject({ lastName: "Autre", city: "Avion", franceTravailId: "7654321B", origin: "SPONTANE", informedChannel: "EN_PERSONNE", version: byFt.version + 1 });
    expect(ft.informedAt?.toISOString().slice(0, 10)).toBe("2025-01-10");
    expect(await db.jobSeeker.findUniqueOrThrow({ where: { id: byName.id } })).toMatchObject({ lastName: "Lefèvre", firstName: "Élodie", phone: "06 12 34 56 78", city: "Liévin", rsa: true });
    const upd = await db.auditEvent.findFirstOrThrow({ where: { action: "jobSeeker.updated", entityId: byName.id } });
    expect((upd.metadata as { fields: string[] }).fields.sort()).toEqual(["birthDate", "city", "firstName", "lastName", "phone", "rsa"]);

    // One of the created people is followed meanwhile: undo keeps them and says so.
    const marie = await db.jobSeeker.findFirstOrThrow({ where: { platformId: lens.id, lastName: "Dupont" } });
    await addInteraction(db, assistant, marie.id, { kind: "APPEL", at: new Date("2026-11-22T09:00:00Z"), summary: "Premier appel" }, {}, now);
    const undo = await undoImportBatch(db, assistant, batch.id, "JOB_SEEKERS");
    expect(undo.keptWithHistory).toEqual([{ id: marie.id, name: "Dupont Marie" }]);
    const after = await db.jobSeeker.findMany({ where: { platformId: lens.id, id: { not: marie.id } }, orderBy: { id: "asc" } });
    const fields = ["id", "lastName", "firstName", "birthDate", "email", "phone", "franceTravailId", "city", "rsa", "origin", "informedAt", "informedChannel"] as const;
    const pick = (r: Record<string, unknown>) => Object.fromEntries(fields.map((f) => [f, r[f]]));
    expect(after.map(pick)).toEqual(before.map(pick));
    await expect(undoImportBatch(db, assistant, batch.id, "JOB_SEEKERS")).rejects.toThrow("Seul un import terminé peut être annulé.");
    // The import's events (written in batches, unsealed) sealed by the real sealer, then the chain checked.
    expect(await sealAllAudit(db)).toBeGreaterThan(0);
    expect(await verifyAuditChain(db)).toMatchObject({ unsealed: { count: 0 }, firstBroken: null });
  });

  it("un import d'une autre plateforme est introuvable (404), et un lot d'entreprises ne s'annule pas par la route des demandeurs", async () => {
    const { assistant, amiensAssistant } = await setup();
    const preview = await previewJobSeekerImport(db, assistant, { buffer: csv(FILE), defaults }, now);
    const batch = await runJobSeekerImport(db, assistant, { buffer: csv(FILE), fileName: "inscrits.csv", mapping: preview.mapping, duplicateMode: "SKIP", defaults }, undefined, now);
    await expect(undoImportBatch(db, amiensAssistant, batch.id, "JOB_SEEKERS")).rejects.toBeInstanceOf(NotFoundError);
    await expect(undoImportBatch(db, assistant, batch.id, "COMPANIES")).rejects.toBeInstanceOf(NotFoundError);
  });

  it("lit un classeur XLSX avec des dates Excel et la date d'information en colonne", async () => {
    const { lens, assistant } = await setup();
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Inscrits");
    ws.addRow(["Nom", "Prénom", "Né(e) le", "Date d'information", "Canal d'information", "Arrivée par"]);
    ws.addRow(["Nouveau", "Léa", new Date("2001-09-09T00:00:00Z"), new Date("2026-11-20T00:00:00Z"), "Courrier", "Circuit court"]);
    const buffer = Buffer.from(await wb.xlsx.writeBuffer());
    const preview = await previewJobSeekerImport(db, assistant, { buffer, mapping: { lastName: 0, firstName: 1, birthDate: 2, informedAt: 3, informedChannel: 4, origin: 5 } }, now);
    expect(preview).toMatchObject({ validCount: 1, errorCount: 0, missing: [] });
    await runJobSeekerImport(db, assistant, { buffer, fileName: "inscrits.xlsx", mapping: preview.mapping, duplicateMode: "SKIP" }, undefined, now);
    const lea = await db.jobSeeker.findFirstOrThrow({ where: { platformId: lens.id, firstName: "Léa" } });
    expect(lea).toMatchObject({ informedChannel: "COURRIER", origin: "CIRCUIT_COURT" });
    expect(lea.birthDate?.toISOString().slice(0, 10)).toBe("2001-09-09");
  });
});

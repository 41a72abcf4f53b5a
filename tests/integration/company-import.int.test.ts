import ExcelJS from "exceljs";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { loadCommuneReference } from "@/lib/communes/commune-reference";
import { createCompanySchema } from "@/lib/companies/company.schema";
import { createCompany } from "@/lib/companies/company.service";
import { UnprocessableError } from "@/lib/errors";
import { previewCompanyImport, runCompanyImport, undoImportBatch } from "@/lib/imports/company-import.service";
import { withLuhnKey } from "@/lib/rules/siret.rules";
import { createPlatform, platformUser } from "@/tests/factories";
import { db, resetDb } from "@/tests/support/db";

beforeAll(() => loadCommuneReference(db));
beforeEach(resetDb);

const siret = (n: number) => withLuhnKey(`7${String(n).padStart(12, "0")}`);
const HEADERS = ["SIRET", "Raison sociale", "Code NAF", "Filière", "Code INSEE", "Nom contact", "E-mail"];

async function xlsx(rows: (string | number)[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Entreprises");
  ws.addRow(HEADERS);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

async function setup() {
  const lens = await createPlatform(db, "Lens-Liévin");
  return { lens, user: await platformUser(db, "PLATFORM_ASSISTANT", lens.id) };
}

describe("import d'entreprises", () => {
  it("importe 10 000 lignes XLSX dont 1 % d'erreurs : bonnes lignes entrées, mauvaises rapportées par numéro de ligne, puis annulation complète", async () => {
    const { lens, user } = await setup();
    // Two companies exist before the import; the file updates one of them.
    const before = await createCompany(db, user, createCompanySchema.parse({ siret: siret(5), name: "Ancien nom", communeCode: "62498" }));
    await createCompany(db, user, createCompanySchema.parse({ siret: siret(999_999), name: "Hors fichier" }));
    const rows: (string | number)[][] = [];
    const badLines: number[] = [];
    for (let i = 0; i < 10_000; i++) {
      const bad = i % 100 === 42; // 1 %
      if (bad) badLines.push(i + 2);
      rows.push([bad ? "12345" : Number(siret(i)), `Entreprise ${i}`, "47.11D", "Commerce", i % 2 ? "62498" : "62510", i % 3 ? `Contact${i}` : "", i % 3 ? `contact${i}@exemple.fr` : ""]);
    }
    const buffer = await xlsx(rows);

    const t0 = performance.now();
    const preview = await previewCompanyImport(db, user, { buffer });
    const previewMs = performance.now() - t0;
    expect(preview).toMatchObject({ totalRows: 10_000, validCount: 9_900, errorCount: 100, duplicates: 1, missing: [] });
    expect(preview.mapping).toMatchObject({ siret: 0, name: 1, nafCode: 2, sector: 3, communeCode: 4, contactLastName: 5, contactEmail: 6 });

    let lastProgress = 0;
    const t1 = performance.now();
    const batch = await runCompanyImport(db, user, { buffer, fileName: "entreprises.xlsx", mapping: preview.mapping, duplicateMode: "UPDATE" }, (done) => (lastProgress = done));
    const runMs = performance.now() - t1;
    // The acceptance criterion: 10 000 rows import in under a minute (file read + validation + writes).
    expect(runMs).toBeLessThan(60_000);
    expect(lastProgress).toBe(9_900);
    expect(batch).toMatchObject({ status: "DONE", totalRows: 10_000, createdCount: 9_899, updatedCount: 1, skippedCount: 0, errorCount: 100 });
    expect(batch.errors.map((e) => e.line)).toEqual(badLines);
    expect(batch.errors[0]).toEqual({ line: 44, field: "siret", message: "Le SIRET compte exactement 14 chiffres." });
    expect(await db.company.count({ where: { platformId: lens.id } })).toBe(2 + 9_899);
    expect((await db.company.findUniqueOrThrow({ where: { id: before.id } })).name).toBe("Entreprise 5");
    expect(await db.companyContact.count()).toBe(rows.filter((r, i) => i % 3 && !badLines.includes(i + 2)).length);
    expect(await db.importMapping.count({ where: { platformId: lens.id } })).toBe(1);

    const t2 = performance.now();
    const undo = await undoImportBatch(db, user, batch.id);
    const undoMs = performance.now() - t2;
    console.info(`import 10 000 lignes : aperçu ${Math.round(previewMs)} ms, import ${Math.round(runMs)} ms, annulation ${Math.round(undoMs)} ms`);
    expect(undo.keptWithHistory).toEqual([]);
    expect(await db.company.count()).toBe(2);
    expect(await db.companyContact.count()).toBe(0);
    expect((await db.company.findUniqueOrThrow({ where: { id: before.id } })).name).toBe("Ancien nom");
    expect((await db.importBatch.findUniqueOrThrow({ where: { id: batch.id } })).status).toBe("UNDONE");
    await expect(undoImportBatch(db, user, batch.id)).rejects.toThrow("Seul un import terminé peut être annulé.");
  }, 180_000);

  it("ignore les SIRET déjà connus en mode « ignorer » et importe un CSV point-virgule en Windows-1252", async () => {
    const { user } = await setup();
    await createCompany(db, user, createCompanySchema.parse({ siret: siret(1), name: "Déjà là" }));
    const csv = `SIRET;Raison sociale;Filière\n${siret(1)};Doublon;BTP\n${siret(2)};Société Générale d'Électricité;Énergie\n`;
    const latin1 = Buffer.from(csv, "latin1");
    const preview = await previewCompanyImport(db, user, { buffer: latin1 });
    const batch = await runCompanyImport(db, user, { buffer: latin1, fileName: "export.csv", mapping: preview.mapping, duplicateMode: "SKIP" });
    expect(batch).toMatchObject({ createdCount: 1, updatedCount: 0, skippedCount: 1, errorCount: 0 });
    const created = await db.company.findFirstOrThrow({ where: { siret: siret(2) } });
    expect(created).toMatchObject({ name: "Société Générale d'Électricité", sector: "Énergie" });
    expect((await db.company.findFirstOrThrow({ where: { siret: siret(1) } })).name).toBe("Déjà là");
  });

  it("refuse un fichier qui n'est ni CSV ni XLSX, et n'écrit rien", async () => {
    const { user } = await setup();
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00]);
    await expect(previewCompanyImport(db, user, { buffer: png })).rejects.toBeInstanceOf(UnprocessableError);
    await expect(runCompanyImport(db, user, { buffer: png, fileName: "photo.png", mapping: { siret: 0, name: 1 }, duplicateMode: "SKIP" })).rejects.toThrow("Le fichier doit être un CSV (texte) ou un classeur Excel (.xlsx).");
    expect(await db.importBatch.count()).toBe(0);
  });

  it("ne touche à rien quand toutes les lignes sont fausses, et les rapporte", async () => {
    const { user } = await setup();
    const buffer = await xlsx(Array.from({ length: 300 }, (_, i) => ["pas un siret", `X${i}`]));
    const batch = await runCompanyImport(db, user, { buffer, fileName: "faux.xlsx", mapping: { siret: 0, name: 1 }, duplicateMode: "SKIP" });
    expect(batch).toMatchObject({ createdCount: 0, errorCount: 300 });
    expect(await db.company.count()).toBe(0);
  });
});

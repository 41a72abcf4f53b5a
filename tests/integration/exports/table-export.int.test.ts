import { existsSync } from "node:fs";
import path from "node:path";
import type { Readable } from "node:stream";
import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import type { CurrentUser } from "@/lib/auth/principal";
import { listCompanies } from "@/lib/companies/company.query";
import { companyListQuerySchema } from "@/lib/companies/company.schema";
import { env } from "@/lib/env";
import { EXPORT_LISTS } from "@/lib/exports/table-export.lists";
import { getMyExport, listMyExports, openMyExport, runTableExports, startTableExport } from "@/lib/exports/table-export.service";
import { createJobSeeker, createPlatform, createRuleSets, platformUser, validSiret } from "@/tests/factories";
import { db, resetDb } from "@/tests/support/db";

let manager: CurrentUser;
let colleague: CurrentUser;
let lensId: string;
const now = new Date("2026-11-23T10:00:00Z");

async function toBuffer(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of stream) chunks.push(Buffer.from(c as Uint8Array));
  return Buffer.concat(chunks);
}

async function sheetRows(buffer: Buffer): Promise<unknown[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buffer as unknown as ArrayBuffer);
  const ws = wb.worksheets[0]!;
  const width = ws.getRow(1).cellCount;
  const rows: unknown[][] = [];
  // Cell by cell over the header's width (an empty trailing cell is simply absent from the file).
  ws.eachRow((row) => rows.push(Array.from({ length: width }, (_, c) => row.getCell(c + 1).value ?? null)));
  return rows;
}

/** Every row of the companies list API for this view, page after page, in the export's columns. */
async function apiRows(user: CurrentUser, filters: Record<string, unknown>) {
  const out: unknown[][] = [];
  for (let page = 1; ; page++) {
    const r = await listCompanies(db, user, companyListQuerySchema.parse({ ...filters, page, pageSize: 200 }), now);
    out.push(...r.items.map((c) => [c.platform, c.siret, c.name, c.sector, c.city, c.numeroVert ? "oui" : "non", c.openOffers, c.lastContactAt?.slice(0, 10) ?? null]));
    if (page * 200 >= r.total) return out;
  }
}

async function setThreshold(rows: number) {
  const rs = await db.ruleSet.findFirstOrThrow({ where: { kind: "OPERATIONS" } });
  await db.ruleSet.update({ where: { id: rs.id }, data: { payload: { ...(rs.payload as object), tableExportBackgroundRows: rows } } });
}

beforeAll(async () => {
  await resetDb();
  await createRuleSets(db);
  const lens = await createPlatform(db, "Lens-Liévin");
  const amiens = await createPlatform(db, "Amiénois");
  lensId = lens.id;
  manager = await platformUser(db, "PLATFORM_MANAGER", lens.id);
  colleague = await platformUser(db, "PLATFORM_MANAGER", lens.id);
  const sectors = ["BTP", "Logistique", "Industrie"];
  await db.company.createMany({
    data: Array.from({ length: 450 }, (_, i) => {
      const siret = validSiret();
      return { platformId: lens.id, siret, siren: siret.slice(0, 9), name: `Entreprise ${String(i).padStart(3, "0")}`, sector: sectors[i % 3], city: i % 2 ? "Lens" : "Liévin", viaNumeroVert: i % 5 === 0 };
    }),
    skipDuplicates: true,
  });
  const z = validSiret();
  await db.company.create({ data: { platformId: amiens.id, siret: z, siren: z.slice(0, 9), name: "Entreprise d'Amiens", sector: "BTP" } });
});

describe("export de la vue courante d'une liste", () => {
  it("écrit un XLSX (par lots) égal aux lignes de l'API de la liste, filtres et tri appliqués, et l'audite", async () => {
    const filters = { sector: "BTP", sort: "-name" };
    const started = await startTableExport(db, manager, "companies", { ...filters, page: "3" }, "xlsx", {}, now);
    expect(started.mode).toBe("inline");
    if (started.mode !== "inline") return;
    const rows = await sheetRows(await toBuffer(started.stream));
    expect(rows[0]).toEqual(EXPORT_LISTS.companies.headers);
    const expected = await apiRows(manager, filters);
    expect(expected).toHaveLength(150);
    expect(rows.slice(1)).toEqual(expected);
    expect(rows[1]![2]).toBe("Entreprise 447");
    expect(await db.auditEvent.count({ where: { action: "tableExport.created", actorId: manager.id } })).toBe(1);
  });

  it("écrit un CSV des demandeurs d'emploi sans les personnes archivées", async () => {
    const active = await createJobSeeker(db, lensId);
    const archived = await createJobSeeker(db, lensId, { lifecycle: "ARCHIVED" });
    const started = await startTableExport(db, manager, "jobSeekers", { purpose: "MISE_EN_RELATION" }, "csv", {}, now);
    if (started.mode !== "inline") throw new Error("inline attendu");
    const lines = (await toBuffer(started.stream)).toString("utf8").replace(/^\uFEFF/, "").trim().split("\r\n");
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain(active.lastName!);
    expect(lines.join("\n")).not.toContain(archived.lastName!);
  });

  it("date le fichier du jour de Paris : le 30 novembre à 23 h 30 UTC, c'est déjà le 1er décembre", async () => {
    const started = await startTableExport(db, manager, "companies", { sector: "BTP" }, "csv", {}, new Date("2026-11-30T23:30:00Z"));
    if (started.mode !== "inline") throw new Error("inline attendu");
    expect(started.filename).toBe("entreprises-2026-12-01.csv");
    started.stream.destroy();
  });

  it("écrit le jour de Paris d'un instant : un dernier contact à 0 h 30 à Paris le 1er décembre est du 1er décembre", async () => {
    const z = validSiret();
    const company = await db.company.create({ data: { platformId: lensId, siret: z, siren: z.slice(0, 9), name: "Entreprise contactée à minuit", sector: "Textile", lastContactAt: new Date("2026-11-30T23:30:00Z") } });
    try {
      const started = await startTableExport(db, manager, "companies", { sector: "Textile" }, "csv", {}, now);
      if (started.mode !== "inline") throw new Error("inline attendu");
      const lines = (await toBuffer(started.stream)).toString("utf8").replace(/^\uFEFF/, "").trim().split("\r\n");
      expect(lines).toHaveLength(2);
      expect(lines[1]).toMatch(/;2026-12-01$/);
    } finally {
      // The other tests of this file count the 450 companies of beforeAll.
      await db.company.delete({ where: { id: company.id } });
    }
  });

  it("refuse une liste inconnue (404) et un rôle sans la liste (403)", async () => {
    await expect(startTableExport(db, manager, "audit", {}, "xlsx", {}, now)).rejects.toMatchObject({ status: 404 });
    const finance = await platformUser(db, "REGION_FINANCE", lensId);
    await expect(startTableExport(db, finance, "companies", {}, "xlsx", {}, now)).rejects.toMatchObject({ status: 403 });
    await expect(startTableExport(db, manager, "companies", { sort: "n'importe quoi" }, "xlsx", {}, now)).rejects.toMatchObject({ status: 400 });
  });
});

describe("export en arrière-plan au-delà du seuil", () => {
  it("est généré par le job avec sa progression, relu égal à l'API, téléchargeable par son seul auteur puis purgé", async () => {
    await setThreshold(100);
    const started = await startTableExport(db, manager, "companies", { sort: "city" }, "xlsx", {}, now);
    expect(started).toMatchObject({ mode: "background", total: 450 });
    if (started.mode !== "background") return;
    expect(await getMyExport(db, manager, started.id, now)).toMatchObject({ status: "PENDING", totalRows: 450, percent: 0, downloadUrl: null });
    await expect(getMyExport(db, colleague, started.id, now)).rejects.toMatchObject({ status: 404 });
    expect(await listMyExports(db, colleague, now)).toEqual([]);

    expect(await runTableExports(db, now)).toEqual({ generated: 1, failed: 0, purged: 0 });
    const done = await getMyExport(db, manager, started.id, now);
    expect(done).toMatchObject({ status: "DONE", processedRows: 450, percent: 100, downloadUrl: `/api/v1/table-exports/${started.id}/file` });

    await expect(openMyExport(db, colleague, started.id, {}, now)).rejects.toMatchObject({ status: 404 });
    const file = await openMyExport(db, manager, started.id, {}, now);
    expect(file.filename).toBe("entreprises-2026-11-23.xlsx");
    const rows = await sheetRows(await toBuffer(file.stream));
    expect(rows.slice(1)).toEqual(await apiRows(manager, { sort: "city" }));
    expect(await db.auditEvent.count({ where: { action: "tableExport.download", entityId: started.id } })).toBe(1);

    const key = (await db.tableExport.findUniqueOrThrow({ where: { id: started.id } })).storageKey!;
    expect(existsSync(path.resolve(env.STORAGE_DIR, key))).toBe(true);
    const later = new Date(now.getTime() + 8 * 86_400_000);
    expect(await runTableExports(db, later)).toEqual({ generated: 0, failed: 0, purged: 1 });
    expect(existsSync(path.resolve(env.STORAGE_DIR, key))).toBe(false);
    await setThreshold(5000);
  });
});

import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import { exportMonthlyBilan } from "@/lib/bilans/bilan-export";
import { getMonthlyReport } from "@/lib/bilans/bilan.query";
import { closeMonth } from "@/lib/bilans/bilan.service";
import { INDICATORS } from "@/lib/indicators/indicators";
import { loadPrincipal } from "@/lib/auth/principal";
import { createUser, platformUser } from "@/tests/factories";
import { buildMarchFixture, MARCH } from "@/tests/support/bilan-fixture";
import { db, resetDb } from "@/tests/support/db";
import type { CurrentUser } from "@/lib/auth/principal";

let fx: Awaited<ReturnType<typeof buildMarchFixture>>;
let manager: CurrentUser;
let referent: CurrentUser;

beforeAll(async () => {
  await resetDb();
  fx = await buildMarchFixture(db);
  manager = await platformUser(db, "PLATFORM_MANAGER", fx.lens.id);
  referent = (await loadPrincipal(db, (await createUser(db, { role: "REGION_REFERENT", allPlatforms: true })).id))!;
  await closeMonth(db, manager, { platformId: fx.lens.id, month: MARCH }, new Date("2026-11-23T10:00:00Z"));
});

async function readBack(buffer: Buffer) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buffer as unknown as ArrayBuffer);
  return wb;
}

describe("export du bilan mensuel", () => {
  it("écrit un XLSX relu cellule par cellule égal aux chiffres de l'API, avec les définitions", async () => {
    const api = await getMonthlyReport(db, manager, fx.lens.id, MARCH);
    const file = await exportMonthlyBilan(db, manager, { platformId: fx.lens.id, month: MARCH, format: "xlsx" });
    expect(file.filename).toBe("bilan-lens-lievin-2026-03.xlsx");
    const wb = await readBack(file.body);
    const ws = wb.getWorksheet("Bilan")!;
    expect(ws.getCell("D4").value).toBe("Lens-Liévin");
    expect(ws.getCell("D5").value).toBe("clôturé (version 1)");
    INDICATORS.forEach((d, i) => {
      expect(ws.getCell(6 + i, 2).value).toBe(d.label);
      expect(ws.getCell(6 + i, 4).value).toBe(api.figures[d.key]);
    });
    const defs = wb.getWorksheet("Définitions")!;
    expect(defs.rowCount).toBe(INDICATORS.length + 1);
    expect(defs.getCell(2, 3).value).toBe(INDICATORS[0]!.definition);
  });

  it("met côte à côte les plateformes et le total région pour le référent", async () => {
    const file = await exportMonthlyBilan(db, referent, { month: MARCH, format: "xlsx" });
    const ws = (await readBack(file.body)).getWorksheet("Bilan")!;
    expect([ws.getCell("D4").value, ws.getCell("E4").value, ws.getCell("F4").value]).toEqual(["Amiénois", "Lens-Liévin", "Total région"]);
    expect([ws.getCell("D5").value, ws.getCell("E5").value, ws.getCell("F5").value]).toEqual(["provisoire", "clôturé (version 1)", "provisoire"]);
    const row = 6 + INDICATORS.findIndex((d) => d.key === "offersCollected");
    expect([ws.getCell(row, 4).value, ws.getCell(row, 5).value, ws.getCell(row, 6).value]).toEqual([1, 3, 4]);
  });

  it("écrit un CSV (séparateur point-virgule) aux mêmes chiffres et trace chaque export", async () => {
    const before = await db.auditEvent.count({ where: { action: "bilan.export" } });
    const file = await exportMonthlyBilan(db, manager, { platformId: fx.lens.id, month: MARCH, format: "csv" });
    const lines = file.body.toString("utf8").replace(/^\uFEFF/, "").trim().split("\r\n").map((l) => l.split(";"));
    expect(lines[0]).toEqual(["indicateur", "libellé", "unité", "Lens-Liévin"]);
    expect(lines.find((l) => l[0] === "hires")![3]).toBe("3");
    expect(lines.find((l) => l[0] === "callbackMedianDelayDays")![3]).toBe("3");
    expect(await db.auditEvent.count({ where: { action: "bilan.export" } })).toBe(before + 1);
  });

  it("refuse l'export d'une autre plateforme (404)", async () => {
    await expect(exportMonthlyBilan(db, manager, { platformId: fx.amiens.id, month: MARCH, format: "xlsx" })).rejects.toMatchObject({ status: 404 });
  });
});

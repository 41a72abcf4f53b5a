// Issue 15 §4: list exports write calendar days as Excel dates, numbers as numbers (read back with exceljs).
import { PassThrough } from "node:stream";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { writeTable } from "@/lib/exports/table-export.writer";

async function* batches() {
  yield [["2026-03-15", "Cariste", 3, null], ["pas une date", "2026-13-45", 0, "2026-02-28"]];
}

describe("export XLSX des listes", () => {
  it("types calendar days as dates (dd/mm/yyyy) and keeps text and numbers as they are", async () => {
    const out = new PassThrough();
    const chunks: Buffer[] = [];
    out.on("data", (c: Buffer) => chunks.push(c));
    expect(await writeTable(out, "xlsx", "Offres", ["Date", "Intitulé", "Postes", "Fin"], batches())).toBe(2);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.concat(chunks) as unknown as ArrayBuffer);
    const ws = wb.getWorksheet("Offres")!;
    const first = ws.getRow(2);
    expect(first.getCell(1).type).toBe(ExcelJS.ValueType.Date);
    expect((first.getCell(1).value as Date).toISOString()).toBe("2026-03-15T00:00:00.000Z");
    expect(first.getCell(1).numFmt).toBe("dd/mm/yyyy");
    expect(first.getCell(2).type).toBe(ExcelJS.ValueType.String);
    expect(first.getCell(3).type).toBe(ExcelJS.ValueType.Number);
    const second = ws.getRow(3);
    expect(second.getCell(1).value).toBe("pas une date");
    expect(second.getCell(2).type).toBe(ExcelJS.ValueType.String); // not a real day: left as written
    expect(second.getCell(4).type).toBe(ExcelJS.ValueType.Date);
  });
});

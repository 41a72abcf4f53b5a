import "server-only";
// Writes rows to a stream as they come (CSV or streaming XLSX): an export never holds the whole
// list in memory, only one batch at a time.
import { once } from "node:events";
import type { Writable } from "node:stream";
import ExcelJS from "exceljs";
import { csvLine } from "@/lib/exports/csv";
import { calendarDay, XLSX_DATE_FORMAT } from "@/lib/exports/xlsx-cells";
import type { Cell } from "@/lib/exports/table-export.lists";
import type { ExportFormat } from "@/lib/exports/table-export.schema";

async function write(out: Writable, chunk: string): Promise<void> {
  if (!out.write(chunk)) await once(out, "drain");
}

/** Streams `headers` then every batch of `batches` to `out`, in `format`; ends `out`. */
export async function writeTable(out: Writable, format: ExportFormat, sheetName: string, headers: string[], batches: AsyncIterable<Cell[][]>): Promise<number> {
  let count = 0;
  if (format === "csv") {
    // BOM + semicolons: what French Excel opens correctly (same as the bilan CSV).
    await write(out, "\uFEFF" + csvLine(headers));
    for await (const rows of batches) {
      await write(out, rows.map((r) => csvLine(r)).join(""));
      count += rows.length;
    }
    out.end();
    await once(out, "finish");
    return count;
  }
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true });
  const ws = wb.addWorksheet(sheetName.slice(0, 31), { views: [{ state: "frozen", ySplit: 1 }] });
  ws.columns = headers.map((h) => ({ width: Math.max(12, Math.min(40, h.length + 4)) }));
  const head = ws.addRow(headers);
  head.font = { bold: true };
  head.commit();
  for await (const rows of batches) {
    for (const r of rows) {
      // Calendar days (« AAAA-MM-JJ ») are Excel dates, not text.
      const row = ws.addRow(r.map((v) => calendarDay(v) ?? v));
      r.forEach((v, i) => {
        if (calendarDay(v)) row.getCell(i + 1).numFmt = XLSX_DATE_FORMAT;
      });
      row.commit();
    }
    count += rows.length;
  }
  ws.commit();
  await wb.commit();
  return count;
}

// Imports are parsed off the request thread (issue 16 §6): a large workbook is read in a worker
// thread while /api/health keeps answering (within a second), and a file beyond the limits (rows,
// columns, cells, time) is refused with a French message instead of freezing the server.
import { monitorEventLoopDelay } from "node:perf_hooks";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { GET as health } from "@/app/api/health/route";
import { IMPORT_LIMITS, readTable, type ParseLimits } from "@/lib/imports/read-table";

async function workbook(rows: number, columns: number, extra?: (ws: ExcelJS.Worksheet) => void): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Import");
  ws.addRow(Array.from({ length: columns }, (_, c) => `colonne ${c + 1}`));
  for (let r = 0; r < rows; r++) ws.addRow(Array.from({ length: columns }, (_, c) => (c % 3 === 0 ? r * columns + c : `texte ${r}-${c}`)));
  extra?.(ws);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const limits = (over: Partial<ParseLimits>): ParseLimits => ({ ...IMPORT_LIMITS, ...over });

describe("lecture des imports dans un thread à part, avec des limites", () => {
  it("lit un classeur (texte, nombres, dates, texte enrichi, formule) et un CSV comme avant", { timeout: 60_000 }, async () => {
    const xlsx = await workbook(2, 3, (ws) => {
      ws.addRow([new Date("2026-03-04T00:00:00Z"), { richText: [{ text: "Du" }, { text: "pont" }] }, { formula: "1+1", result: 2 }]);
    });
    const t = await readTable(xlsx);
    expect(t.headers).toEqual(["colonne 1", "colonne 2", "colonne 3"]);
    expect(t.rows).toEqual([["0", "texte 0-1", "texte 0-2"], ["3", "texte 1-1", "texte 1-2"], ["2026-03-04", "Dupont", "2"]]);
    const csv = await readTable(Buffer.from("\uFEFFnom;prénom\nDupont;Zoé\n\n;\nMartin;Léa\n", "utf8"));
    expect(csv).toEqual({ headers: ["nom", "prénom"], rows: [["Dupont", "Zoé"], ["Martin", "Léa"]] });
  });

  // Not a speed figure (the benches measure speed): the main thread was blocked for 12 s by one workbook
  // before; one second leaves room for a loaded CI machine while still catching a blocked event loop.
  it("un grand classeur est lu pendant que /api/health répond en moins d'une seconde", { timeout: 180_000 }, async () => {
    const big = await workbook(20_000, 10);
    expect(big.length).toBeGreaterThan(1_000_000);
    // Warm: the first call opens the connection pool (not what is measured here).
    expect((await health()).status).toBe(200);
    // The event loop's longest stall during the parse: the server's own measure of « frozen ».
    const stalls = monitorEventLoopDelay({ resolution: 10 });
    stalls.enable();
    let done = false;
    const parse = readTable(big).finally(() => { done = true; });
    const timings: number[] = [];
    while (!done) {
      const t0 = performance.now();
      const res = await health();
      timings.push(performance.now() - t0);
      expect(res.status).toBe(200);
      await new Promise((r) => setTimeout(r, 20));
    }
    const table = await parse;
    stalls.disable();
    expect(table.rows).toHaveLength(20_000);
    // The parse took a while (several health checks ran during it), and none of them waited for it.
    expect(timings.length).toBeGreaterThan(3);
    expect(Math.max(...timings)).toBeLessThan(1000);
    expect(stalls.max / 1e6).toBeLessThan(1000);
  });

  it("refuse au-delà des limites de lignes, de colonnes, de cellules et de temps, avec un message en français", { timeout: 180_000 }, async () => {
    const xlsx = await workbook(300, 20);
    await expect(readTable(xlsx, limits({ rows: 299 }))).rejects.toMatchObject({ status: 422, message: "Le fichier contient plus de 299 lignes : 299 au plus par import. Découpez-le en plusieurs fichiers." });
    await expect(readTable(xlsx, limits({ columns: 19 }))).rejects.toMatchObject({ status: 422, message: "Une ligne du fichier a plus de 19 colonnes : 19 au plus." });
    await expect(readTable(xlsx, limits({ cells: 5_000 }))).rejects.toMatchObject({ status: 422, message: expect.stringMatching(/^Le fichier contient plus de 5\s000 cellules : 5\s000 au plus par import\./) as unknown as string });
    await expect(readTable(xlsx, limits({ ms: 1 }))).rejects.toMatchObject({ status: 422, message: "La lecture du fichier a dépassé 0 secondes : fichier trop lourd. Enregistrez-le en CSV ou découpez-le." });
    const csv = Buffer.from(["a;b", ...Array.from({ length: 100 }, (_, i) => `${i};x`)].join("\n"));
    await expect(readTable(csv, limits({ rows: 99 }))).rejects.toMatchObject({ status: 422, message: expect.stringContaining("plus de 99 lignes") as unknown as string });
    await expect(readTable(Buffer.alloc(10, 0x61), limits({ bytes: 5 }))).rejects.toMatchObject({ status: 413, message: "Le fichier dépasse 0 Mo." });
    // Within the limits, the same file goes through.
    expect((await readTable(xlsx, limits({ rows: 300, columns: 20, cells: 6_020 }))).rows).toHaveLength(300);
  });

  it("un classeur endommagé ou un fichier binaire est refusé proprement", { timeout: 60_000 }, async () => {
    const xlsx = await workbook(10, 3);
    await expect(readTable(xlsx.subarray(0, Math.floor(xlsx.length / 2)))).rejects.toMatchObject({ status: 422, message: "Ce classeur Excel est illisible ou endommagé." });
    await expect(readTable(Buffer.from([1, 0, 2, 3]))).rejects.toMatchObject({ status: 422, message: "Le fichier doit être un CSV (texte) ou un classeur Excel (.xlsx)." });
  });
});

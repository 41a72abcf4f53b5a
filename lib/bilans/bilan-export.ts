import { csvDocument } from "@/lib/exports/csv";
import "server-only";
// Monthly bilan as XLSX (formatted, with a definitions sheet) or CSV: the same figures as the screen
// and the API (both come from getMonthlyReport / monthlyFigures). Every export is audited.
import ExcelJS from "exceljs";
import type { Db } from "@/lib/db";
import type { Principal } from "@/lib/authz/policy";
import { recordAudit } from "@/lib/audit/audit.service";
import { bilanPlatform, bilanPlatforms, monthlyFigures, regionSeries, type MonthFigures } from "@/lib/bilans/bilan.query";
import { INDICATORS, INDICATORS_VERSION } from "@/lib/indicators/indicators";
import { monthLabel, type MonthKey } from "@/lib/indicators/period.rules";

export type ExportFormat = "xlsx" | "csv";

interface Column {
  title: string;
  cell: MonthFigures;
}

export interface BilanExport {
  filename: string;
  contentType: string;
  body: Buffer;
}

const statusOf = (c: MonthFigures) => (c.closed ? (c.snapshotVersion ? `clôturé (version ${c.snapshotVersion})` : "clôturé") : "provisoire");

async function columnsFor(db: Db, user: Principal, platformId: string | undefined, month: MonthKey): Promise<{ scope: string; columns: Column[] }> {
  if (platformId) {
    const p = await bilanPlatform(db, user, platformId);
    const cell = (await monthlyFigures(db, [p.id], month, month)).get(p.id)![0]!;
    return { scope: p.name, columns: [{ title: p.name, cell }] };
  }
  const platforms = await bilanPlatforms(db, user);
  const byPlatform = await monthlyFigures(db, platforms.map((p) => p.id), month, month);
  const columns = platforms.map((p) => ({ title: p.name, cell: byPlatform.get(p.id)![0]! }));
  columns.push({ title: "Total région", cell: regionSeries(byPlatform, [month])[0]! });
  return { scope: "Région Hauts-de-France", columns };
}

export function bilanCsv(columns: Column[]): string {
  const head = ["indicateur", "libellé", "unité", ...columns.map((c) => c.title)];
  const status = ["statut", "", "", ...columns.map((c) => statusOf(c.cell))];
  const rows = INDICATORS.map((d) => [d.key, d.label, d.unit, ...columns.map((c) => c.cell.figures[d.key] ?? null)]);
  // BOM + semicolons: what French Excel opens correctly.
  return csvDocument([head, status, ...rows]);
}

export async function bilanWorkbook(scope: string, month: MonthKey, columns: Column[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "SI Proch'Emploi";
  const ws = wb.addWorksheet("Bilan", { views: [{ state: "frozen", ySplit: 4, xSplit: 2 }] });
  ws.getCell("A1").value = `Bilan mensuel — ${scope} — ${monthLabel(month)}`;
  ws.getCell("A1").font = { bold: true, size: 14 };
  ws.getCell("A2").value = `Définitions des indicateurs : version ${INDICATORS_VERSION}. Un mois « provisoire » n'est pas encore clôturé et peut changer.`;
  const header = ws.getRow(4);
  header.values = ["Famille", "Indicateur", "Unité", ...columns.map((c) => c.title)];
  header.font = { bold: true };
  header.eachCell((cell) => (cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFE6EEF7" } }));
  const status = ws.getRow(5);
  status.values = ["", "Statut", "", ...columns.map((c) => statusOf(c.cell))];
  status.font = { italic: true };
  INDICATORS.forEach((d, i) => {
    const row = ws.getRow(6 + i);
    row.values = [d.family, d.label, d.unit, ...columns.map((c) => c.cell.figures[d.key] ?? null)];
    for (let k = 0; k < columns.length; k++) row.getCell(4 + k).numFmt = d.aggregation === "median" || d.key === "governanceMeetingsRequired" ? "0.0#" : "0";
  });
  ws.columns.forEach((col, i) => (col.width = i === 1 ? 46 : i === 0 ? 22 : 16));

  const defs = wb.addWorksheet("Définitions");
  defs.addRow(["Clé", "Indicateur", "Définition", "Unité", "Cumul sur une période"]).font = { bold: true };
  const agg = { sum: "somme des mois", stock: "valeur du dernier mois", median: "médiane des mois" };
  for (const d of INDICATORS) defs.addRow([d.key, d.label, d.definition, d.unit, agg[d.aggregation]]);
  defs.columns = [{ width: 28 }, { width: 40 }, { width: 90 }, { width: 14 }, { width: 22 }];
  defs.getColumn(3).alignment = { wrapText: true, vertical: "top" };
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export async function exportMonthlyBilan(
  db: Db, user: Principal, input: { platformId?: string; month: MonthKey; format: ExportFormat }, requestId?: string,
): Promise<BilanExport> {
  const { scope, columns } = await columnsFor(db, user, input.platformId, input.month);
  const base = `bilan-${input.platformId ? scope.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase().replace(/[^a-z0-9]+/g, "-") : "region"}-${input.month}`;
  const body = input.format === "xlsx" ? await bilanWorkbook(scope, input.month, columns) : Buffer.from(bilanCsv(columns), "utf8");
  await recordAudit(db, {
    action: "bilan.export", actorId: user.id, actorRole: user.role, entityType: "MonthlyBilan",
    platformId: input.platformId ?? null, metadata: { month: input.month, format: input.format, columns: columns.map((c) => c.title) }, requestId,
  });
  return {
    filename: `${base}.${input.format}`,
    contentType: input.format === "xlsx" ? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" : "text/csv; charset=utf-8",
    body,
  };
}

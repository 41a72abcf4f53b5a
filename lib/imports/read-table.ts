import "server-only";
// Reads an uploaded CSV or XLSX file into a header line and rows of text cells. The type is decided
// by the content (magic bytes), not by the file name.
import ExcelJS from "exceljs";
import Papa from "papaparse";
import { UnprocessableError } from "@/lib/errors";

export const MAX_IMPORT_BYTES = 20 * 1024 * 1024;
export const MAX_IMPORT_ROWS = 50_000;

export interface Table {
  headers: string[];
  rows: string[][];
}

const isZip = (b: Buffer) => b.length > 4 && b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04;

function cellText(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return "";
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === "number") return Number.isInteger(v) ? v.toFixed(0) : String(v);
  if (typeof v === "object") {
    if ("richText" in v) return v.richText.map((r) => r.text).join("");
    if ("result" in v) return cellText((v.result ?? "") as ExcelJS.CellValue);
    if ("text" in v) return String(v.text);
    return "";
  }
  return String(v);
}

async function readXlsx(buffer: Buffer): Promise<string[][]> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(buffer as unknown as ArrayBuffer);
  } catch {
    throw new UnprocessableError("Ce classeur Excel est illisible ou endommagé.", { file: ["Classeur .xlsx illisible."] });
  }
  const sheet = wb.worksheets[0];
  if (!sheet) throw new UnprocessableError("Le classeur ne contient aucune feuille.", { file: ["Classeur vide."] });
  const out: string[][] = [];
  sheet.eachRow({ includeEmpty: false }, (row) => {
    const values = row.values as ExcelJS.CellValue[];
    out.push(values.slice(1).map(cellText));
  });
  return out;
}

function readCsv(buffer: Buffer): string[][] {
  if (buffer.includes(0)) throw new UnprocessableError("Le fichier doit être un CSV (texte) ou un classeur Excel (.xlsx).", { file: ["Type de fichier non reconnu."] });
  let text = buffer.toString("utf8");
  // Excel's "CSV (séparateur : point-virgule)" is often Windows-1252: fall back when UTF-8 fails.
  if (text.includes("\uFFFD")) text = new TextDecoder("windows-1252").decode(buffer);
  const parsed = Papa.parse<string[]>(text.replace(/^\uFEFF/, ""), { skipEmptyLines: "greedy", delimitersToGuess: [";", ",", "\t", "|"] });
  return parsed.data;
}

export async function readTable(buffer: Buffer): Promise<Table> {
  if (buffer.length === 0) throw new UnprocessableError("Le fichier est vide.", { file: ["Fichier vide."] });
  if (buffer.length > MAX_IMPORT_BYTES) throw new UnprocessableError(`Le fichier dépasse ${MAX_IMPORT_BYTES / 1024 / 1024} Mo.`, { file: ["Fichier trop volumineux."] });
  const all = isZip(buffer) ? await readXlsx(buffer) : readCsv(buffer);
  const [headers, ...rows] = all;
  if (!headers || headers.every((h) => !h.trim())) throw new UnprocessableError("La première ligne doit contenir les en-têtes de colonnes.", { file: ["En-têtes manquants."] });
  if (rows.length > MAX_IMPORT_ROWS) throw new UnprocessableError(`Le fichier contient ${rows.length} lignes : ${MAX_IMPORT_ROWS} au plus par import.`, { file: ["Trop de lignes."] });
  return { headers: headers.map((h) => h.trim()), rows };
}

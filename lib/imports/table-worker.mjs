// Parses an uploaded CSV or XLSX in a worker thread (issue 16 §6), so that a large or hostile file
// never blocks the server's event loop. Plain JavaScript, loaded by path (lib/imports/read-table.ts):
// the Next.js bundle does not need to know about it. XLSX is read with ExcelJS's streaming reader,
// row by row, and abandoned at the first row past a limit (rows, columns, cells); the caller adds a
// time limit and a heap limit (resourceLimits) and terminates the thread when either is reached.
// Answers one message: { ok: true, rows } or { ok: false, code, detail }.
import { Readable } from "node:stream";
import { parentPort, workerData } from "node:worker_threads";
import ExcelJS from "exceljs";
import Papa from "papaparse";

const { bytes, limits } = workerData;
const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);

class Limit extends Error {
  constructor(code, detail) {
    super(code);
    this.code = code;
    this.detail = detail;
  }
}

function cellText(v) {
  if (v === null || v === undefined) return "";
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === "number") return Number.isInteger(v) ? v.toFixed(0) : String(v);
  if (typeof v === "object") {
    if ("richText" in v) return v.richText.map((r) => r.text).join("");
    if ("result" in v) return cellText(v.result ?? "");
    if ("text" in v) return String(v.text);
    if ("error" in v) return "";
    return "";
  }
  return String(v);
}

/** Counts a row against the limits; throws Limit at the first one exceeded. */
function counter() {
  let rows = 0;
  let cells = 0;
  return (row) => {
    rows += 1;
    cells += row.length;
    // The header line does not count as a data row.
    if (rows - 1 > limits.rows) throw new Limit("rows", limits.rows);
    if (row.length > limits.columns) throw new Limit("columns", limits.columns);
    if (cells > limits.cells) throw new Limit("cells", limits.cells);
  };
}

async function readXlsx() {
  const out = [];
  const count = counter();
  let reader;
  try {
    reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from(buffer), {
      sharedStrings: "cache", hyperlinks: "ignore", styles: "cache", worksheets: "emit", entries: "emit",
    });
  } catch {
    throw new Limit("unreadable");
  }
  let sheets = 0;
  try {
    for await (const sheet of reader) {
      sheets += 1;
      for await (const row of sheet) {
        const values = Array.isArray(row.values) ? row.values.slice(1) : [];
        // Columns are as wide as the row's last cell: a lone cell far to the right is still counted.
        const cells = Array.from({ length: values.length }, (_, i) => cellText(values[i]));
        count(cells);
        out.push(cells);
      }
      break;
    }
  } catch (err) {
    if (err instanceof Limit) throw err;
    throw new Limit("unreadable");
  }
  if (sheets === 0) throw new Limit("noSheet");
  return out;
}

function readCsv() {
  if (buffer.includes(0)) throw new Limit("notText");
  let text = buffer.toString("utf8");
  // Excel's "CSV (séparateur : point-virgule)" is often Windows-1252: fall back when UTF-8 fails.
  if (text.includes("\uFFFD")) text = new TextDecoder("windows-1252").decode(buffer);
  const out = [];
  const count = counter();
  let stopped = null;
  Papa.parse(text.replace(/^\uFEFF/, ""), {
    skipEmptyLines: "greedy",
    delimitersToGuess: [";", ",", "\t", "|"],
    step: (result, parser) => {
      try {
        count(result.data);
        out.push(result.data);
      } catch (err) {
        stopped = err;
        parser.abort();
      }
    },
  });
  if (stopped) throw stopped;
  return out;
}

const isZip = buffer.length > 4 && buffer[0] === 0x50 && buffer[1] === 0x4b && buffer[2] === 0x03 && buffer[3] === 0x04;
try {
  const rows = isZip ? await readXlsx() : readCsv();
  parentPort.postMessage({ ok: true, rows });
} catch (err) {
  parentPort.postMessage(err instanceof Limit ? { ok: false, code: err.code, detail: err.detail } : { ok: false, code: "unreadable" });
}

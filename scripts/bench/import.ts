// Benchmark (not a test): a 10 000-row company XLSX with 1 % bad rows, previewed, imported and
// undone through the real services on a fresh database (issue 3: "10 000 rows import in under a
// minute"). The behaviour (good rows in, bad rows reported, undo) is asserted by
// tests/integration/company-import.int.test.ts; this only measures.
//   npm run bench:import            (BENCH_DATABASE_URL / DATABASE_URL server, else embedded PostgreSQL)
import { mkdirSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import ExcelJS from "exceljs";
import { loadPrincipal } from "@/lib/auth/principal";
import { loadCommuneReference } from "@/lib/communes/commune-reference";
import { createPrismaClient } from "@/lib/db-client";
import { env } from "@/lib/env";
import { previewCompanyImport, runCompanyImport, undoImportBatch } from "@/lib/imports/company-import.service";
import { withLuhnKey } from "@/lib/rules/siret.rules";
import { seedDemo } from "@/prisma/seed/demo";
import { resolveDatabaseUrl, urlFor } from "@/scripts/lib/database";
import { applyMigrations } from "@/scripts/lib/migrations";
import { print } from "@/scripts/lib/print";
import { recreateDatabase } from "@/scripts/lib/test-db";

const ROWS = 10_000;
const TARGET_MS = 60_000;

async function workbook(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Entreprises");
  ws.addRow(["SIRET", "Raison sociale", "Code NAF", "Filière", "Code INSEE", "Nom contact", "E-mail"]);
  for (let i = 0; i < ROWS; i++) {
    const bad = i % 100 === 42;
    const siret = bad ? "12345" : withLuhnKey(`8${String(i).padStart(12, "0")}`);
    ws.addRow([siret, `Entreprise ${i}`, "47.11D", "Commerce", i % 2 ? "62498" : "62510", i % 3 ? `Contact${i}` : "", i % 3 ? `contact${i}@exemple.fr` : ""]);
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

async function main() {
  const server = env.BENCH_DATABASE_URL ? undefined : await resolveDatabaseUrl({ quiet: true });
  const url = urlFor(env.BENCH_DATABASE_URL ?? server!.url, "proch_emploi_bench_import");
  await recreateDatabase(url);
  await applyMigrations(url);
  const db = createPrismaClient(url, 5);
  try {
    await loadCommuneReference(db);
    await seedDemo(db, { password: "Bench-Import-2026-x" });
    const assistant = await db.user.findFirstOrThrow({ where: { role: "PLATFORM_ASSISTANT" }, select: { id: true } });
    const user = (await loadPrincipal(db, assistant.id))!;
    const buffer = await workbook();

    let t = performance.now();
    const preview = await previewCompanyImport(db, user, { buffer });
    const previewMs = performance.now() - t;
    t = performance.now();
    const batch = await runCompanyImport(db, user, { buffer, fileName: "bench.xlsx", mapping: preview.mapping, duplicateMode: "UPDATE" }, () => undefined);
    const importMs = performance.now() - t;
    t = performance.now();
    await undoImportBatch(db, user, batch.id);
    const undoMs = performance.now() - t;

    const result = {
      at: new Date().toISOString(),
      machine: { cores: os.cpus().length, memoryGiB: Math.round(os.totalmem() / 2 ** 30), loadAverage: os.loadavg().map((l) => Number(l.toFixed(2))) },
      rows: ROWS,
      imported: batch.createdCount + batch.updatedCount,
      rowErrors: batch.errorCount,
      previewMs: Math.round(previewMs),
      importMs: Math.round(importMs),
      undoMs: Math.round(undoMs),
      targetMs: TARGET_MS,
    };
    print(`Import de ${ROWS} lignes XLSX (1 % en erreur) : aperçu ${result.previewMs} ms, import ${result.importMs} ms (cible < ${TARGET_MS} ms : ${importMs < TARGET_MS ? "atteinte" : "NON atteinte"}), annulation ${result.undoMs} ms — ${result.imported} lignes importées, ${result.rowErrors} rejetées ; charge ${result.machine.loadAverage.join(" / ")}`);
    const dir = path.resolve("bench/results");
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, `import-${result.at.replace(/[:.]/g, "-")}.json`), JSON.stringify(result, null, 2));
  } finally {
    await db.$disconnect();
    await server?.stop();
  }
  process.exit(0);
}

void main();

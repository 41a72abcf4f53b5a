// Benchmark (not a test): a generated 200 000-line « StockEtablissement » file in INSEE's format loaded into a
// fresh database, then the next month's file re-imported in place. Prints time, lines/s and peak memory.
// Target (issue 19): ≥ 20 000 lines/s, peak memory < 300 MB. Behaviour is asserted by
// tests/integration/sirene-import.int.test.ts; this only measures.
//   npm run bench:sirene [-- --lines 200000]   (BENCH_DATABASE_URL / DATABASE_URL server, else embedded PostgreSQL)
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { loadCommuneReference } from "@/lib/communes/commune-reference";
import { createPrismaClient } from "@/lib/db-client";
import { env } from "@/lib/env";
import type { SireneImportReport } from "@/lib/sirene/sirene-import.service";
import { seedDemo } from "@/prisma/seed/demo";
import { resolveDatabaseUrl, urlFor } from "@/scripts/lib/database";
import { applyMigrations } from "@/scripts/lib/migrations";
import { print } from "@/scripts/lib/print";
import { writeStockEtablissement, type GeneratorCommune } from "@/scripts/lib/sirene-generator";
import { recreateDatabase } from "@/scripts/lib/test-db";

const at = process.argv.indexOf("--lines");
const LINES = at >= 0 ? Number(process.argv[at + 1]) : 200_000;

async function main() {
  const server = env.BENCH_DATABASE_URL ? undefined : await resolveDatabaseUrl({ quiet: true });
  const url = urlFor(env.BENCH_DATABASE_URL ?? server!.url, "proch_emploi_bench_sirene");
  await recreateDatabase(url);
  await applyMigrations(url);
  const db = createPrismaClient(url, 5);
  const dir = mkdtempSync(path.join(os.tmpdir(), "sirene-bench-"));
  try {
    await loadCommuneReference(db);
    await seedDemo(db, { password: "Bench-Sirene-2026-x" });
    const perimeter = new Set((await db.platform.findMany({ select: { perimeterInseeCodes: true } })).flatMap((p) => p.perimeterInseeCodes));
    const communes = await db.commune.findMany({ where: { departmentCode: { in: ["59", "62", "80", "02", "60"] } }, select: { inseeCode: true, name: true, postalCodes: true } });
    const toGen = (c: (typeof communes)[number]): GeneratorCommune => ({ inseeCode: c.inseeCode, name: c.name, postalCode: c.postalCodes[0] ?? "00000" });
    const opts = { lines: LINES, inside: communes.filter((c) => perimeter.has(c.inseeCode)).map(toGen), outside: communes.filter((c) => !perimeter.has(c.inseeCode)).map(toGen) };
    const month1 = path.join(dir, "StockEtablissement_1.csv");
    const month2 = path.join(dir, "StockEtablissement_2.csv");
    await writeStockEtablissement(month1, { ...opts, month: 1 });
    await writeStockEtablissement(month2, { ...opts, month: 2 });

    const runs: Record<string, unknown>[] = [];
    for (const [label, file] of [["premier import", month1], ["mois suivant (mise à jour en place)", month2]] as const) {
      const load0 = os.loadavg()[0]!;
      // In a child process: its peak memory is the loader's alone, not this script's seeding.
      const out = execFileSync(process.execPath, ["--import", "tsx", "scripts/bench/sirene-run.ts", url, file], { encoding: "utf8", maxBuffer: 1 << 20 });
      const { ms, peakMb, report: r } = JSON.parse(out.trim().split("\n").pop()!) as { ms: number; peakMb: number; report: SireneImportReport };
      const linesPerSecond = Math.round(r.lines / (ms / 1000));
      runs.push({ label, ms, linesPerSecond, readMs: r.readMs, swapMs: r.swapMs, swapSteps: r.swapSteps, peakMb, kept: r.kept, added: r.added, updated: r.updated, closed: r.closed, removed: r.removed, loadAverageStart: load0, loadAverageEnd: os.loadavg()[0] });
      print(`${label} : ${r.lines.toLocaleString("fr-FR")} lignes en ${(ms / 1000).toFixed(1)} s = ${linesPerSecond.toLocaleString("fr-FR")} lignes/s (cible ≥ 20 000 : ${linesPerSecond >= 20_000 ? "atteinte" : "NON atteinte"}), lecture ${(r.readMs / 1000).toFixed(1)} s + bascule ${(r.swapMs / 1000).toFixed(1)} s (${Object.entries(r.swapSteps).map(([k, v]) => `${k} ${(v / 1000).toFixed(1)} s`).join(", ")}), mémoire maximale ${peakMb} Mo (cible < 300 Mo : ${peakMb < 300 ? "atteinte" : "NON atteinte"}) — ${r.kept} retenues, ${r.added} ajoutées, ${r.updated} mises à jour, ${r.closed} fermées, ${r.removed} retirées ; charge ${load0.toFixed(2)} → ${os.loadavg()[0]!.toFixed(2)}`);
    }
    const result = { at: new Date().toISOString(), machine: { cores: os.cpus().length, loadAverage: os.loadavg().map((l) => Number(l.toFixed(2))) }, lines: LINES, runs };
    const out = path.resolve("bench/results");
    mkdirSync(out, { recursive: true });
    writeFileSync(path.join(out, `sirene-${result.at.replace(/[:.]/g, "-")}.json`), JSON.stringify(result, null, 2));
  } finally {
    rmSync(dir, { recursive: true, force: true });
    await db.$disconnect();
    await server?.stop();
  }
  process.exit(0);
}

void main();

// `npm test`: typecheck, lint, db:check, unit, integration (real PostgreSQL) and e2e (production
// build + real Chromium), then a summary ending with the line "N passed, N failed".
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync } from "node:fs";
import net from "node:net";
import path from "node:path";
import { processEnv } from "@/lib/env";
import { loadCommuneReference } from "@/lib/communes/commune-reference";
import { loadJobReferences } from "@/lib/reference/reference-data";
import { createPrismaClient } from "@/lib/db-client";
import { seedDemo } from "@/prisma/seed/demo";
import { applyMigrations } from "@/scripts/lib/migrations";
import { appServerArgs, buildIsStale } from "@/scripts/lib/next-build";
import { print } from "@/scripts/lib/print";
import { bin, NODE, run } from "@/scripts/lib/run";
import { loadLocalSecrets } from "@/scripts/lib/secrets";
import { recreateDatabase, testDatabases } from "@/scripts/lib/test-db";

interface Step {
  name: string;
  ok: boolean;
  passed: number;
  failed: number;
  seconds: number;
}

const RESULTS = path.resolve(".data/test-results");
const steps: Step[] = [];
const baseEnv = { ...processEnv(), NEXT_TELEMETRY_DISABLED: "1" };

async function step(name: string, fn: () => Promise<{ ok: boolean; passed?: number; failed?: number }>): Promise<boolean> {
  print(`\n━━ ${name} ━━`);
  const t0 = Date.now();
  let r: { ok: boolean; passed?: number; failed?: number };
  try {
    r = await fn();
  } catch (err) {
    print(String(err instanceof Error ? (err.stack ?? err.message) : err));
    r = { ok: false };
  }
  const passed = r.passed ?? (r.ok ? 1 : 0);
  const failed = r.failed ?? (r.ok ? 0 : 1);
  steps.push({ name, ok: r.ok, passed, failed, seconds: (Date.now() - t0) / 1000 });
  return r.ok;
}

function vitestCounts(file: string): { passed: number; failed: number } {
  if (!existsSync(file)) return { passed: 0, failed: 1 };
  const j = JSON.parse(readFileSync(file, "utf8")) as { numPassedTests: number; numFailedTests: number; numTotalTests: number };
  // Tests neither passed nor failed (e.g. a file that failed to load) count as failures.
  return { passed: j.numPassedTests, failed: j.numFailedTests + Math.max(0, j.numTotalTests - j.numPassedTests - j.numFailedTests) };
}

function playwrightCounts(file: string): { passed: number; failed: number } {
  if (!existsSync(file)) return { passed: 0, failed: 1 };
  const j = JSON.parse(readFileSync(file, "utf8")) as { stats: { expected: number; unexpected: number; flaky: number; skipped: number } };
  return { passed: j.stats.expected + j.stats.flaky, failed: j.stats.unexpected + j.stats.skipped };
}

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const srv = net.createServer();
    srv.listen(0, "127.0.0.1", () => {
      const a = srv.address();
      srv.close(() => resolve(typeof a === "object" && a ? a.port : 3100));
    });
  });
}

async function waitForHealth(url: string, timeoutMs: number): Promise<boolean> {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    try {
      const r = await fetch(`${url}/api/health`);
      if (r.ok) return true;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  return false;
}

// Development aid (not used by CI): `npm test -- --only e2e [playwright args…]` or `--only unit|integration [vitest filters…]`
// runs one stage; with TEST_DATABASE_URL set, several checkouts can run at once on one server.
const argv = process.argv.slice(2);
const onlyAt = argv.indexOf("--only");
const only = onlyAt >= 0 ? argv[onlyAt + 1] : undefined;
const extra = onlyAt >= 0 ? argv.slice(onlyAt + 2) : [];
const wants = (stage: "static" | "unit" | "integration" | "e2e") => only === undefined || only === stage;

async function main() {
  mkdirSync(RESULTS, { recursive: true });
  if (wants("static")) await step("typecheck (tsc)", async () => ({ ok: (await run(NODE, [bin("tsc"), "--noEmit", "-p", "."], { env: baseEnv })) === 0 }));
  if (wants("static")) await step("lint (eslint)", async () => ({ ok: (await run(NODE, [bin("eslint"), "--max-warnings=0", "."], { env: baseEnv })) === 0 }));

  const dbs = await testDatabases();
  try {
    if (wants("static") || wants("integration")) await step("db:check (migrations ↔ schema.prisma ↔ base)", async () => {
      await recreateDatabase(dbs.integrationUrl);
      await applyMigrations(dbs.integrationUrl);
      const refDb = createPrismaClient(dbs.integrationUrl, 2);
      await loadCommuneReference(refDb);
      await loadJobReferences(refDb);
      await refDb.$disconnect();
      return { ok: (await run(NODE, [bin("tsx"), "scripts/migrate.ts", "check"], { env: { ...baseEnv, DATABASE_URL: dbs.integrationUrl } })) === 0 };
    });

    if (wants("unit")) await step("tests unitaires (vitest)", async () => {
      const out = path.join(RESULTS, "unit.json");
      const code = await run(NODE, [bin("vitest"), "run", "--project", "unit", "--reporter=default", "--reporter=json", `--outputFile.json=${out}`, ...extra], { env: { ...baseEnv, NODE_ENV: "test" } });
      return { ok: code === 0, ...vitestCounts(out) };
    });

    if (wants("integration")) await step("tests d'intégration (vitest + PostgreSQL)", async () => {
      const out = path.join(RESULTS, "integration.json");
      const code = await run(NODE, [bin("vitest"), "run", "--project", "integration", "--reporter=default", "--reporter=json", `--outputFile.json=${out}`, ...extra], {
        env: { ...baseEnv, NODE_ENV: "test", DATABASE_URL: dbs.integrationUrl, NEXTAUTH_SECRET: "test-secret-test-secret-test-secret-0123" },
      });
      return { ok: code === 0, ...vitestCounts(out) };
    });

    if (wants("e2e")) await step("tests de bout en bout (Playwright + Chromium)", async () => {
      if (buildIsStale()) {
        print("next build…");
        const b = spawnSync(NODE, ["node_modules/next/dist/bin/next", "build"], { stdio: "inherit", env: { ...baseEnv, NODE_ENV: "production" } });
        if (b.status !== 0) return { ok: false };
      }
      await recreateDatabase(dbs.e2eUrl);
      await applyMigrations(dbs.e2eUrl);
      const seedDb = createPrismaClient(dbs.e2eUrl, 2);
      await loadCommuneReference(seedDb);
      await loadJobReferences(seedDb);
      await seedDemo(seedDb, { password: "Demo-ProchEmploi-2026" });
      await seedDb.$disconnect();

      const port = await freePort();
      const baseURL = `http://localhost:${port}`;
      // The production start path (server/main.ts), as `npm start` runs it.
      const server = spawn(NODE, appServerArgs({ port }), {
        stdio: ["ignore", "ignore", "inherit"],
        env: { ...baseEnv, NODE_ENV: "production", DATABASE_URL: dbs.e2eUrl, NEXTAUTH_URL: baseURL, NEXTAUTH_SECRET: loadLocalSecrets().nextauthSecret, LOG_LEVEL: "warn" },
      });
      try {
        if (!(await waitForHealth(baseURL, 60_000))) {
          print("Le serveur de test n'a pas démarré.");
          return { ok: false };
        }
        const out = path.join(RESULTS, "e2e.json");
        const code = await run(NODE, [bin("playwright"), "test", ...extra], { env: { ...baseEnv, E2E_BASE_URL: baseURL, E2E_DATABASE_URL: dbs.e2eUrl, PLAYWRIGHT_JSON_OUTPUT_NAME: out } });
        return { ok: code === 0, ...playwrightCounts(out) };
      } finally {
        server.kill("SIGTERM");
        await new Promise((r) => server.once("exit", r));
      }
    });
  } finally {
    await dbs.server.stop();
  }

  const passed = steps.reduce((n, s) => n + s.passed, 0);
  const failed = steps.reduce((n, s) => n + s.failed, 0);
  print("\n━━ Résumé ━━");
  for (const s of steps) print(`${s.ok ? "✔" : "✖"} ${s.name.padEnd(48)} ${String(s.passed).padStart(4)} réussis, ${String(s.failed).padStart(3)} en échec  (${s.seconds.toFixed(1)} s)`);
  print(`${passed} passed, ${failed} failed`);
  process.exit(steps.every((s) => s.ok) && failed === 0 ? 0 : 1);
}

void main();

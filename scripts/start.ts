// `npm start`: one command from a fresh clone to a running app.
// DATABASE_URL given → use it. Otherwise → embedded PostgreSQL in .data/postgres, generated secrets.
// Then: migrations, demo seed (once), production build when stale, the application server
// (server/main.ts: Next.js behind Node's http server) on PORT. `--dev` runs it in development mode.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { readFileSync } from "node:fs";
import { env, missingProductionSecrets, processEnv } from "@/lib/env";
import { loadCommuneReference } from "@/lib/communes/commune-reference";
import { loadJobReferences } from "@/lib/reference/reference-data";
import { createPrismaClient } from "@/lib/db-client";
import { seedDemo } from "@/prisma/seed/demo";
import { resolveDatabaseUrl } from "@/scripts/lib/database";
import { applyMigrations } from "@/scripts/lib/migrations";
import { stopChild, unexpectedExitCode } from "@/scripts/lib/child";
import { appServerArgs, buildIsStale, NEXT_BIN } from "@/scripts/lib/next-build";
import { print, printError } from "@/scripts/lib/print";
import { loadLocalSecrets } from "@/scripts/lib/secrets";

const dev = process.argv.includes("--dev");

function fail(message: string): never {
  printError(`\n✖ ${message}\n`);
  process.exit(1);
}

async function main() {
  const embedded = !env.DATABASE_URL;
  const production = env.NODE_ENV === "production";
  if (production && !embedded) {
    const missing = missingProductionSecrets();
    if (missing.length) fail(`Variables manquantes en production : ${missing.join(", ")}. Voir .env.example et le README.`);
  }
  const secrets = embedded ? loadLocalSecrets() : null;
  const sessionSecret = env.NEXTAUTH_SECRET ?? secrets?.nextauthSecret;
  if (!sessionSecret) fail("NEXTAUTH_SECRET manquant (au moins 32 caractères). Voir .env.example.");

  const started = Date.now();
  const database = await resolveDatabaseUrl();
  let next: ChildProcess | null = null;
  let stopping = false;

  const shutdown = async (code: number) => {
    if (stopping) return;
    stopping = true;
    if (next) await stopChild(next);
    await database.stop();
    process.exit(code);
  };
  process.on("SIGINT", () => void shutdown(0));
  process.on("SIGTERM", () => void shutdown(0));

  try {
    const { applied } = await applyMigrations(database.url);
    print(applied.length ? `Migrations appliquées : ${applied.join(", ")}` : "Base de données à jour.");

    const db = createPrismaClient(database.url, 2);
    const communes = await loadCommuneReference(db);
    if (communes) print(`Référentiel INSEE chargé : ${communes} communes.`);
    const jobs = await loadJobReferences(db);
    if (jobs.rome || jobs.naf) print(`Référentiels ROME et NAF chargés : ${jobs.rome} codes et appellations ROME, ${jobs.naf} codes NAF.`);
    if (!production || env.ALLOW_DEMO_ACCOUNTS) {
      const result = await seedDemo(db, { password: env.DEMO_PASSWORD });
      print(result.seeded ? "Données de démonstration créées." : "Données de démonstration déjà présentes.");
    }
    await db.$disconnect();

    const pkg = JSON.parse(readFileSync("package.json", "utf8")) as { version: string };
    const childEnv = {
      ...processEnv(),
      DATABASE_URL: database.url,
      NEXTAUTH_SECRET: sessionSecret,
      NEXTAUTH_URL: env.NEXTAUTH_URL ?? `http://localhost:${env.PORT}`,
      APP_VERSION: pkg.version,
      NEXT_TELEMETRY_DISABLED: "1",
    };
    if (!dev && buildIsStale()) {
      print("Construction de l'application (next build) : au premier démarrage, cela prend quelques minutes…");
      const build = spawnSync(process.execPath, [NEXT_BIN, "build"], { stdio: "inherit", env: { ...childEnv, NODE_ENV: "production" } });
      if (build.status !== 0) throw new Error("La construction de l'application a échoué.");
    }
    // The embedded demo (published passwords) listens on this machine only unless HOST says otherwise.
    const host = env.HOST ?? (embedded ? "127.0.0.1" : "0.0.0.0");
    // The application server (server/main.ts): Next.js with the CSP nonce set per page request.
    next = spawn(process.execPath, appServerArgs({ port: env.PORT, host, dev }), {
      stdio: "inherit",
      env: { ...childEnv, NODE_ENV: dev ? "development" : "production" },
    });
    // However Next.js ends (crash, kill -9, OOM killer) when we did not ask it to, the launcher stops
    // its PostgreSQL and exits non-zero, so that a supervisor restarts it.
    next.on("exit", (code, signal) => {
      if (!stopping) printError(`\n✖ Next.js s'est arrêté (${signal ? `signal ${signal}` : `code ${code}`}).`);
      void shutdown(stopping ? (code ?? 0) : unexpectedExitCode(code, signal));
    });
    print(`\nSI Proch'Emploi démarre sur http://${host === "0.0.0.0" ? "localhost" : host}:${env.PORT} (préparation : ${((Date.now() - started) / 1000).toFixed(1)} s).`);
    if (host === "127.0.0.1") print("Accessible depuis cette machine seulement ; HOST=0.0.0.0 pour écouter sur toutes les interfaces.");
  } catch (err) {
    printError(String(err instanceof Error ? err.message : err));
    await shutdown(1);
  }
}

void main();

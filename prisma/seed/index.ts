// `npm run db:seed`: loads the demo data set into DATABASE_URL (no-op when already there).
import { createPrismaClient } from "@/lib/db-client";
import { env } from "@/lib/env";
import { seedDemo } from "./demo";

async function main(): Promise<number> {
  if (!env.DATABASE_URL) {
    process.stderr.write("DATABASE_URL manquant : impossible de charger les données de démonstration.\n");
    return 1;
  }
  // Demo accounts share a published password: never in production unless explicitly allowed.
  if (env.NODE_ENV === "production" && !env.ALLOW_DEMO_ACCOUNTS) {
    process.stderr.write("Refusé : données de démonstration en production (ALLOW_DEMO_ACCOUNTS=true pour forcer).\n");
    return 1;
  }
  const db = createPrismaClient(env.DATABASE_URL, 2);
  const started = performance.now();
  try {
    const { seeded, counts } = await seedDemo(db, { password: env.DEMO_PASSWORD });
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    if (!seeded) {
      process.stdout.write(`Données de démonstration déjà présentes : rien à faire (${seconds} s).\n`);
      return 0;
    }
    const width = Math.max(...Object.keys(counts).map((k) => k.length));
    const lines = Object.entries(counts).map(([k, n]) => `  ${k.padEnd(width)}  ${String(n).padStart(6)}`);
    process.stdout.write(`Données de démonstration chargées en ${seconds} s :\n${lines.join("\n")}\n`);
    return 0;
  } finally {
    await db.$disconnect();
  }
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`Échec du chargement des données de démonstration : ${error instanceof Error ? error.stack ?? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);

// `npm run db:seed:scale -- --scale region|small`: fills DATABASE_URL (or the embedded database)
// with the region-scale data set (prisma/seed/scale/scale.ts). Migrations are applied first; an
// existing data set (any platform present) is left alone.
import { parseArgs } from "node:util";
import { env } from "@/lib/env";
import { SCALES, seedScale, type ScaleName } from "@/prisma/seed/scale/scale";
import { resolveDatabaseUrl } from "@/scripts/lib/database";
import { applyMigrations } from "@/scripts/lib/migrations";
import { print, printError } from "@/scripts/lib/print";

async function main(): Promise<number> {
  const { values } = parseArgs({ options: { scale: { type: "string", default: "region" } } });
  const scale = values.scale as ScaleName;
  if (!(scale in SCALES)) {
    printError(`Échelle inconnue « ${values.scale} » : ${Object.keys(SCALES).join(" ou ")}.`);
    return 1;
  }
  if (env.NODE_ENV === "production" && !env.ALLOW_DEMO_ACCOUNTS) {
    printError("Refusé : données de volumétrie en production (ALLOW_DEMO_ACCOUNTS=true pour forcer).");
    return 1;
  }
  const database = await resolveDatabaseUrl();
  try {
    await applyMigrations(database.url);
    print(`Chargement de l'échelle « ${scale} »…`);
    const result = await seedScale(database.url, scale, { password: env.DEMO_PASSWORD, log: print });
    if (!result.seeded) {
      print("La base contient déjà des plateformes : rien à faire.");
      return 0;
    }
    const width = Math.max(...Object.keys(result.counts).map((k) => k.length));
    print(`Échelle « ${scale} » chargée en ${result.seconds.toFixed(1)} s :`);
    for (const [k, n] of Object.entries(result.counts)) print(`  ${k.padEnd(width)}  ${String(n).padStart(8)}`);
    return 0;
  } finally {
    await database.stop();
  }
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    printError(`Échec du chargement : ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    process.exitCode = 1;
  },
);

// `npm run db:backup [FILE]`: pg_dump (custom format) of DATABASE_URL, or of the embedded PostgreSQL.
import { mkdirSync } from "node:fs";
import path from "node:path";
import { formatUtc } from "@/lib/calendar-day";
import { backupDatabase } from "@/scripts/lib/backup";
import { resolveDatabaseUrl } from "@/scripts/lib/database";
import { print } from "@/scripts/lib/print";

async function main() {
  const file = path.resolve(process.argv[2] ?? path.join(".data/backups", `proch_emploi-${formatUtc(new Date(), "yyyyMMdd-HHmmss")}.dump`));
  mkdirSync(path.dirname(file), { recursive: true });
  const database = await resolveDatabaseUrl({ quiet: true });
  try {
    const tool = await backupDatabase(database.url, file);
    print(`Sauvegarde écrite : ${file} (pg_dump ${tool.major}, format custom). À chiffrer et conserver hors du serveur.`);
  } finally {
    await database.stop();
  }
}

main().catch((err: unknown) => {
  print(`Sauvegarde impossible : ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});

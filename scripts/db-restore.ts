// `npm run db:restore FILE`: replaces the content of DATABASE_URL (or of the embedded PostgreSQL) by
// the backup FILE, in one transaction (nothing changes when the restore fails). Stop the app first.
import path from "node:path";
import { restoreDatabase } from "@/scripts/lib/backup";
import { resolveDatabaseUrl } from "@/scripts/lib/database";
import { print } from "@/scripts/lib/print";

async function main() {
  const arg = process.argv[2];
  if (!arg) throw new Error("Usage : npm run db:restore FICHIER.dump");
  const file = path.resolve(arg);
  const database = await resolveDatabaseUrl({ quiet: true });
  try {
    const tool = await restoreDatabase(database.url, file);
    print(`Base restaurée depuis ${file} (pg_restore ${tool.major}).`);
  } finally {
    await database.stop();
  }
}

main().catch((err: unknown) => {
  print(`Restauration impossible : ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});

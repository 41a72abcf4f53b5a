// Integration tests run on a real PostgreSQL (the test runner provides DATABASE_URL, migrated).
import { db } from "@/lib/db";

/** Reference data loaded once per test database (scripts/test.ts), kept across resets. */
const KEPT = ["_prisma_migrations", "Commune", "ReferenceDataset", "RomeCode", "RomeAppellation", "NafCode"];

/** Empties every table but the migration history and reference data, in one statement. */
export async function resetDb(): Promise<void> {
  const rows = await db.$queryRaw<{ tablename: string }[]>`
    SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> ALL(${KEPT})`;
  if (rows.length === 0) return;
  const list = rows.map((r) => `"public"."${r.tablename}"`).join(", ");
  await db.$executeRawUnsafe(`TRUNCATE ${list} RESTART IDENTITY CASCADE`);
}

export { db };

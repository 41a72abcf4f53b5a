// Integration tests run on a real PostgreSQL (the test runner provides DATABASE_URL, migrated).
import { db } from "@/lib/db";
import type { Db } from "@/lib/db-client";
import { isTestDatabaseName } from "@/scripts/lib/test-db-name";

/** Reference data loaded once per test database (scripts/test.ts), kept across resets. */
// NoticeText: the texts agreed with the controller, written by a migration (issue 22), like reference data.
const KEPT = ["_prisma_migrations", "Commune", "ReferenceDataset", "RomeCode", "RomeAppellation", "NafCode", "NoticeText"];

/** Refuses to go on unless the connected database is named as a test database. */
async function assertTestDatabase(client: Db): Promise<void> {
  const name = (await client.$queryRaw<{ name: string }[]>`SELECT current_database() AS name`)[0]!.name;
  if (!isTestDatabaseName(name)) {
    throw new Error(`Base « ${name} » refusée : les tests ne vident qu'une base dont le nom contient « test » ou « e2e » (lancer par npm test, ou TEST_DATABASE_URL=…/<nom>_test).`);
  }
}

/**
 * Empties every table but the migration history and reference data, in one statement — only on a
 * database whose name marks it as a test database. `client`: the suite's own by default.
 */
export async function resetDb(given?: unknown): Promise<void> {
  // `beforeEach(resetDb)` passes vitest's test context: only a Prisma client replaces the suite's own.
  const client = given && typeof (given as Db).$queryRaw === "function" ? (given as Db) : db;
  await assertTestDatabase(client);
  const rows = await client.$queryRaw<{ tablename: string }[]>`
    SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> ALL(${KEPT})`;
  if (rows.length === 0) return;
  const list = rows.map((r) => `"public"."${r.tablename}"`).join(", ");
  await client.$executeRawUnsafe(`TRUNCATE ${list} RESTART IDENTITY CASCADE`);
  // Versions published by a test (issue 22 §7: always by a user) go; the migration's texts stay.
  await client.$executeRawUnsafe(`DELETE FROM "NoticeText" WHERE "createdById" IS NOT NULL`);
}

export { db };

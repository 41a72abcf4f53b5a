// Databases for the test command: TEST_DATABASE_URL when given; else databases beside DATABASE_URL
// on the same server; else the embedded PostgreSQL. Each run recreates them from the migrations.
// Their names always mark them as test databases (scripts/lib/test-db-name.ts): tests/support/db.ts
// refuses to empty any other. A TEST_DATABASE_URL naming e.g. "wt_ui" runs on "wt_ui_test".
import { env } from "@/lib/env";
import { resolveDatabaseUrl, urlFor, withServerAdmin, type DatabaseHandle } from "@/scripts/lib/database";
import { testDatabaseNames } from "@/scripts/lib/test-db-name";

export async function recreateDatabase(url: string): Promise<void> {
  await withServerAdmin(url, async (client, name) => {
    await client.query(`DROP DATABASE IF EXISTS ${client.escapeIdentifier(name)} WITH (FORCE)`);
    await client.query(`CREATE DATABASE ${client.escapeIdentifier(name)}`);
  });
}

export interface TestDatabases {
  integrationUrl: string;
  e2eUrl: string;
  server: DatabaseHandle;
}

export async function testDatabases(): Promise<TestDatabases> {
  if (env.TEST_DATABASE_URL) {
    const base = env.TEST_DATABASE_URL;
    const names = testDatabaseNames(decodeURIComponent(new URL(base).pathname.slice(1)));
    return { integrationUrl: urlFor(base, names.integration), e2eUrl: urlFor(base, names.e2e), server: { url: base, embedded: false, stop: async () => undefined } };
  }
  const server = await resolveDatabaseUrl({ quiet: true });
  return { integrationUrl: urlFor(server.url, "proch_emploi_test"), e2eUrl: urlFor(server.url, "proch_emploi_e2e"), server };
}

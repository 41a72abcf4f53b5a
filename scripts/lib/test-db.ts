// Databases for the test command: TEST_DATABASE_URL when given; else databases beside DATABASE_URL
// on the same server; else the embedded PostgreSQL. Each run recreates them from the migrations.
import { env } from "@/lib/env";
import { resolveDatabaseUrl, urlFor, withServerAdmin, type DatabaseHandle } from "@/scripts/lib/database";

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
    const name = decodeURIComponent(new URL(base).pathname.slice(1));
    return { integrationUrl: base, e2eUrl: urlFor(base, `${name}_e2e`), server: { url: base, embedded: false, stop: async () => undefined } };
  }
  const server = await resolveDatabaseUrl({ quiet: true });
  return { integrationUrl: urlFor(server.url, "proch_emploi_test"), e2eUrl: urlFor(server.url, "proch_emploi_e2e"), server };
}

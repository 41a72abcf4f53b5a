// Issue 9 — backup and restore round trip: the demo data set is backed up with pg_dump (custom
// format, as `npm run db:backup`), the database is destroyed, restored with pg_restore (as
// `npm run db:restore`) and every row of every table is found again (row counts + checksums).
import { mkdtempSync, rmSync, statSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { createPrismaClient } from "@/lib/db-client";
import { env } from "@/lib/env";
import { seedDemo } from "@/prisma/seed/demo";
import { backupDatabase, databaseFingerprint, installedTools, restoreDatabase, serverMajor, toolFor } from "@/scripts/lib/backup";
import { urlFor } from "@/scripts/lib/database";
import { applyMigrations } from "@/scripts/lib/migrations";
import { startTempCluster, type TempCluster } from "@/scripts/lib/pg-cluster";

const DB = "pe_backup_roundtrip";
let cluster: TempCluster | null = null;
const dir = mkdtempSync(path.join(os.tmpdir(), "pe-backup-"));

afterAll(async () => {
  cluster?.stop();
  rmSync(dir, { recursive: true, force: true });
});

async function admin(url: string, sql: string[]): Promise<void> {
  const c = new pg.Client({ connectionString: urlFor(url, "postgres") });
  await c.connect();
  try {
    for (const s of sql) await c.query(s);
  } finally {
    await c.end();
  }
}

/** The test server when an installed pg_dump can read it; else a throw-away cluster of the newest installed server binaries. */
async function roundTripServer(): Promise<string> {
  const base = env.DATABASE_URL!;
  try {
    toolFor("pg_dump", await serverMajor(base));
    return base;
  } catch {
    const dumps = installedTools("pg_dump");
    const initdb = installedTools("initdb").find((t) => dumps.some((d) => d.major >= t.major));
    if (!initdb) throw new Error("Aucun couple pg_dump / serveur PostgreSQL compatible installé (apt-get install postgresql, comme .ci/run).");
    cluster = await startTempCluster(path.dirname(initdb.path));
    return cluster.url;
  }
}

describe("sauvegarde et restauration (pg_dump / pg_restore)", () => {
  it("refuse clairement un client plus ancien que le serveur", () => {
    expect(() => toolFor("pg_dump", 99)).toThrow(/pg_dump 99 ou plus récent introuvable/);
  });

  it("sauvegarde, détruit, restaure : chaque ligne de chaque table est retrouvée", { timeout: 300_000 }, async () => {
    const server = await roundTripServer();
    const url = urlFor(server, DB);
    await admin(server, [`DROP DATABASE IF EXISTS ${DB} WITH (FORCE)`, `CREATE DATABASE ${DB}`]);
    await applyMigrations(url);
    const seedDb = createPrismaClient(url, 2);
    try {
      await seedDemo(seedDb, { password: "Demo-ProchEmploi-2026" });
    } finally {
      await seedDb.$disconnect();
    }
    const before = await databaseFingerprint(url);
    const totalRows = Object.values(before).reduce((n, t) => n + t.rows, 0);
    expect(totalRows).toBeGreaterThan(1000);

    const file = path.join(dir, "roundtrip.dump");
    await backupDatabase(url, file);
    expect(statSync(file).size).toBeGreaterThan(10_000);

    // Destroy: the database is dropped and recreated empty.
    await admin(server, [`DROP DATABASE ${DB} WITH (FORCE)`, `CREATE DATABASE ${DB}`]);
    expect(Object.keys(await databaseFingerprint(url))).toEqual([]);

    await restoreDatabase(url, file);
    expect(await databaseFingerprint(url)).toEqual(before);

    // Restoring over a database that changed since (--clean) brings back exactly the backup.
    const c = new pg.Client({ connectionString: url });
    await c.connect();
    await c.query(`UPDATE "Company" SET name = name || ' (modifié)' WHERE id IN (SELECT id FROM "Company" LIMIT 5)`);
    await c.end();
    expect(await databaseFingerprint(url)).not.toEqual(before);
    await restoreDatabase(url, file);
    expect(await databaseFingerprint(url)).toEqual(before);
    await admin(server, [`DROP DATABASE ${DB} WITH (FORCE)`]);
  });
});

// tests/support/db.ts empties tables only in a database named as a test database (issue 21): an
// integration run pointed at any other database by mistake stops before touching it.
import { randomBytes } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { createPrismaClient } from "@/lib/db-client";
import { env } from "@/lib/env";
import { urlFor, withServerAdmin } from "@/scripts/lib/database";
import { resetDb } from "@/tests/support/db";

const name = `proch_emploi_garde_${randomBytes(3).toString("hex")}`;
const url = urlFor(env.DATABASE_URL!, name);
const other = createPrismaClient(url, 1);

afterAll(async () => {
  await other.$disconnect();
  await withServerAdmin(url, async (client) => {
    await client.query(`DROP DATABASE IF EXISTS ${client.escapeIdentifier(name)} WITH (FORCE)`);
  });
});

describe("garde-fou de la base des tests", () => {
  it("refuse de vider une base dont le nom ne la désigne pas comme base de test, et n'y touche pas", async () => {
    await withServerAdmin(url, async (client) => {
      await client.query(`CREATE DATABASE ${client.escapeIdentifier(name)}`);
    });
    await other.$executeRawUnsafe(`CREATE TABLE "Precieux" (id int PRIMARY KEY)`);
    await other.$executeRawUnsafe(`INSERT INTO "Precieux" VALUES (1), (2)`);
    await expect(resetDb(other)).rejects.toThrow(`Base « ${name} » refusée : les tests ne vident qu'une base dont le nom contient « test » ou « e2e »`);
    expect(await other.$queryRawUnsafe(`SELECT count(*)::int AS n FROM "Precieux"`)).toEqual([{ n: 2 }]);
  });

  it("vide la base de test de la suite", async () => {
    await expect(resetDb()).resolves.toBeUndefined();
  });
});

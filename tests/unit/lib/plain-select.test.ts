// Which statements the app's client runs again while PostgreSQL restarts (lib/db-client.ts, issue 16):
// reads only — never a write, a locking read or a function call hidden behind something else.
import { describe, expect, it } from "vitest";
import { isPlainSelect } from "@/lib/db-client";

describe("lectures reprises pendant un redémarrage", () => {
  it("reprend une lecture, même précédée de commentaires", () => {
    expect(isPlainSelect(`SELECT "id" FROM "public"."Company" WHERE "id" = $1`)).toBe(true);
    expect(isPlainSelect(`  -- liste\n/* page */ select count(*) from "Visit"`)).toBe(true);
  });

  it("ne reprend ni une écriture, ni une lecture qui verrouille, ni une requête en WITH", () => {
    expect(isPlainSelect(`INSERT INTO "Visit" ("id") VALUES ($1) RETURNING "id"`)).toBe(false);
    expect(isPlainSelect(`UPDATE "Company" SET "name" = $1`)).toBe(false);
    expect(isPlainSelect(`SELECT "id" FROM "Tranche" WHERE "id" = $1 FOR UPDATE`)).toBe(false);
    expect(isPlainSelect(`SELECT 1 FROM "JobRun" FOR NO KEY UPDATE SKIP LOCKED`)).toBe(false);
    expect(isPlainSelect(`WITH moved AS (DELETE FROM "X" RETURNING *) SELECT * FROM moved`)).toBe(false);
  });
});

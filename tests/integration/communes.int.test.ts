import { describe, expect, it } from "vitest";
import { loadCommuneReference, readCommuneReference } from "@/lib/communes/commune-reference";
import { db, resetDb } from "@/tests/support/db";

describe("référentiel INSEE des communes", () => {
  it("se charge depuis une table vide, une seule fois, avec codes postaux, EPCI et population", { timeout: 180_000 }, async () => {
    // Loads ~35 000 communes twice: seconds on a quiet machine, over 30 s on a shared one at load 24.
    // From empty: the test database keeps the reference across resets, so empty it first (the
    // tables that point to it are emptied by resetDb).
    await resetDb();
    await db.$executeRawUnsafe(`TRUNCATE "Commune" CASCADE`);
    expect(await db.commune.count()).toBe(0);
    const expected = readCommuneReference().length;
    expect(expected).toBeGreaterThan(30_000);
    expect(await loadCommuneReference(db)).toBe(expected);
    expect(await db.commune.count()).toBe(expected);
    // Once: a second call inserts nothing.
    expect(await loadCommuneReference(db)).toBe(0);
    expect(await db.commune.count()).toBe(expected);
    const lens = await db.commune.findUniqueOrThrow({ where: { inseeCode: "62498" } });
    expect(lens).toMatchObject({ name: "Lens", departmentCode: "62", postalCodes: ["62300"] });
    expect(lens.epciName).toMatch(/Lens/);
    expect(lens.population).toBeGreaterThan(20_000);
  });
});

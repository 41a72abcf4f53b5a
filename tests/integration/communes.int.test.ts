import { describe, expect, it } from "vitest";
import { loadCommuneReference } from "@/lib/communes/commune-reference";
import { db } from "@/tests/support/db";

describe("référentiel INSEE des communes", () => {
  it("est chargé une seule fois, avec codes postaux, EPCI et population", async () => {
    await loadCommuneReference(db);
    expect(await loadCommuneReference(db)).toBe(0);
    expect(await db.commune.count()).toBeGreaterThan(30_000);
    const lens = await db.commune.findUniqueOrThrow({ where: { inseeCode: "62498" } });
    expect(lens).toMatchObject({ name: "Lens", departmentCode: "62", postalCodes: ["62300"] });
    expect(lens.epciName).toMatch(/Lens/);
    expect(lens.population).toBeGreaterThan(20_000);
  });
});

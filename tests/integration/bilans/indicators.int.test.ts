import { beforeAll, describe, expect, it } from "vitest";
import { computeFigures } from "@/lib/indicators/compute";
import { INDICATORS } from "@/lib/indicators/indicators";
import { buildMarchFixture, EXPECTED_MARCH, MARCH } from "@/tests/support/bilan-fixture";
import { db, resetDb } from "@/tests/support/db";

let fx: Awaited<ReturnType<typeof buildMarchFixture>>;
let march: Record<string, number | null>;
let amiensMarch: Record<string, number | null>;

beforeAll(async () => {
  await resetDb();
  fx = await buildMarchFixture(db);
  const figures = await computeFigures(db, [fx.lens.id, fx.amiens.id], "2026-02", "2026-04");
  march = figures.get(fx.lens.id)!.get(MARCH)!;
  amiensMarch = figures.get(fx.amiens.id)!.get(MARCH)!;
});

describe("indicateurs du bilan mensuel calculés sur une activité connue", () => {
  it("le jeu de données attendu couvre chaque indicateur défini", () => {
    expect(Object.keys(EXPECTED_MARCH).sort()).toEqual(INDICATORS.map((d) => d.key).sort());
  });

  it.each(Object.entries(EXPECTED_MARCH))("%s vaut la valeur calculée à la main", (key, expected) => {
    expect(march[key]).toBe(expected);
  });

  it("ne mélange pas les plateformes", () => {
    expect(amiensMarch.offersCollected).toBe(1);
    expect(amiensMarch.positionsOffered).toBe(7);
    expect(amiensMarch.companiesVisited).toBe(1);
    expect(amiensMarch.jobSeekersReceived).toBe(1);
    expect(amiensMarch.governanceMeetingsHeld).toBe(1);
    expect(amiensMarch.hires).toBe(0);
  });

  it("range un contact du 31 mars à 23 h 30 (Paris : 1er avril 0 h 30) en avril", async () => {
    const april = (await computeFigures(db, [fx.lens.id], "2026-04", "2026-04")).get(fx.lens.id)!.get("2026-04")!;
    expect(april.companiesContacted).toBe(1);
    expect(april.chefsDeFileActive).toBe(2);
  });

  it("donne des zéros (et une médiane vide) pour un mois sans activité", async () => {
    const jan = (await computeFigures(db, [fx.lens.id], "2026-01", "2026-01")).get(fx.lens.id)!.get("2026-01")!;
    expect(jan.offersCollected).toBe(0);
    expect(jan.callbackMedianDelayDays).toBeNull();
  });
});

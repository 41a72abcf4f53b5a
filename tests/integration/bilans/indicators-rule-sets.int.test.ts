// The monthly indicators and the OPERATIONS versions (lib/indicators/compute.ts): each month is
// computed with the version in force on its first day. A month when none was in force used to
// borrow the oldest version; it now requires no governance meeting, and a range whose last month
// has no rules in force (they give the age limit of young job seekers) is refused in French.
import { beforeAll, describe, expect, it } from "vitest";
import { computeFigures } from "@/lib/indicators/compute";
import { NoRuleSetInForceError } from "@/lib/rules/active-rule-set";
import type { Prisma } from "@/lib/generated/prisma/client";
import { initialRuleSets } from "@/prisma/seed/rule-sets";
import { createPlatform } from "@/tests/factories";
import { db, resetDb } from "@/tests/support/db";

let platformId: string;

beforeAll(async () => {
  await resetDb();
  platformId = (await createPlatform(db)).id;
  const seeded = initialRuleSets().find((r) => r.kind === "OPERATIONS")!.payload as Record<string, unknown>;
  // Version 1 (3 + 2 meetings a year: 0.42 a month) for February and March; version 2 (8 + 4: one
  // a month) for May only. Before, between and after them: no version in force.
  const versions: [number, string, string, Record<string, unknown>][] = [
    [1, "2026-02-01", "2026-03-31", seeded],
    [2, "2026-05-01", "2026-05-31", { ...seeded, governance: { COPRESIDENCE: { minPerYear: 8 }, POLE_DIRIGEANT: { minPerYear: 4 } } }],
  ];
  for (const [version, from, to, payload] of versions) {
    await db.ruleSet.create({ data: { kind: "OPERATIONS", version, validFrom: new Date(from), validTo: new Date(to), payload: payload as Prisma.InputJsonValue } });
  }
});

const required = async (first: string, last: string) => {
  const byMonth = (await computeFigures(db, [platformId], first, last)).get(platformId)!;
  return Object.fromEntries([...byMonth].map(([m, f]) => [m, f.governanceMeetingsRequired]));
};

describe("indicateurs mensuels et versions du jeu de règles OPERATIONS", () => {
  it("chaque mois suit la version en vigueur à son premier jour ; sans version en vigueur, aucune réunion n'est requise (il empruntait la plus ancienne)", async () => {
    expect(await required("2026-01", "2026-05")).toEqual({
      "2026-01": 0, // before any version
      "2026-02": 0.42,
      "2026-03": 0.42,
      "2026-04": 0, // between the two versions
      "2026-05": 1,
    });
  });

  it("refuse en français une période dont le dernier mois n'a aucune version en vigueur (au lieu de la plus ancienne)", async () => {
    const afterTheLast = computeFigures(db, [platformId], "2026-05", "2026-06");
    await expect(afterTheLast).rejects.toBeInstanceOf(NoRuleSetInForceError);
    await expect(afterTheLast).rejects.toThrow("Aucun jeu de règles « OPERATIONS » n'est en vigueur au 01/06/2026 : un administrateur doit en créer un.");
    await expect(computeFigures(db, [platformId], "2025-12", "2025-12")).rejects.toThrow("n'est en vigueur au 01/12/2025");
  });
});

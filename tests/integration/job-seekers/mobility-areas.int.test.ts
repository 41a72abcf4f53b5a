// Issue 14 §2 — a job seeker's mobility perimeter in words, from the INSEE reference: communes as
// « Liévin (62800) », intercommunalities by name, departments and the Région by name; an unknown
// code stays visible as is (never hidden).
import { beforeAll, describe, expect, it } from "vitest";
import { loadCommuneReference } from "@/lib/communes/commune-reference";
import { mobilityAreaOptions, mobilityChoices } from "@/lib/job-seekers/mobility-areas";
import { db } from "@/tests/support/db";

beforeAll(async () => {
  await loadCommuneReference(db);
}, 300_000);

describe("périmètre de mobilité en clair", () => {
  it("communes, intercommunalités, départements et Région par leur nom, dans l'ordre enregistré", async () => {
    expect(await mobilityAreaOptions(db, "COMMUNE", ["62510", "62498", "99999"])).toEqual([
      { value: "62510", label: "Liévin (62800)" },
      { value: "62498", label: "Lens (62300)" },
      { value: "99999", label: "99999" },
    ]);
    const lievin = await db.commune.findUniqueOrThrow({ where: { inseeCode: "62510" }, select: { epciCode: true, epciName: true } });
    expect(await mobilityAreaOptions(db, "EPCI", [lievin.epciCode!])).toEqual([{ value: lievin.epciCode, label: lievin.epciName }]);
    expect(await mobilityAreaOptions(db, "DEPARTEMENT", ["62", "80"])).toEqual([{ value: "62", label: "Pas-de-Calais (62)" }, { value: "80", label: "Somme (80)" }]);
    expect(await mobilityAreaOptions(db, "REGION", ["32"])).toEqual([{ value: "32", label: "Hauts-de-France" }]);
    expect(await mobilityAreaOptions(db, null, ["62"])).toEqual([]);
  });

  it("propose les intercommunalités de la Région par leur nom, ses cinq départements et la Région", async () => {
    const choices = await mobilityChoices(db);
    expect(choices.DEPARTEMENT.map((d) => d.label)).toEqual(["Aisne (02)", "Nord (59)", "Oise (60)", "Pas-de-Calais (62)", "Somme (80)"]);
    expect(choices.REGION).toEqual([{ value: "32", label: "Hauts-de-France" }]);
    expect(choices.EPCI.length).toBeGreaterThan(50);
    const lievin = await db.commune.findUniqueOrThrow({ where: { inseeCode: "62510" }, select: { epciCode: true, epciName: true } });
    expect(choices.EPCI).toContainEqual({ value: lievin.epciCode, label: lievin.epciName, description: "Intercommunalité" });
    for (const e of choices.EPCI) expect(e.label).not.toMatch(/^\d{9}$/);
  });
});

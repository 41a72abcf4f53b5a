import { beforeEach, describe, expect, it } from "vitest";
import { loadPrincipal } from "@/lib/auth/principal";
import { homeFigures } from "@/lib/home/home.service";
import { createCompany, createJobSeeker, createPlatform, createUser } from "@/tests/factories";
import { db, resetDb } from "@/tests/support/db";

beforeEach(resetDb);

const figure = (figures: { key: string; value: number }[], key: string) => figures.find((f) => f.key === key)?.value;

describe("accueil par rôle : des comptes réels, limités au périmètre", () => {
  it("compte pour une assistante les seules données de sa plateforme", async () => {
    const lens = await createPlatform(db, "Lens");
    const amiens = await createPlatform(db, "Amiens");
    await createCompany(db, lens.id);
    await createCompany(db, lens.id);
    await createCompany(db, amiens.id);
    await createJobSeeker(db, lens.id);
    await createJobSeeker(db, lens.id, { lifecycle: "ARCHIVED" });
    await createJobSeeker(db, amiens.id);
    const u = await createUser(db, { role: "PLATFORM_ASSISTANT", platformIds: [lens.id] });
    const figures = await homeFigures(db, (await loadPrincipal(db, u.id))!);
    expect(figure(figures, "companies")).toBe(2);
    expect(figure(figures, "jobSeekers")).toBe(1);
  });

  it("ne montre au référent que les demandeurs qu'il suit", async () => {
    const lens = await createPlatform(db, "Lens");
    const referent = await createUser(db, { role: "REGION_REFERENT", allPlatforms: true });
    await createJobSeeker(db, lens.id, { referentId: referent.id });
    await createJobSeeker(db, lens.id);
    const figures = await homeFigures(db, (await loadPrincipal(db, referent.id))!);
    expect(figure(figures, "followedJobSeekers")).toBe(1);
    expect(figure(figures, "platforms")).toBe(1);
  });

  it("ne donne aux finances aucun chiffre sur les personnes", async () => {
    const lens = await createPlatform(db, "Lens");
    await createJobSeeker(db, lens.id);
    const finance = await createUser(db, { role: "REGION_FINANCE", allPlatforms: true });
    const figures = await homeFigures(db, (await loadPrincipal(db, finance.id))!);
    expect(figures.map((f) => f.key).sort()).toEqual(["ftFiles", "platforms", "regionFiles"]);
  });
});

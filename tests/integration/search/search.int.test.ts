import { beforeEach, describe, expect, it } from "vitest";
import { loadPrincipal } from "@/lib/auth/principal";
import { ValidationError } from "@/lib/errors";
import { globalSearch } from "@/lib/search/search.service";
import { createCompany, createJobSeeker, createPlatform, createUser } from "@/tests/factories";
import { db, resetDb } from "@/tests/support/db";

beforeEach(resetDb);

async function principal(id: string) {
  return (await loadPrincipal(db, id))!;
}

function hits(result: Awaited<ReturnType<typeof globalSearch>>, type: string) {
  return result.groups.find((g) => g.type === type)?.hits.map((h) => h.title) ?? null;
}

describe("recherche globale", () => {
  it("ignore accents et casse, et regroupe par type", async () => {
    const lens = await createPlatform(db, "Lens-Liévin");
    await createCompany(db, lens.id, { name: "Boulangerie Hénin-Beaumont Éclair" });
    const js = await createJobSeeker(db, lens.id);
    await db.jobSeeker.update({ where: { id: js.id }, data: { firstName: "Hélène", lastName: "Lefèvre" } });
    const u = await principal((await createUser(db, { role: "PLATFORM_ASSISTANT", platformIds: [lens.id] })).id);
    const r = await globalSearch(db, u, { q: "henin eclair" });
    expect(hits(r, "company")).toEqual([]);
    expect(hits(await globalSearch(db, u, { q: "HENIN-beaumont" }), "company")).toEqual(["Boulangerie Hénin-Beaumont Éclair"]);
    expect(hits(await globalSearch(db, u, { q: "helene lefevre" }), "jobSeeker")).toEqual(["Hélène Lefèvre"]);
    expect(hits(await globalSearch(db, u, { q: "LEFÈVRE hél" }), "jobSeeker")).toEqual(["Hélène Lefèvre"]);
    expect(r.groups.map((g) => g.label)).toEqual(["Entreprises", "Demandeurs d'emploi", "Offres d'emploi", "Événements"]);
  });

  it("ne montre que le périmètre de l'utilisateur, et trace chaque demandeur affiché", async () => {
    const lens = await createPlatform(db, "Lens-Liévin");
    const amiens = await createPlatform(db, "Amiénois");
    await createCompany(db, lens.id, { name: "Garage Martin Lens" });
    await createCompany(db, amiens.id, { name: "Garage Martin Amiens" });
    for (const p of [lens, amiens]) {
      const js = await createJobSeeker(db, p.id);
      await db.jobSeeker.update({ where: { id: js.id }, data: { lastName: "Martin", firstName: p.name } });
    }
    const u = await principal((await createUser(db, { role: "PLATFORM_ASSISTANT", platformIds: [amiens.id] })).id);
    const r = await globalSearch(db, u, { q: "martin" });
    expect(hits(r, "company")).toEqual(["Garage Martin Amiens"]);
    expect(hits(r, "jobSeeker")).toEqual(["Amiénois Martin"]);
    const audits = await db.auditEvent.findMany({ where: { action: "jobSeeker.search.hit", actorId: u.id } });
    expect(audits).toHaveLength(1);
    expect(audits[0]!.platformId).toBe(amiens.id);
  });

  it("un·e référent·e Région ne trouve que les demandeurs qui lui sont confiés ; un rôle sans accès ne cherche pas ce type", async () => {
    const lens = await createPlatform(db, "Lens-Liévin");
    const refUser = await createUser(db, { role: "REGION_REFERENT", allPlatforms: true });
    const mine = await createJobSeeker(db, lens.id, { referentId: refUser.id });
    const other = await createJobSeeker(db, lens.id);
    await db.jobSeeker.updateMany({ where: { id: { in: [mine.id, other.id] } }, data: { lastName: "Durand" } });
    const r = await globalSearch(db, await principal(refUser.id), { q: "durand" });
    expect(r.groups.find((g) => g.type === "jobSeeker")?.hits.map((h) => h.id)).toEqual([mine.id]);
    const finance = await principal((await createUser(db, { role: "REGION_FINANCE", allPlatforms: true })).id);
    expect((await globalSearch(db, finance, { q: "durand" })).groups).toEqual([]);
  });

  it("traite % et _ comme des caractères ordinaires et exige 2 caractères", async () => {
    const lens = await createPlatform(db, "Lens-Liévin");
    await createCompany(db, lens.id, { name: "Société 100% locale" });
    await createCompany(db, lens.id, { name: "Autre entreprise" });
    const u = await principal((await createUser(db, { role: "PLATFORM_MANAGER", platformIds: [lens.id] })).id);
    expect(hits(await globalSearch(db, u, { q: "%" + "%" }), "company")).toEqual([]);
    expect(hits(await globalSearch(db, u, { q: "100%" }), "company")).toEqual(["Société 100% locale"]);
    await expect(globalSearch(db, u, { q: "a" })).rejects.toBeInstanceOf(ValidationError);
  });
});

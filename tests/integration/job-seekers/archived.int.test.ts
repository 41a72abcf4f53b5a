import { beforeEach, describe, expect, it } from "vitest";
import { listArchivedJobSeekers, readArchivedJobSeeker } from "@/lib/job-seekers/archived.query";
import { getJobSeeker, listJobSeekers } from "@/lib/job-seekers/job-seeker.query";
import { globalSearch } from "@/lib/search/search.service";
import { createJobSeeker, createPlatform } from "@/tests/factories";
import { principal } from "@/tests/factories/job-seeker-side";
import { db, resetDb } from "@/tests/support/db";

beforeEach(resetDb);

const READ = { purpose: "test" };
const page = { page: 1, pageSize: 50 };

describe("personnes archivées : hors des écrans, lisibles avec un motif", () => {
  it("une personne archivée n'est plus dans la liste, la recherche ni la fiche ordinaire", async () => {
    const lens = await createPlatform(db, "Lens archives");
    const manager = await principal(db, "PLATFORM_MANAGER", { platformIds: [lens.id] });
    const active = await createJobSeeker(db, lens.id);
    const archived = await createJobSeeker(db, lens.id, { lifecycle: "ARCHIVED" });
    const list = await listJobSeekers(db, manager, { ...page, sort: "name" }, READ);
    expect(list.items.map((i) => i.id)).toEqual([active.id]);
    await expect(getJobSeeker(db, manager, archived.id, READ)).rejects.toThrow(/introuvable/);
    const found = await globalSearch(db, manager, { q: archived.lastName! });
    expect(JSON.stringify(found)).not.toContain(archived.id);
  });

  it("le responsable (sa plateforme) et le DPO lisent une fiche archivée avec un motif, journalisé comme finalité", async () => {
    const lens = await createPlatform(db, "Lens archives");
    const amiens = await createPlatform(db, "Amiens archives");
    const manager = await principal(db, "PLATFORM_MANAGER", { platformIds: [lens.id] });
    const dpo = await principal(db, "DPO", { allPlatforms: true });
    const here = await createJobSeeker(db, lens.id, { lifecycle: "ARCHIVED" });
    const there = await createJobSeeker(db, amiens.id, { lifecycle: "ARCHIVED" });
    await createJobSeeker(db, lens.id);

    expect((await listArchivedJobSeekers(db, manager, page)).items.map((i) => i.id)).toEqual([here.id]);
    expect((await listArchivedJobSeekers(db, dpo, page)).items.map((i) => i.id).sort()).toEqual([here.id, there.id].sort());

    // No reason, or a token one: refused, nothing read, nothing logged as a reading.
    await expect(readArchivedJobSeeker(db, manager, here.id, undefined)).rejects.toThrow();
    await expect(readArchivedJobSeeker(db, manager, here.id, "   vu  ")).rejects.toThrow();
    expect(await db.auditEvent.count({ where: { action: "jobSeeker.archived.read" } })).toBe(0);

    const record = await readArchivedJobSeeker(db, manager, here.id, "Demande d'accès de la personne reçue par courrier");
    expect(record).toMatchObject({ id: here.id, lastName: here.lastName });
    // Another platform's archive reads as not found (no existence leak).
    await expect(readArchivedJobSeeker(db, manager, there.id, "Vérification d'un retour à l'emploi")).rejects.toThrow(/introuvable/);
    await readArchivedJobSeeker(db, dpo, there.id, "Contrôle du DPO sur la conservation");

    const reads = await db.auditEvent.findMany({ where: { action: "jobSeeker.archived.read" }, orderBy: { id: "asc" } });
    expect(reads.map((r) => [r.actorId, r.entityId, r.reason])).toEqual([
      [manager.id, here.id, "Demande d'accès de la personne reçue par courrier"],
      [dpo.id, there.id, "Contrôle du DPO sur la conservation"],
    ]);
  });

  it("les autres rôles n'y ont pas accès", async () => {
    const lens = await createPlatform(db, "Lens archives");
    const archived = await createJobSeeker(db, lens.id, { lifecycle: "ARCHIVED" });
    for (const role of ["PLATFORM_ASSISTANT", "REGION_REFERENT", "REGION_FINANCE", "ADMIN", "FRANCE_TRAVAIL_REVIEWER"] as const) {
      const user = await principal(db, role, { platformIds: [lens.id], allPlatforms: role === "REGION_REFERENT" || role === "REGION_FINANCE" });
      await expect(listArchivedJobSeekers(db, user, page)).rejects.toThrow();
      await expect(readArchivedJobSeeker(db, user, archived.id, "Un motif assez long pour passer")).rejects.toThrow();
    }
  });
});

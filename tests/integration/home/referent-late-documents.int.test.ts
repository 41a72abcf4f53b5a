// Issue 17: the referent's home lists the documents the platforms of their portfolio owe the Région
// past their deadline (compte rendu financier, convention cadre art. 7.3), each linking to the
// platform's page; another platform's documents are never listed, and no amount is read.
import { beforeEach, describe, expect, it } from "vitest";
import { loadPrincipal } from "@/lib/auth/principal";
import { referentHome } from "@/lib/home/region-home.service";
import { regionDocumentDeadlines } from "@/lib/subsidy/report-deadline.service";
import type { Role } from "@/lib/generated/prisma/enums";
import { createPlatform, createRuleSets, createUser, platformUser } from "@/tests/factories";
import { db, resetDb } from "@/tests/support/db";

const NOW = new Date("2026-12-04T10:00:00Z");
const dec31 = (y: number) => new Date(Date.UTC(y, 11, 31));
let lens: { id: string }, amiens: { id: string }, other: { id: string };

async function user(role: Role, platformIds: string[], allPlatforms = false) {
  return (await loadPrincipal(db, (await createUser(db, { role, platformIds, allPlatforms })).id))!;
}

async function file(platformId: string, year: number, extra: { funder?: "REGION" | "FRANCE_TRAVAIL"; status?: "DRAFT" | "SIGNED" | "CLOSED"; receivedAt?: Date } = {}) {
  await db.subsidyFile.create({
    data: {
      platformId, year, funder: extra.funder ?? "REGION", status: extra.status ?? "SIGNED", awardedCents: 10_000_000n,
      fiscalYearEnd: dec31(year), financialReportReceivedAt: extra.receivedAt ?? null,
    },
  });
}

beforeEach(async () => {
  await resetDb();
  await createRuleSets(db);
  lens = await createPlatform(db, "Lens-Liévin");
  amiens = await createPlatform(db, "Amiénois");
  other = await createPlatform(db, "Calaisis");
  await file(lens.id, 2025); // late since 30/06/2026
  await file(lens.id, 2026); // due 30/06/2027
  await file(amiens.id, 2024, { status: "CLOSED" }); // late since 30/06/2025
  await file(amiens.id, 2025, { receivedAt: new Date("2026-06-12") }); // received
  await file(lens.id, 2024, { funder: "FRANCE_TRAVAIL" }); // goes to France Travail, not the Région
  await file(other.id, 2023, { status: "DRAFT" }); // never awarded: nothing due
  await file(other.id, 2025); // late, outside the scoped referent's portfolio
});

describe("accueil du référent : documents dus à la Région en retard (issue 17)", () => {
  it("liste les comptes rendus financiers en retard de son portefeuille, le plus ancien d'abord, chacun vers la page de la plateforme", async () => {
    const referent = await user("REGION_REFERENT", [lens.id, amiens.id]);
    const home = await referentHome(db, referent, NOW);
    expect(home.documentsUnavailable).toBe(false);
    expect(home.lateDocuments.map((i) => [i.label, i.href, i.detail, i.tone])).toEqual([
      ["Amiénois : compte rendu financier 2024 non transmis", `/plateformes/${amiens.id}#documents-dus`, "attendu le 30/06/2025, en retard de 522 jours", "bad"],
      ["Lens-Liévin : compte rendu financier 2025 non transmis", `/plateformes/${lens.id}#documents-dus`, "attendu le 30/06/2026, en retard de 157 jours", "bad"],
    ]);
    // Another platform's documents are never listed, not even by id.
    expect(JSON.stringify(home)).not.toContain(other.id);
  });

  it("un référent de toutes les plateformes les voit toutes ; la page d'une plateforme hors portefeuille n'en lit rien", async () => {
    const wide = await user("REGION_REFERENT", [], true);
    expect((await referentHome(db, wide, NOW)).lateDocuments.map((i) => i.label)).toEqual([
      "Amiénois : compte rendu financier 2024 non transmis",
      "Calaisis : compte rendu financier 2025 non transmis",
      "Lens-Liévin : compte rendu financier 2025 non transmis",
    ]);
    const scoped = await user("REGION_REFERENT", [lens.id]);
    expect(await regionDocumentDeadlines(db, scoped, [other.id], NOW)).toEqual([]);
    // The platform page's list: dates and states only, no amount, no file id.
    const rows = (await regionDocumentDeadlines(db, scoped, [lens.id], NOW))!;
    expect(rows.map((d) => [d.year, d.state, d.dueAt.toISOString().slice(0, 10)])).toEqual([[2025, "LATE", "2026-06-30"], [2026, "UPCOMING", "2027-06-30"]]);
    expect(Object.keys(rows[0]!).sort()).toEqual(["daysLeft", "dueAt", "kind", "platformId", "receivedAt", "state", "year"]);
  });

  it("n'est lisible que par le référent (reportDeadline.read) ; sans jeu de règles « délais », l'accueil le dit", async () => {
    expect(await regionDocumentDeadlines(db, await platformUser(db, "PLATFORM_ASSISTANT", lens.id), [lens.id], NOW)).toBeNull();
    expect(await regionDocumentDeadlines(db, await user("REGION_FINANCE", [], true), [lens.id], NOW)).toBeNull();
    expect(await regionDocumentDeadlines(db, await user("DPO", [], true), [lens.id], NOW)).toBeNull();
    await db.ruleSet.deleteMany({ where: { kind: "DEADLINES" } });
    const home = await referentHome(db, await user("REGION_REFERENT", [], true), NOW);
    expect(home).toMatchObject({ lateDocuments: [], documentsUnavailable: true });
  });
});

import { beforeEach, describe, expect, it } from "vitest";
import { chefDeFileInputSchema, chefDeFileListQuerySchema } from "@/lib/chefs-de-file/chef-de-file.schema";
import { createChefDeFile, deleteChefDeFile, getChefDeFile, listChefsDeFile, updateChefDeFile } from "@/lib/chefs-de-file/chef-de-file.service";
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from "@/lib/errors";
import { createCompany, createPlatform } from "@/tests/factories";
import { principal } from "@/tests/factories/network";
import { db, resetDb } from "@/tests/support/db";

beforeEach(resetDb);

const input = (extra: Record<string, unknown> = {}) =>
  chefDeFileInputSchema.parse({ firstName: "Claire", lastName: "Lefebvre", jobTitle: "DRH", proEmail: "C.Lefebvre@acme.example", proPhone: "03 21 00 00 00", sector: "BTP", commitments: "Parrainer deux jeunes", since: "2025-09-01", ...extra });
const list = (q: Record<string, unknown> = {}) => chefDeFileListQuerySchema.parse(q);

async function setup() {
  const lens = await createPlatform(db, "Lens");
  const amiens = await createPlatform(db, "Amiens");
  const company = await createCompany(db, lens.id, { name: "Acme BTP" });
  const assistant = await principal(db, "PLATFORM_ASSISTANT", [lens.id]);
  return { lens, amiens, company, assistant };
}

describe("chefs de file métiers", () => {
  it("enregistre un chef de file lié à une entreprise, avec ses participations aux événements", async () => {
    const { lens, company, assistant } = await setup();
    const chef = await createChefDeFile(db, assistant, input({ companyId: company.id }));
    expect(chef).toMatchObject({ lastName: "Lefebvre", proEmail: "c.lefebvre@acme.example", sector: "BTP", active: true, company: { id: company.id, name: "Acme BTP" }, since: "2025-09-01T00:00:00.000Z", version: 1 });
    const event = await db.circuitCourtEvent.create({ data: { platformId: lens.id, title: "Circuit court BTP", date: new Date("2026-02-01T09:00:00Z"), place: "Lens", status: "HELD" } });
    await db.eventChefDeFileParticipation.create({ data: { eventId: event.id, chefDeFileId: chef.id } });
    const detail = await getChefDeFile(db, assistant, chef.id);
    expect(detail.events).toEqual([{ id: event.id, title: "Circuit court BTP", date: "2026-02-01T09:00:00.000Z", kind: "CIRCUIT_COURT", status: "HELD" }]);
    // The read of personal data is logged.
    expect(await db.auditEvent.count({ where: { action: "chefDeFile.viewed", entityId: chef.id, actorId: assistant.id } })).toBe(1);
  });

  it("consigne les modifications sans recopier les données personnelles dans le journal", async () => {
    const { assistant } = await setup();
    const chef = await createChefDeFile(db, assistant, input());
    const updated = await updateChefDeFile(db, assistant, chef.id, { proEmail: "claire@acme.example", sector: "Industrie", active: false, version: chef.version });
    expect(updated).toMatchObject({ proEmail: "claire@acme.example", sector: "Industrie", active: false, version: 2, lastName: "Lefebvre" });
    const audit = await db.auditEvent.findFirstOrThrow({ where: { action: "chefDeFile.updated", entityId: chef.id } });
    expect(audit.metadata).toEqual({
      changes: { proEmail: { from: "[donnée personnelle]", to: "[donnée personnelle]" }, sector: { from: "BTP", to: "Industrie" }, active: { from: true, to: false } },
    });
    expect(JSON.stringify(await db.auditEvent.findMany({ select: { metadata: true } }))).not.toMatch(/lefebvre|acme\.example/i);
  });

  it("répond 409 « modifié entre-temps » sur une version périmée, en modification comme en suppression", async () => {
    const { assistant } = await setup();
    const chef = await createChefDeFile(db, assistant, input());
    await updateChefDeFile(db, assistant, chef.id, { commitments: "Accueillir un circuit court", version: 1 });
    await expect(updateChefDeFile(db, assistant, chef.id, { commitments: "Autre", version: 1 })).rejects.toBeInstanceOf(ConflictError);
    await expect(deleteChefDeFile(db, assistant, chef.id, 1)).rejects.toBeInstanceOf(ConflictError);
    await deleteChefDeFile(db, assistant, chef.id, 2);
    expect(await db.chefDeFile.count()).toBe(0);
    expect(await db.auditEvent.count({ where: { action: "chefDeFile.deleted", entityId: chef.id } })).toBe(1);
  });

  it("cloisonne les plateformes : le chef de file d'une autre plateforme est introuvable", async () => {
    const { amiens, company, assistant } = await setup();
    const chef = await createChefDeFile(db, assistant, input());
    const stranger = await principal(db, "PLATFORM_ASSISTANT", [amiens.id]);
    await expect(getChefDeFile(db, stranger, chef.id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(updateChefDeFile(db, stranger, chef.id, { sector: "x", version: 1 })).rejects.toBeInstanceOf(NotFoundError);
    await expect(deleteChefDeFile(db, stranger, chef.id, 1)).rejects.toBeInstanceOf(NotFoundError);
    expect((await listChefsDeFile(db, stranger, list())).total).toBe(0);
    // Nor can a chef de file be tied to another platform's company.
    await expect(createChefDeFile(db, stranger, input({ companyId: company.id }))).rejects.toBeInstanceOf(ValidationError);
    const finance = await principal(db, "REGION_FINANCE", [], { allPlatforms: true });
    await expect(listChefsDeFile(db, finance, list())).rejects.toBeInstanceOf(ForbiddenError);
  });

  it("filtre par filière, par état et par recherche sur le nom ou l'entreprise", async () => {
    const { company, assistant } = await setup();
    await createChefDeFile(db, assistant, input({ companyId: company.id }));
    await createChefDeFile(db, assistant, input({ lastName: "Martin", firstName: "Paul", sector: "Industrie", active: false, proEmail: "" }));
    expect((await listChefsDeFile(db, assistant, list({ sector: "Industrie" }))).items.map((c) => c.name)).toEqual(["Paul Martin"]);
    expect((await listChefsDeFile(db, assistant, list({ active: "true" }))).items.map((c) => c.name)).toEqual(["Claire Lefebvre"]);
    expect((await listChefsDeFile(db, assistant, list({ q: "acme" }))).items.map((c) => c.companyName)).toEqual(["Acme BTP"]);
    expect((await listChefsDeFile(db, assistant, list({ sort: "-name" }))).items.map((c) => c.name)).toEqual(["Paul Martin", "Claire Lefebvre"]);
    // Each page of names viewed is logged with the records it showed.
    const listed = await db.auditEvent.findMany({ where: { action: "chefDeFile.listed", actorId: assistant.id }, orderBy: { id: "asc" } });
    expect(listed).toHaveLength(4);
    expect((listed[3]!.metadata as { ids: string[] }).ids).toHaveLength(2);
  });
});

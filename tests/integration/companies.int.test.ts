import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { loadCommuneReference } from "@/lib/communes/commune-reference";
import { listCompanies } from "@/lib/companies/company.query";
import { companyListQuerySchema, createCompanySchema, createContactSchema, updateCompanySchema, updateContactSchema } from "@/lib/companies/company.schema";
import { createCompany, createContact, deleteCompany, DuplicateSiretError, updateCompany, updateContact } from "@/lib/companies/company.service";
import { createCompanyNote } from "@/lib/companies/note.service";
import { ConflictError, NotFoundError, UnprocessableError, ValidationError } from "@/lib/errors";
import { createPlatform, platformUser, validSiret } from "@/tests/factories";
import { principal } from "@/tests/factories/network";
import { db, resetDb } from "@/tests/support/db";

beforeAll(() => loadCommuneReference(db));
beforeEach(resetDb);

async function setup() {
  const lens = await createPlatform(db, "Lens-Liévin");
  const amiens = await createPlatform(db, "Amiénois");
  return { lens, amiens, lensUser: await platformUser(db, "PLATFORM_ASSISTANT", lens.id), amiensUser: await platformUser(db, "PLATFORM_ASSISTANT", amiens.id) };
}

const input = (extra: Record<string, unknown> = {}) => createCompanySchema.parse({ siret: validSiret(), name: "Boulangerie Hénin", communeCode: "62498", address: "1 rue de Paris", ...extra });

describe("entreprises", () => {
  it("crée une entreprise sur la plateforme de l'assistante, dérive le SIREN et la commune, et l'audite", async () => {
    const { lens, lensUser } = await setup();
    const c = await createCompany(db, lensUser, input({ nafCode: "10.71C" }));
    expect(c).toMatchObject({ platformId: lens.id, siren: c.siret.slice(0, 9), nafCode: "1071C", communeCode: "62498", city: "Lens", postalCode: "62300", version: 1 });
    expect(await db.auditEvent.count({ where: { action: "company.created", entityId: c.id, actorId: lensUser.id } })).toBe(1);
  });

  it("refuse le même SIRET deux fois sur une plateforme, avec un lien vers l'existante, mais l'accepte sur une autre", async () => {
    const { lensUser, amiensUser } = await setup();
    const siret = validSiret();
    const first = await createCompany(db, lensUser, input({ siret }));
    const err = await createCompany(db, lensUser, input({ siret, name: "Autre nom" })).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DuplicateSiretError);
    expect((err as DuplicateSiretError).fields?.siret?.[0]).toContain(`/entreprises/${first.id}`);
    await expect(createCompany(db, amiensUser, input({ siret }))).resolves.toMatchObject({ siret });
  });

  it("refuse une commune inconnue sans rien écrire", async () => {
    const { lensUser } = await setup();
    await expect(createCompany(db, lensUser, input({ communeCode: "99999" }))).rejects.toBeInstanceOf(ValidationError);
    expect(await db.company.count()).toBe(0);
  });

  it("rejette un SIRET invalide et un NAF mal formé dès la validation, avec des messages en français", () => {
    const r = createCompanySchema.safeParse({ siret: "12345678901234", name: "X", nafCode: "4711" });
    expect(r.success).toBe(false);
    const messages = r.success ? [] : r.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
    expect(messages).toContain("siret: Ce SIRET n'est pas valide (clé de contrôle incorrecte).");
    expect(messages).toContain("nafCode: Code NAF/APE invalide (ex. : 47.11D).");
  });

  it("refuse une modification concurrente (409) et n'écrase rien", async () => {
    const { lensUser } = await setup();
    const c = await createCompany(db, lensUser, input());
    const base = updateCompanySchema.parse({ ...input({ siret: c.siret }), name: "Nom A", version: c.version, numeroVert: false });
    await updateCompany(db, lensUser, c.id, base);
    await expect(updateCompany(db, lensUser, c.id, { ...base, name: "Nom B" })).rejects.toBeInstanceOf(ConflictError);
    const row = await db.company.findUniqueOrThrow({ where: { id: c.id } });
    expect(row).toMatchObject({ name: "Nom A", version: 2 });
    const audit = await db.auditEvent.findFirstOrThrow({ where: { action: "company.updated", entityId: c.id } });
    expect(audit.metadata).toMatchObject({ changes: { name: { from: "Boulangerie Hénin", to: "Nom A" } } });
    expect(Object.keys((audit.metadata as { changes: object }).changes)).toEqual(["name"]);
  });

  it("répond « introuvable » pour l'entreprise d'une autre plateforme, en lecture comme en écriture", async () => {
    const { lensUser, amiensUser } = await setup();
    const c = await createCompany(db, lensUser, input());
    const upd = updateCompanySchema.parse({ ...input({ siret: c.siret }), version: 1 });
    await expect(updateCompany(db, amiensUser, c.id, upd)).rejects.toBeInstanceOf(NotFoundError);
    await expect(deleteCompany(db, amiensUser, c.id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(createContact(db, amiensUser, c.id, createContactSchema.parse({ lastName: "Martin" }))).rejects.toBeInstanceOf(NotFoundError);
    const list = await listCompanies(db, amiensUser, companyListQuerySchema.parse({}));
    expect(list.total).toBe(0);
  });

  it("cherche sans tenir compte des accents ni de la casse, par nom, commune ou SIRET", async () => {
    const { lensUser } = await setup();
    const c = await createCompany(db, lensUser, input({ name: "Pâtisserie Éloïse" }));
    await createCompany(db, lensUser, input({ name: "Garage du Centre", communeCode: "62510" }));
    const search = async (q: string) => (await listCompanies(db, lensUser, companyListQuerySchema.parse({ q }))).items.map((i) => i.name);
    expect(await search("patisserie eloise")).toEqual(["Pâtisserie Éloïse"]);
    expect(await search("PÂTISSERIE")).toEqual(["Pâtisserie Éloïse"]);
    expect(await search("lievin")).toEqual(["Garage du Centre"]);
    expect(await search(c.siret.slice(0, 9))).toEqual(["Pâtisserie Éloïse"]);
  });

  it("filtre sur les offres ouvertes et l'absence de contact", async () => {
    const { lensUser } = await setup();
    const a = await createCompany(db, lensUser, input({ name: "A" }));
    await createCompany(db, lensUser, input({ name: "B" }));
    await createCompanyNote(db, lensUser, a.id, { kind: "APPEL", at: new Date(), summary: "Appel" });
    const names = async (q: Record<string, string>) => (await listCompanies(db, lensUser, companyListQuerySchema.parse(q))).items.map((i) => i.name);
    expect(await names({ noContactMonths: "0" })).toEqual(["B"]);
    expect(await names({ hasOpenOffers: "true" })).toEqual([]);
    expect(await names({ hasOpenOffers: "false" })).toEqual(["A", "B"]);
  });

  it("nomme la plateforme de chaque entreprise, même inactive pour un compte régional (noms lus avec le compte, sinon en base)", async () => {
    const { lens, amiens, lensUser, amiensUser } = await setup();
    await createCompany(db, lensUser, input({ name: "A Lens" }));
    await createCompany(db, amiensUser, input({ name: "B Amiens" }));
    await db.platform.update({ where: { id: amiens.id }, data: { active: false } });
    const referent = await principal(db, "REGION_REFERENT", [], { allPlatforms: true });
    expect(referent.platformIds).toEqual([lens.id]);
    const rows = (await listCompanies(db, referent, companyListQuerySchema.parse({}))).items.map((i) => [i.name, i.platform]);
    expect(rows).toEqual([["A Lens", "Lens-Liévin"], ["B Amiens", "Amiénois"]]);
    expect((await listCompanies(db, lensUser, companyListQuerySchema.parse({}))).items.map((i) => i.platform)).toEqual(["Lens-Liévin"]);
  });

  it("ne supprime pas une entreprise qui a un historique", async () => {
    const { lensUser } = await setup();
    const c = await createCompany(db, lensUser, input());
    await createCompanyNote(db, lensUser, c.id, { kind: "NOTE", at: new Date(), summary: "Rencontre au salon" });
    await expect(deleteCompany(db, lensUser, c.id)).rejects.toBeInstanceOf(UnprocessableError);
    const empty = await createCompany(db, lensUser, input());
    await deleteCompany(db, lensUser, empty.id);
    expect(await db.company.count({ where: { id: empty.id } })).toBe(0);
  });
});

describe("contacts et dernier contact", () => {
  it("un échange fixe la date de dernier contact de l'entreprise et de ses contacts", async () => {
    const { lensUser } = await setup();
    const c = await createCompany(db, lensUser, input());
    const contact = await createContact(db, lensUser, c.id, createContactSchema.parse({ lastName: "Durand", proEmail: "r.durand@boulangerie.fr", proPhone: "03 21 00 00 00" }));
    const at = new Date("2026-10-01T09:00:00Z");
    await createCompanyNote(db, lensUser, c.id, { kind: "APPEL", at, summary: "Besoin de 2 vendeurs" });
    expect((await db.company.findUniqueOrThrow({ where: { id: c.id } })).lastContactAt).toEqual(at);
    expect((await db.companyContact.findUniqueOrThrow({ where: { id: contact.id } })).lastContactAt).toEqual(at);
  });

  it("refuse un échange daté dans le futur", async () => {
    const { lensUser } = await setup();
    const c = await createCompany(db, lensUser, input());
    await expect(createCompanyNote(db, lensUser, c.id, { kind: "APPEL", at: new Date(Date.now() + 3 * 86_400_000), summary: "x" })).rejects.toBeInstanceOf(ValidationError);
  });

  it("modifie un contact avec verrou optimiste et n'inscrit au journal que les champs changés, pas leurs valeurs", async () => {
    const { lensUser } = await setup();
    const c = await createCompany(db, lensUser, input());
    const contact = await createContact(db, lensUser, c.id, createContactSchema.parse({ lastName: "Durand" }));
    await updateContact(db, lensUser, c.id, contact.id, updateContactSchema.parse({ lastName: "Durand-Petit", version: 1 }));
    await expect(updateContact(db, lensUser, c.id, contact.id, updateContactSchema.parse({ lastName: "Autre", version: 1 }))).rejects.toBeInstanceOf(ConflictError);
    const audit = await db.auditEvent.findFirstOrThrow({ where: { action: "contact.updated" } });
    expect(audit.metadata).toEqual({ companyId: c.id, fields: ["lastName"] });
    expect(JSON.stringify({ ...audit, id: audit.id.toString() })).not.toContain("Durand-Petit");
  });
});

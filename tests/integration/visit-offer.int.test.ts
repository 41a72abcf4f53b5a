// Issue 14 §2–§3 — reference data for the pickers (ROME with appellations, NAF, communes) and the
// visit in a few keystrokes: optional hour, « Visite + offre » saved in ONE transaction.
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { loadCommuneReference } from "@/lib/communes/commune-reference";
import { createCompanySchema } from "@/lib/companies/company.schema";
import { createCompany } from "@/lib/companies/company.service";
import { ValidationError } from "@/lib/errors";
import { searchCompanyOptions } from "@/lib/reference/company-picker";
import { loadJobReferences, ROME_SOURCE } from "@/lib/reference/reference-data";
import { communeLabels, nafLabel, romeLabels, searchCommunes, searchNaf, searchRome } from "@/lib/reference/reference.query";
import { formatVisitHour, formatVisitWhen, visitFormValues } from "@/lib/visits/visit.rules";
import { createVisitSchema } from "@/lib/visits/visit.schema";
import { createVisit, lastVisitPurpose } from "@/lib/visits/visit.service";
import { createPlatform, createRuleSets, platformUser, validSiret } from "@/tests/factories";
import { db, resetDb } from "@/tests/support/db";

beforeAll(async () => {
  await loadCommuneReference(db);
  await loadJobReferences(db);
}, 300_000);
beforeEach(async () => {
  await resetDb();
  await createRuleSets(db);
});

describe("référentiels ROME, NAF et communes", () => {
  it("sont chargés une fois, avec leur source et leur version", async () => {
    expect(await loadJobReferences(db)).toEqual({ rome: 0, naf: 0 });
    const sets = await db.referenceDataset.findMany({ orderBy: { name: "asc" } });
    expect(sets.map((s) => [s.name, s.version])).toEqual([["naf", "NAF rév. 2 (2008)"], ["rome", ROME_SOURCE.version]]);
    expect(await db.romeCode.count()).toBe(532);
    expect(await db.romeAppellation.count()).toBeGreaterThan(10_000);
    expect(await db.nafCode.count()).toBe(732);
  });

  it("ROME : « soudeur » trouve H2913 par l'appellation ; le code et les mots du libellé aussi", async () => {
    const soudeur = await searchRome(db, "soudeur");
    expect(soudeur[0]).toMatchObject({ value: "H2913", label: "H2913 — Soudage manuel" });
    expect(soudeur[0]!.description).toMatch(/^Soudeur/);
    expect((await searchRome(db, "h2913")).map((o) => o.value)).toEqual(["H2913"]);
    expect((await searchRome(db, "soudage manuel")).map((o) => o.value)).toContain("H2913");
    expect((await searchRome(db, "preparateur commandes")).map((o) => o.value)).toContain("N1103");
    expect(await searchRome(db, "")).toEqual([]);
    expect((await romeLabels(db, ["H2913", "Z9999"])).get("H2913")).toBe("H2913 — Soudage manuel");
  });

  it("NAF : par code (avec ou sans point) ou par mots ; affichage « 47.11D — … »", async () => {
    expect((await searchNaf(db, "47.11D"))[0]!.label).toMatch(/^47\.11D — Supermarchés/);
    expect((await searchNaf(db, "4711")).map((o) => o.value)).toContain("4711D");
    expect((await searchNaf(db, "supermarches")).map((o) => o.value)).toContain("4711D");
    expect(await nafLabel(db, "4711D")).toMatch(/^47\.11D — /);
  });

  it("communes : par nom sans accent ni tiret, ou par code postal ; la valeur est le code INSEE", async () => {
    const lievin = await searchCommunes(db, "lievin");
    expect(lievin[0]).toMatchObject({ value: "62510", label: "Liévin (62800)" });
    expect((await searchCommunes(db, "62800")).map((o) => o.label)).toContain("Liévin (62800)");
    expect((await searchCommunes(db, "henin beaumont"))[0]!.value).toBe("62427");
    expect((await communeLabels(db, ["62510"])).get("62510")).toBe("Liévin (62800)");
  });

  it("entreprises : par nom, SIRET ou commune, dans le périmètre de l'utilisateur seulement", async () => {
    const lens = await createPlatform(db, "Lens-Liévin");
    const amiens = await createPlatform(db, "Amiénois");
    const user = await platformUser(db, "PLATFORM_ASSISTANT", lens.id);
    const other = await platformUser(db, "PLATFORM_ASSISTANT", amiens.id);
    const siret = validSiret();
    await createCompany(db, user, createCompanySchema.parse({ siret, name: "Soudures de l'Artois", communeCode: "62510" }));
    await createCompany(db, other, createCompanySchema.parse({ siret: validSiret(), name: "Soudures de Picardie" }));
    const byName = await searchCompanyOptions(db, user, "soudures");
    expect(byName.map((o) => o.label)).toEqual(["Soudures de l'Artois"]);
    expect(byName[0]!.description).toContain("Liévin");
    expect((await searchCompanyOptions(db, user, siret)).map((o) => o.label)).toEqual(["Soudures de l'Artois"]);
  });
});

describe("visite : heure facultative et « Visite + offre » en une transaction", () => {
  async function setup() {
    const lens = await createPlatform(db, "Lens-Liévin");
    const user = await platformUser(db, "PLATFORM_ASSISTANT", lens.id);
    const company = await createCompany(db, user, createCompanySchema.parse({ siret: validSiret(), name: "Métallerie du Bassin", communeCode: "62510" }));
    return { user, company };
  }

  it("une visite sans heure est « dans la journée » ; avec heure, l'heure de Paris est gardée", async () => {
    const { user, company } = await setup();
    const dayOnly = await createVisit(db, user, createVisitSchema.parse({ companyId: company.id, date: "2026-12-03", purpose: "Point recrutement", staffIds: [user.id] }));
    expect(dayOnly.timeSet).toBe(false);
    expect(formatVisitWhen(dayOnly.date, dayOnly.timeSet)).toBe("03/12/2026, dans la journée");
    expect(formatVisitHour(dayOnly.date, dayOnly.timeSet)).toBe("dans la journée");
    const timed = await createVisit(db, user, createVisitSchema.parse({ companyId: company.id, date: "2026-07-03", time: "14:30", purpose: "Visite d'atelier", staffIds: [user.id] }));
    expect(timed).toMatchObject({ timeSet: true, date: "2026-07-03T12:30:00.000Z" });
    expect(formatVisitWhen(timed.date, true)).toBe("03/07/2026 à 14:30");
    expect(visitFormValues(timed.date, true)).toEqual({ date: "2026-07-03", time: "14:30" });
    expect(await lastVisitPurpose(db, user)).toBe("Visite d'atelier");
  });

  it("enregistre la visite et son offre ensemble, l'offre rattachée à la visite", async () => {
    const { user, company } = await setup();
    const visit = await createVisit(db, user, createVisitSchema.parse({
      companyId: company.id, date: "2026-12-03", purpose: "Point recrutement", staffIds: [user.id],
      offer: { title: "Soudeur MIG", romeCode: "H2913", contractType: "CDI", positions: "2", hiddenMarket: true, source: "VISITE", receivedAt: "2026-12-03", communeCode: "62510" },
    }), new Date("2026-12-03T15:00:00Z"));
    expect(visit.offers).toEqual([expect.objectContaining({ title: "Soudeur MIG", status: "OPEN" })]);
    const offer = await db.jobOffer.findFirstOrThrow({ where: { visitId: visit.id } });
    expect(offer).toMatchObject({ companyId: company.id, romeCode: "H2913", hiddenMarket: true, positions: 2 });
    expect(await db.auditEvent.count({ where: { action: { in: ["visit.created", "offer.created"] } } })).toBe(2);
  });

  it("une offre refusée n'enregistre pas la visite non plus (rien à moitié), l'erreur désigne le champ de l'offre", async () => {
    const { user, company } = await setup();
    const before = { visits: await db.visit.count(), offers: await db.jobOffer.count(), audit: await db.auditEvent.count(), contact: (await db.company.findUniqueOrThrow({ where: { id: company.id } })).lastContactAt };
    // Valid for zod, refused inside the transaction (after the visit row is written): an unknown commune.
    const input = createVisitSchema.parse({
      companyId: company.id, date: "2026-12-03", purpose: "Point recrutement", staffIds: [user.id], followUps: [{ label: "Envoyer des CV", dueAt: "2026-12-10" }],
      offer: { title: "Soudeur MIG", contractType: "CDI", positions: "1", source: "VISITE", receivedAt: "2026-12-03", communeCode: "99999" },
    });
    const err = await createVisit(db, user, input, new Date("2026-12-03T15:00:00Z")).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ValidationError);
    expect(Object.keys((err as ValidationError).fields ?? {})).toEqual(["offer.communeCode"]);
    expect(await db.visit.count()).toBe(before.visits);
    expect(await db.followUpAction.count()).toBe(0);
    expect(await db.jobOffer.count()).toBe(before.offers);
    expect(await db.auditEvent.count()).toBe(before.audit);
    expect((await db.company.findUniqueOrThrow({ where: { id: company.id } })).lastContactAt).toEqual(before.contact);
  });

  it("le schéma refuse une offre incohérente avant toute écriture (CDD sans durée), sur le champ de l'offre", () => {
    const r = createVisitSchema.safeParse({ companyId: "00000000-0000-4000-8000-000000000000", date: "2026-12-03", purpose: "x", staffIds: ["00000000-0000-4000-8000-000000000001"], offer: { title: "Soudeur", contractType: "CDD", positions: "1", source: "VISITE", receivedAt: "2026-12-03" } });
    expect(r.success).toBe(false);
    expect(r.error!.issues.map((i) => i.path.join("."))).toEqual(["offer.contractDurationMonths"]);
  });
});

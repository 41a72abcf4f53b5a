// Issue 23: the public intake, on a real PostgreSQL — routing by commune, outside-perimeter refusal,
// company matched by SIRET, rate limits, honeypot, staff conversion, isolation, retention, bilans.
import { beforeEach, describe, expect, it } from "vitest";
import { ForbiddenError, NotFoundError, TooManyRequestsError, ValidationError } from "@/lib/errors";
import { computeFigures } from "@/lib/indicators/compute";
import { companyIntakeSchema, personIntakeSchema } from "@/lib/intake/intake.schema";
import { submitCompanyRequest, submitPersonRequest } from "@/lib/intake/intake.service";
import { convertCompanyRequest, convertPersonRequest, discardIntakeRequest, getIntakeRequest } from "@/lib/intake/intake-staff.service";
import { myDay } from "@/lib/home/my-day.service";
import { loadPrincipal } from "@/lib/auth/principal";
import { env } from "@/lib/env";
import { registerLoaded, searchPublicRegister } from "@/lib/intake/register-search.service";
import { searchSubjects } from "@/lib/rights/rights.service";
import { seedDemo } from "@/prisma/seed/demo";
import { runRetention } from "@/lib/retention/retention.service";
import { createPlatform, validSiret } from "@/tests/factories";
import { createRuleSets, principal } from "@/tests/factories/network";
import { db, resetDb } from "@/tests/support/db";

const now = new Date("2026-03-10T10:00:00Z");
let ipCounter = 0;
/** A fresh client address per request unless a test wants the same one. */
const ip = () => `192.0.2.${++ipCounter % 250}`;

beforeEach(async () => {
  await resetDb();
  await createRuleSets(db);
  await db.commune.createMany({
    data: [
      { inseeCode: "62498", name: "Lens", postalCodes: ["62300"], departmentCode: "62", population: 31_000 },
      { inseeCode: "62510", name: "Liévin", postalCodes: ["62800"], departmentCode: "62", population: 30_000 },
      { inseeCode: "80021", name: "Amiens", postalCodes: ["80000"], departmentCode: "80", population: 133_000 },
      { inseeCode: "59350", name: "Lille", postalCodes: ["59000"], departmentCode: "59", population: 236_000 },
    ],
    // The INSEE reference survives resetDb when it is loaded.
    skipDuplicates: true,
  });
});

async function setup() {
  const lens = await createPlatform(db, "Lens-Liévin");
  const amiens = await createPlatform(db, "Amiens");
  await db.platform.update({ where: { id: lens.id }, data: { perimeterInseeCodes: ["62498", "62510"] } });
  await db.platform.update({ where: { id: amiens.id }, data: { perimeterInseeCodes: ["80021"] } });
  const lensAssistant = await principal(db, "PLATFORM_ASSISTANT", [lens.id]);
  const amiensAssistant = await principal(db, "PLATFORM_ASSISTANT", [amiens.id]);
  return { lens, amiens, lensAssistant, amiensAssistant };
}

const company = (over: Record<string, unknown> = {}) =>
  companyIntakeSchema.parse({
    siret: over.siret ?? validSiret(), companyName: "Transports Delattre", communeCode: "62510", lastName: "Delattre", firstName: "Anne", role: "Gérante",
    email: "anne.delattre@transports-delattre.fr", phone: "06 12 34 56 78", need: "Deux chauffeurs poids lourd en CDI", preferredSlot: "MATIN", siteWeb: "", ...over,
  });
const person = (over: Record<string, unknown> = {}) =>
  personIntakeSchema.parse({ firstName: "Karim", lastName: "Benali", communeCode: "80021", email: "", phone: "07 11 22 33 44", need: "Un emploi de magasinier", preferredSlot: "APRES_MIDI", siteWeb: "", ...over });

describe("formulaire public : orientation par commune", () => {
  it("oriente chaque demande vers la plateforme dont le périmètre contient la commune", async () => {
    const { lens, amiens } = await setup();
    expect(await submitCompanyRequest(db, company({ communeCode: "62510" }), ip(), now)).toEqual({ status: "RECEIVED" });
    expect(await submitCompanyRequest(db, company({ communeCode: "80021" }), ip(), now)).toEqual({ status: "RECEIVED" });
    expect(await submitPersonRequest(db, person({ communeCode: "62498" }), ip(), now)).toEqual({ status: "RECEIVED" });
    expect(await submitPersonRequest(db, person({ communeCode: "80021", phone: "07 99 88 77 66" }), ip(), now)).toEqual({ status: "RECEIVED" });
    const rows = await db.intakeRequest.findMany({ select: { platformId: true, kind: true, communeName: true }, orderBy: [{ kind: "asc" }, { communeName: "asc" }] });
    expect(rows).toEqual([
      { platformId: amiens.id, kind: "ENTREPRISE", communeName: "Amiens" },
      { platformId: lens.id, kind: "ENTREPRISE", communeName: "Liévin" },
      { platformId: amiens.id, kind: "PERSONNE", communeName: "Amiens" },
      { platformId: lens.id, kind: "PERSONNE", communeName: "Lens" },
    ]);
    // The company requests became callbacks « formulaire en ligne » of their platform.
    const callbacks = await db.numeroVertCallback.findMany({ select: { platformId: true, origin: true, dueAt: true } });
    expect(callbacks.map((c) => [c.platformId, c.origin]).sort()).toEqual([[amiens.id, "FORMULAIRE_EN_LIGNE"], [lens.id, "FORMULAIRE_EN_LIGNE"]].sort());
    expect(callbacks[0]!.dueAt).toEqual(new Date("2026-03-12T10:00:00Z"));
    // Nothing entered the job-seeker base or the company contacts without staff.
    expect(await db.jobSeeker.count()).toBe(0);
    expect(await db.companyContact.count()).toBe(0);
    // The acknowledgement e-mail reveals nothing stored.
    const mail = await db.outboxEmail.findFirstOrThrow({ where: { to: "anne.delattre@transports-delattre.fr" } });
    for (const secret of ["Delattre", "Anne", "Liévin", "chauffeurs", "Lens"]) expect(mail.text).not.toContain(secret);
    // The audit trail has the receipt, without personal data.
    const audit = await db.auditEvent.findFirstOrThrow({ where: { action: "intake.received" } });
    expect(JSON.stringify(audit.metadata)).not.toContain("Delattre");
  });

  it("hors de tout périmètre : message avec le numéro vert régional, rien n'est enregistré", async () => {
    await setup();
    const out = await submitPersonRequest(db, person({ communeCode: "59350" }), ip(), now);
    expect(out).toEqual({ status: "OUTSIDE", numeroVert: "0 800 02 60 80" });
    const outCompany = await submitCompanyRequest(db, company({ communeCode: "59350" }), ip(), now);
    expect(outCompany.status).toBe("OUTSIDE");
    expect(await db.intakeRequest.count()).toBe(0);
    expect(await db.company.count()).toBe(0);
    expect(await db.numeroVertCallback.count()).toBe(0);
    expect(await db.outboxEmail.count()).toBe(0);
  });

  it("refuse une commune inconnue du référentiel avec une erreur de champ", async () => {
    await setup();
    await expect(submitPersonRequest(db, person({ communeCode: "99999" }), ip(), now)).rejects.toBeInstanceOf(ValidationError);
  });
});

describe("formulaire public : entreprise existante, robots, limites", () => {
  it("retrouve l'entreprise par son SIRET au lieu d'en créer une seconde, et nomme une nouvelle entreprise d'après le répertoire", async () => {
    const { lens } = await setup();
    const siret = validSiret();
    await submitCompanyRequest(db, company({ siret, companyName: "Delattre" }), ip(), now);
    await submitCompanyRequest(db, company({ siret, companyName: "Transports Delattre SARL", email: "rh@delattre.fr" }), ip(), now);
    const companies = await db.company.findMany({ where: { siret } });
    expect(companies).toHaveLength(1);
    expect(companies[0]!.platformId).toBe(lens.id);
    const requests = await db.intakeRequest.findMany({ where: { siret }, select: { companyId: true, callbackId: true }, orderBy: { createdAt: "asc" } });
    expect(requests.map((r) => r.companyId)).toEqual([companies[0]!.id, companies[0]!.id]);
    // One open callback per company: the second request joins it.
    expect(await db.numeroVertCallback.count({ where: { companyId: companies[0]!.id } })).toBe(1);

    // The register's name wins for a company unknown to the platform.
    const regSiret = validSiret();
    const imp = await db.sireneImport.create({ data: { fileName: "test.csv", fileSize: 1n, fileFingerprint: "x", status: "DONE" } });
    await db.sireneEstablishment.create({ data: { siret: regSiret, siren: regSiret.slice(0, 9), name: "DELATTRE LOGISTIQUE", active: true, inseeCode: "62510", city: "LIEVIN", nafCode: "49.41A", importId: imp.id } });
    await submitCompanyRequest(db, company({ siret: regSiret, companyName: "delattre" }), ip(), now);
    expect((await db.company.findFirstOrThrow({ where: { siret: regSiret } })).name).toBe("DELATTRE LOGISTIQUE");
  });

  it("un robot qui remplit le champ caché reçoit la même réponse et rien n'est enregistré", async () => {
    await setup();
    expect(await submitPersonRequest(db, person({ siteWeb: "http://spam.example" }), ip(), now)).toEqual({ status: "RECEIVED" });
    expect(await db.intakeRequest.count()).toBe(0);
  });

  it("limite le nombre de demandes par adresse de contact et par adresse IP (jeu de règles)", async () => {
    await setup();
    // Per contact address: 3 per hour (OPERATIONS v1), whatever the client address.
    for (let i = 0; i < 3; i++) await submitPersonRequest(db, person(), ip(), now);
    await expect(submitPersonRequest(db, person(), ip(), now)).rejects.toBeInstanceOf(TooManyRequestsError);
    // Per client address: 10 per hour, whatever the contact.
    const same = "198.51.100.7";
    for (let i = 0; i < 10; i++) await submitPersonRequest(db, person({ phone: `06 00 00 00 ${String(10 + i)}` }), same, now);
    await expect(submitPersonRequest(db, person({ phone: "06 00 00 00 99" }), same, now)).rejects.toBeInstanceOf(TooManyRequestsError);
    expect(await db.intakeRequest.count()).toBe(13);
    // The window passes: accepted again.
    const later = new Date(now.getTime() + 61 * 60_000);
    expect(await submitPersonRequest(db, person({ phone: "06 00 00 00 99" }), same, later)).toEqual({ status: "RECEIVED" });
    // The throttle keeps no contact address in clear.
    const keys = (await db.loginThrottle.findMany({ select: { key: true } })).map((k) => k.key).join(" ");
    expect(keys).not.toContain("07 11 22 33 44");
    expect(keys).not.toContain("0711223344");
  });

  it("refuse le balisage HTML et les textes trop longs", () => {
    expect(personIntakeSchema.safeParse({ ...person(), need: "<script>alert(1)</script>" }).success).toBe(false);
    expect(personIntakeSchema.safeParse({ ...person(), need: "x".repeat(1001) }).success).toBe(false);
    expect(personIntakeSchema.safeParse({ ...person(), phone: "", email: "" }).success).toBe(false);
  });
});

describe("traitement par la plateforme", () => {
  it("l'assistante de Lens voit la demande en tête de « Ma journée », la lit (journalisé) et l'enregistre ; Amiens ne la voit pas", async () => {
    const { lensAssistant, amiensAssistant } = await setup();
    await submitCompanyRequest(db, company(), ip(), now);
    const day = await myDay(db, lensAssistant, now);
    expect(day.intake.total).toBe(1);
    expect(day.intake.items[0]!.title).toBe("Entreprise : Transports Delattre");
    expect(JSON.stringify(day.intake)).not.toContain("Anne");
    expect((await myDay(db, amiensAssistant, now)).intake.total).toBe(0);

    const id = day.intake.items[0]!.id;
    await expect(getIntakeRequest(db, amiensAssistant, id)).rejects.toBeInstanceOf(NotFoundError);
    const detail = await getIntakeRequest(db, lensAssistant, id);
    expect(detail).toMatchObject({ lastName: "Delattre", phone: "06 12 34 56 78", status: "A_TRAITER" });
    expect(await db.auditEvent.count({ where: { action: "intake.viewed", entityId: id, actorId: lensAssistant.id } })).toBe(1);

    await expect(convertCompanyRequest(db, amiensAssistant, id, { version: detail.version }, now)).rejects.toBeInstanceOf(NotFoundError);
    const { contactId } = await convertCompanyRequest(db, lensAssistant, id, { version: detail.version }, now);
    expect(await db.companyContact.findUniqueOrThrow({ where: { id: contactId } })).toMatchObject({ lastName: "Delattre", firstName: "Anne", jobTitle: "Gérante", proPhone: "06 12 34 56 78" });
    const after = await db.intakeRequest.findUniqueOrThrow({ where: { id } });
    expect(after).toMatchObject({ status: "CONVERTIE", lastName: null, email: null, phone: null, need: null, contactId });
    expect((await myDay(db, lensAssistant, now)).intake.total).toBe(0);
  });

  it("convertit la demande d'une personne en fiche demandeur au premier appel (notice donnée), ou l'écarte", async () => {
    const { amiensAssistant } = await setup();
    await submitPersonRequest(db, person(), ip(), now);
    await submitPersonRequest(db, person({ firstName: "Julie", lastName: "Caron", phone: "06 55 44 33 22" }), ip(), now);
    const [first, second] = await db.intakeRequest.findMany({ orderBy: { createdAt: "asc" } });
    const r = await convertPersonRequest(db, amiensAssistant, first!.id, { birthDate: "1990-04-02", informedChannel: "TELEPHONE", noticeGiven: true, version: 1 }, now);
    expect(r.status).toBe("CREATED");
    const seeker = await db.jobSeeker.findUniqueOrThrow({ where: { id: (r as { id: string }).id } });
    expect(seeker).toMatchObject({ lastName: "Benali", firstName: "Karim", origin: "FORMULAIRE_EN_LIGNE", informedChannel: "TELEPHONE", informedAt: now, inseeCode: "80021", createdById: amiensAssistant.id });
    expect(await db.intakeRequest.findUniqueOrThrow({ where: { id: first!.id } })).toMatchObject({ status: "CONVERTIE", jobSeekerId: seeker.id, lastName: null });

    await discardIntakeRequest(db, amiensAssistant, second!.id, { reason: "Personne déjà suivie", version: 1 }, now);
    expect(await db.intakeRequest.findUniqueOrThrow({ where: { id: second!.id } })).toMatchObject({ status: "ECARTEE", lastName: null, phone: null });
    expect(await db.jobSeeker.count()).toBe(1);
  });

  it("aucun rôle hors de la plateforme d'orientation ne lit les données du formulaire", async () => {
    const { lens } = await setup();
    await submitPersonRequest(db, person({ communeCode: "62498" }), ip(), now);
    const id = (await db.intakeRequest.findFirstOrThrow()).id;
    const outsiders = [
      await principal(db, "REGION_REFERENT", [], { allPlatforms: true }),
      await principal(db, "REGION_REFERENT", [lens.id]),
      await principal(db, "REGION_FINANCE", [], { allPlatforms: true }),
      await principal(db, "DPO", [], { allPlatforms: true }),
      await principal(db, "ADMIN", []),
      await principal(db, "FRANCE_TRAVAIL_REVIEWER", []),
    ];
    for (const u of outsiders) {
      await expect(getIntakeRequest(db, u, id)).rejects.toBeInstanceOf(ForbiddenError);
      expect((await myDay(db, u, now)).intake.total).toBe(0);
    }
    const manager = await principal(db, "PLATFORM_MANAGER", [lens.id]);
    expect((await getIntakeRequest(db, manager, id)).firstName).toBe("Karim");
  });
});

describe("conservation et bilans", () => {
  it("la conservation efface les demandes non traitées après la durée du jeu de règles, pas les autres, et les volumes restent", async () => {
    const { amiens, amiensAssistant } = await setup();
    const sent = new Date("2026-01-15T10:00:00Z");
    await submitPersonRequest(db, person(), ip(), sent);
    await submitPersonRequest(db, person({ firstName: "Julie", lastName: "Caron", phone: "06 55 44 33 22" }), ip(), sent);
    await submitCompanyRequest(db, company({ communeCode: "80021" }), ip(), sent);
    const kept = (await db.intakeRequest.findFirstOrThrow({ where: { firstName: "Julie" } })).id;
    await discardIntakeRequest(db, amiensAssistant, kept, { reason: "Doublon", version: 1 }, sent);

    // 3 months (RETENTION v1): still kept on 14 April, wiped on 15 April (Paris calendar).
    const dayBefore = await runRetention(db, { dryRun: false, now: new Date("2026-04-14T10:00:00Z") });
    expect(dayBefore.counts["intakeRequest.expire"]).toBe(0);
    const dry = await runRetention(db, { dryRun: true, now: new Date("2026-04-15T10:00:00Z") });
    expect(dry.counts["intakeRequest.expire"]).toBe(2);
    expect(await db.intakeRequest.count({ where: { status: "A_TRAITER" } })).toBe(2);
    const run = await runRetention(db, { dryRun: false, now: new Date("2026-04-15T10:00:00Z") });
    expect(run.counts["intakeRequest.expire"]).toBe(2);
    const rows = await db.intakeRequest.findMany({ where: { status: "EXPIREE" } });
    expect(rows).toHaveLength(2);
    for (const r of rows) expect(r).toMatchObject({ firstName: null, lastName: null, email: null, phone: null, need: null });
    expect(await db.auditEvent.count({ where: { action: "retention.intakeRequest.expire" } })).toBe(2);
    // Idempotent.
    expect((await runRetention(db, { dryRun: false, now: new Date("2026-04-16T10:00:00Z") })).counts["intakeRequest.expire"]).toBe(0);

    // The bilan still counts January's requests by source.
    const figures = (await computeFigures(db, [amiens.id], "2026-01", "2026-01")).get(amiens.id)!.get("2026-01")!;
    expect(figures).toMatchObject({ intakeOnlinePersons: 2, intakeOnlineCompanies: 1, intakeNumeroVert: 0 });
  });
});

describe("formulaire public : recherche de l'entreprise dans le répertoire SIRENE", () => {
  const importId = "00000000-0000-4000-8000-0000000000a1";
  async function register() {
    await db.sireneImport.create({ data: { id: importId, fileName: "test.csv", fileSize: 1n, fileFingerprint: "t", status: "DONE", finishedAt: now } });
    const row = (siret: string, name: string, over: Record<string, unknown> = {}) =>
      ({ siret, siren: siret.slice(0, 9), name, nafCode: "4941A", headcountCode: "03", active: true, addressLine: "12 RUE DES MINEURS", postalCode: "62800", city: "LIEVIN", inseeCode: "62510", importId, ...over });
    const [delattre, closed, soleTrader, amiens] = [validSiret(), validSiret(), validSiret(), validSiret()];
    await db.sireneEstablishment.createMany({
      data: [
        row(delattre, "TRANSPORTS DELATTRE", { legalName: "DELATTRE ET FILS" }),
        row(closed, "TRANSPORTS FERMÉS", { active: false }),
        row(soleTrader, "MARTIN JEANNE TRANSPORTS", { individualEntrepreneur: true }),
        row(amiens, "TRANSPORTS D'AMIENS", { inseeCode: "80021", postalCode: "80000", city: "AMIENS" }),
      ],
    });
    return { delattre, closed, soleTrader, amiens };
  }

  it("cherche par nom (sans accents ni casse) ou par SIRET, et ne rend que le nom, la commune et le SIRET du répertoire", async () => {
    const { lens } = await setup();
    expect(await registerLoaded(db)).toBe(false);
    const s = await register();
    expect(await registerLoaded(db)).toBe(true);
    // One of our own companies with that SIRET: the answer must not reveal it (nor its name).
    await db.company.create({ data: { platformId: lens.id, siret: s.delattre, siren: s.delattre.slice(0, 9), name: "Delattre (suivie par Lens, note interne)" } });

    const found = await searchPublicRegister(db, "delattre liévin", ip(), now);
    expect(found).toEqual([]); // « liévin » is not in the name: words are searched in the name only
    const byName = await searchPublicRegister(db, "transports delattre", ip(), now);
    expect(byName).toEqual([
      { value: s.delattre, label: "TRANSPORTS DELATTRE", description: `SIRET ${s.delattre} · Liévin (62800)`, siret: s.delattre, name: "TRANSPORTS DELATTRE", communeCode: "62510", communeLabel: "Liévin (62800)" },
    ]);
    expect(JSON.stringify(byName)).not.toContain("suivie");
    // By the legal unit's name too, and by SIRET (or SIREN).
    expect((await searchPublicRegister(db, "Delattre et fils", ip(), now)).map((e) => e.siret)).toEqual([s.delattre]);
    expect((await searchPublicRegister(db, s.delattre, ip(), now)).map((e) => e.siret)).toEqual([s.delattre]);
    expect((await searchPublicRegister(db, s.amiens.slice(0, 9), ip(), now)).map((e) => e.siret)).toEqual([s.amiens]);
    // Never a closed establishment nor an individual entrepreneur (a person's name); no search under 3 letters.
    const all = await searchPublicRegister(db, "transports", ip(), now);
    expect(all.map((e) => e.name).sort()).toEqual(["TRANSPORTS D'AMIENS", "TRANSPORTS DELATTRE"]);
    expect(await searchPublicRegister(db, "tr", ip(), now)).toEqual([]);
    // A search is no read of personal data and writes nothing but its rate-limit counter.
    expect(await db.auditEvent.count()).toBe(0);
  });

  it("limite le nombre de recherches par adresse IP (jeu de règles) avec un message en français", async () => {
    await setup();
    await register();
    const rules = await db.ruleSet.findFirstOrThrow({ where: { kind: "OPERATIONS" } });
    const payload = rules.payload as { publicIntake: Record<string, number> };
    await db.ruleSet.update({ where: { id: rules.id }, data: { payload: { ...payload, publicIntake: { ...payload.publicIntake, searchesPerIp: 2 } } } });
    await searchPublicRegister(db, "transports", "198.51.100.7", now);
    await searchPublicRegister(db, "delattre", "198.51.100.7", now);
    const refused = searchPublicRegister(db, "amiens", "198.51.100.7", now);
    await expect(refused).rejects.toBeInstanceOf(TooManyRequestsError);
    await expect(refused).rejects.toThrow(/Trop de recherches/);
    // Another address is not affected; the window restarts after `windowMinutes`.
    expect(await searchPublicRegister(db, "amiens", "198.51.100.8", now)).toHaveLength(1);
    expect(await searchPublicRegister(db, "amiens", "198.51.100.7", new Date(now.getTime() + 61 * 60_000))).toHaveLength(1);
  });
});

describe("droits des personnes : la recherche du DPO trouve les demandes en attente", () => {
  it("trouve une demande en ligne en attente par nom ou e-mail, dans le périmètre, journalisé ; plus après son traitement", async () => {
    const { lens, amiens, amiensAssistant } = await setup();
    await submitPersonRequest(db, person({ email: "karim.benali@example.org" }), ip(), now);
    await submitCompanyRequest(db, company({ communeCode: "62510" }), ip(), now);
    const dpo = await principal(db, "DPO", [], { allPlatforms: true });

    const found = await searchSubjects(db, dpo, "benali");
    expect(found).toEqual([
      { type: "INTAKE_REQUEST", id: expect.any(String), name: "BENALI Karim (demande en ligne du 10/03/2026)", birthDate: null, city: "Amiens", platform: "Amiens", lifecycle: "A_TRAITER" },
    ]);
    expect((await searchSubjects(db, dpo, "karim.benali@example")).map((m) => m.type)).toEqual(["INTAKE_REQUEST"]);
    expect((await searchSubjects(db, dpo, "Delattre")).map((m) => [m.type, m.platform, m.name])).toEqual([["INTAKE_REQUEST", "Lens-Liévin", "DELATTRE Anne (demande en ligne du 10/03/2026, entreprise)"]]);
    // Audited like the other reads of the search: who searched, and how many of each were found.
    const audit = await db.auditEvent.findFirstOrThrow({ where: { action: "rightsSubject.search", actorId: dpo.id }, orderBy: { at: "asc" } });
    expect(audit.metadata).toMatchObject({ jobSeekers: 0, companyContacts: 0, chefsDeFile: 0, intakeRequests: 1 });

    // Scoped like the rights requests: a platform sees only its own.
    const lensManager = await principal(db, "PLATFORM_MANAGER", [lens.id]);
    const amiensManager = await principal(db, "PLATFORM_MANAGER", [amiens.id]);
    expect(await searchSubjects(db, lensManager, "benali")).toEqual([]);
    expect((await searchSubjects(db, amiensManager, "benali")).map((m) => m.type)).toEqual(["INTAKE_REQUEST"]);

    // Once handled (wiped), nothing is left to find.
    const id = found[0]!.id;
    await discardIntakeRequest(db, amiensAssistant, id, { reason: "Demande d'effacement de la personne", version: 1 }, now);
    expect(await searchSubjects(db, dpo, "benali")).toEqual([]);
  });
});

describe("données de démonstration", () => {
  it("au premier démarrage, l'assistante de Lens voit une demande en ligne en tête de « Ma journée » et peut l'ouvrir", async () => {
    await seedDemo(db, { password: env.DEMO_PASSWORD });
    const account = await db.user.findUniqueOrThrow({ where: { email: "assistant@lens.demo" } });
    const assistant = (await loadPrincipal(db, account.id))!;
    const day = await myDay(db, assistant, new Date());
    expect(day.intake.total).toBeGreaterThanOrEqual(2);
    expect(day.intake.items.map((i) => i.title)).toContain("Entreprise : Boulangerie Caron");
    const request = day.intake.items.find((i) => i.title === "Entreprise : Boulangerie Caron")!;
    const detail = await getIntakeRequest(db, assistant, request.id);
    expect(detail).toMatchObject({ kind: "ENTREPRISE", status: "A_TRAITER", lastName: "Caron", companyName: "Boulangerie Caron", communeName: "Liévin" });
    const callback = await db.numeroVertCallback.findUniqueOrThrow({ where: { id: detail.callbackId! } });
    expect([callback.origin, callback.status]).toEqual(["FORMULAIRE_EN_LIGNE", "A_RAPPELER"]);
    // The Amiens assistant does not see Lens's requests.
    const amiens = (await loadPrincipal(db, (await db.user.findUniqueOrThrow({ where: { email: "assistant@amiens.demo" } })).id))!;
    expect((await myDay(db, amiens, new Date())).intake.items.map((i) => i.title)).not.toContain("Entreprise : Boulangerie Caron");
  }, 120_000);
});

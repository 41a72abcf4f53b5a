// Issue 14 §4: the quick add asks the commune once (INSEE code → city and postal code from the
// reference), the record is then completed section by section with the version check, and the
// job-seeker picker searches within the user's scope, audited like the list.
import { beforeEach, describe, expect, it } from "vitest";
import { ConflictError } from "@/lib/errors";
import { searchJobSeekerOptions } from "@/lib/job-seekers/job-seeker-picker";
import { createJobSeekerSchema, updateJobSeekerSchema } from "@/lib/job-seekers/job-seeker.schema";
import { createJobSeeker, updateJobSeeker } from "@/lib/job-seekers/job-seeker.service";
import { createPlatform } from "@/tests/factories";
import { createRuleSets, principal } from "@/tests/factories/job-seeker-side";
import { db, resetDb } from "@/tests/support/db";

const now = new Date("2026-11-23T10:00:00Z");

beforeEach(async () => {
  await resetDb();
  await createRuleSets(db);
});

/** What « Ajout rapide » sends: eight fields, the commune as its INSEE code only. */
const quick = (overrides: Record<string, unknown> = {}) =>
  createJobSeekerSchema.parse({ lastName: "Durand", firstName: "Inès", birthDate: "1994-06-12", phone: "0612345678", communeCode: "62510", origin: "NUMERO_VERT", informedAt: "2026-11-23", informedChannel: "TELEPHONE", ...overrides });

async function created(assistant: Awaited<ReturnType<typeof principal>>, overrides: Record<string, unknown> = {}) {
  const r = await createJobSeeker(db, assistant, quick(overrides), {}, now);
  if (r.status !== "CREATED") throw new Error("attendu : CREATED");
  return r.id;
}

describe("ajout rapide puis fiche complétée section par section", () => {
  it("la commune choisie (code INSEE) donne la ville et le code postal du référentiel", async () => {
    const lens = await createPlatform(db, "Lens");
    const assistant = await principal(db, "PLATFORM_ASSISTANT", { platformIds: [lens.id] });
    const id = await created(assistant);
    expect(await db.jobSeeker.findUniqueOrThrow({ where: { id } })).toMatchObject({ inseeCode: "62510", city: "Liévin", postalCode: "62800", phone: "06 12 34 56 78", email: null });
  });

  it("chaque section s'enregistre seule avec la version ; les autres champs restent ; une version périmée est refusée (409)", async () => {
    const lens = await createPlatform(db, "Lens");
    const assistant = await principal(db, "PLATFORM_ASSISTANT", { platformIds: [lens.id] });
    const id = await created(assistant);
    // « Mobilité », then « Compétences » with the version the first save returned.
    const first = await updateJobSeeker(db, assistant, id, updateJobSeekerSchema.parse({ version: 1, transportModes: "VOITURE,VELO", mobilityScope: "REGION", mobilityCodes: "32" }), {}, now);
    expect(first.version).toBe(2);
    const second = await updateJobSeeker(db, assistant, id, updateJobSeekerSchema.parse({ version: 2, skillLanguages: "Anglais", desiredRomeCodes: "H2913,N1103" }), {}, now);
    expect(second.version).toBe(3);
    expect(await db.jobSeeker.findUniqueOrThrow({ where: { id } })).toMatchObject({
      transportModes: ["VOITURE", "VELO"], mobilityScope: "REGION", skillLanguages: "Anglais", desiredRomeCodes: ["H2913", "N1103"], city: "Liévin", phone: "06 12 34 56 78",
    });
    // A section sent with the version read before another section's save.
    const stale = await updateJobSeeker(db, assistant, id, updateJobSeekerSchema.parse({ version: 2, skillIt: "Bureautique" }), {}, now).catch((e: unknown) => e);
    expect(stale).toBeInstanceOf(ConflictError);
    // Unticking every box of a group (the form sends the group's empty entry) clears the list.
    await updateJobSeeker(db, assistant, id, updateJobSeekerSchema.parse({ version: 3, transportModes: "" }), {}, now);
    expect((await db.jobSeeker.findUniqueOrThrow({ where: { id } })).transportModes).toEqual([]);
  });

  it("changer de commune change la ville et le code postal ; l'effacer les efface", async () => {
    const lens = await createPlatform(db, "Lens");
    const assistant = await principal(db, "PLATFORM_ASSISTANT", { platformIds: [lens.id] });
    const id = await created(assistant);
    await updateJobSeeker(db, assistant, id, updateJobSeekerSchema.parse({ version: 1, communeCode: "62498" }), {}, now);
    expect(await db.jobSeeker.findUniqueOrThrow({ where: { id } })).toMatchObject({ inseeCode: "62498", city: "Lens", postalCode: "62300" });
    await updateJobSeeker(db, assistant, id, updateJobSeekerSchema.parse({ version: 2, communeCode: "" }), {}, now);
    expect(await db.jobSeeker.findUniqueOrThrow({ where: { id } })).toMatchObject({ inseeCode: null, city: null, postalCode: null });
  });
});

describe("liste de choix des demandeurs d'emploi (recherche serveur)", () => {
  it("cherche dans le périmètre seulement, distingue deux homonymes (naissance · commune) et trace la recherche", async () => {
    const lens = await createPlatform(db, "Lens");
    const amiens = await createPlatform(db, "Amiens");
    const assistant = await principal(db, "PLATFORM_ASSISTANT", { platformIds: [lens.id] });
    const other = await principal(db, "PLATFORM_ASSISTANT", { platformIds: [amiens.id] });
    await created(assistant);
    await createJobSeeker(db, assistant, { ...quick({ birthDate: "1990-01-02", communeCode: "62498" }), confirmNotDuplicate: true }, {}, now);
    await created(other, { communeCode: "80021" });
    const items = await searchJobSeekerOptions(db, assistant, "durand ines");
    expect(items.map((i) => i.label)).toEqual(["Durand Inès", "Durand Inès"]);
    expect(items.map((i) => i.description).sort()).toEqual(["né·e le 02/01/1990 · Lens", "né·e le 12/06/1994 · Liévin"]);
    expect(await searchJobSeekerOptions(db, assistant, "durand", amiens.id)).toEqual([]);
    expect(await db.auditEvent.count({ where: { action: "jobSeeker.list", actorId: assistant.id } })).toBe(2);
  });
});

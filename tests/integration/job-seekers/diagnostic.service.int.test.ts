import { beforeEach, describe, expect, it } from "vitest";
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from "@/lib/errors";
import { diagnosticInputSchema, updateDiagnosticSchema } from "@/lib/diagnostics/diagnostic.schema";
import { createDiagnostic, getDiagnostic, listDiagnostics, updateDiagnostic } from "@/lib/diagnostics/diagnostic.service";
import { createJobSeeker as seedPerson, createPlatform } from "@/tests/factories";
import { createRuleSets, principal } from "@/tests/factories/job-seeker-side";
import { db, resetDb } from "@/tests/support/db";

const now = new Date("2026-11-23T10:00:00Z");

beforeEach(async () => {
  await resetDb();
  await createRuleSets(db);
});

describe("diagnostics mobilité", () => {
  it("enregistre un diagnostic rattaché au dossier France Travail, met à jour le dernier contact, audite", async () => {
    const lens = await createPlatform(db, "Lens");
    const assistant = await principal(db, "PLATFORM_ASSISTANT", { platformIds: [lens.id] });
    const person = await seedPerson(db, lens.id);
    await db.jobSeeker.update({ where: { id: person.id }, data: { createdAt: new Date("2026-01-01") } });
    const ft = await db.subsidyFile.create({ data: { platformId: lens.id, year: 2026, funder: "FRANCE_TRAVAIL" } });
    const region = await db.subsidyFile.create({ data: { platformId: lens.id, year: 2026, funder: "REGION" } });
    const form = { jobSeekerId: person.id, date: "2026-11-21", diagnosticDone: "true", accompanimentDone: "true", accompanimentDurationDays: "45", distanceBeforeKm: "10", distanceAfterKm: "35", satisfaction: "4" };
    const d = await createDiagnostic(db, assistant, diagnosticInputSchema.parse({ ...form, subsidyFileId: ft.id }), {}, now);
    expect(d).toMatchObject({ subsidyFileId: ft.id, accompanimentDurationDays: 45, distanceAfterKm: 35, satisfaction: 4, solutionRecommended: false });
    expect((await db.jobSeeker.findUniqueOrThrow({ where: { id: person.id } })).lastContactAt).toEqual(new Date("2026-11-21"));
    expect(await db.auditEvent.count({ where: { action: "diagnostic.created", entityId: d.id } })).toBe(1);
    const wrong = await createDiagnostic(db, assistant, diagnosticInputSchema.parse({ ...form, subsidyFileId: region.id }), {}, now).catch((e: unknown) => e);
    expect((wrong as ValidationError).fields?.subsidyFileId?.[0]).toMatch(/France Travail/);
    expect((await listDiagnostics(db, assistant, { page: 1, pageSize: 50, jobSeekerId: person.id }, { purpose: "Suivi" })).total).toBe(1);
    const referent = await principal(db, "REGION_REFERENT", { allPlatforms: true });
    await expect(listDiagnostics(db, referent, { page: 1, pageSize: 50 }, { purpose: "Suivi" })).rejects.toBeInstanceOf(ForbiddenError);
  });

  it("modifie un diagnostic avec sa version (409 sinon), recalcule le dernier contact, audite ; 404 pour une autre plateforme", async () => {
    const lens = await createPlatform(db, "Lens");
    const amiens = await createPlatform(db, "Amiens");
    const assistant = await principal(db, "PLATFORM_ASSISTANT", { platformIds: [lens.id] });
    const other = await principal(db, "PLATFORM_ASSISTANT", { platformIds: [amiens.id] });
    const person = await seedPerson(db, lens.id);
    await db.jobSeeker.update({ where: { id: person.id }, data: { createdAt: new Date("2026-01-01") } });
    const d = await createDiagnostic(db, assistant, diagnosticInputSchema.parse({ jobSeekerId: person.id, date: "2026-11-10", diagnosticDone: "true" }), {}, now);
    const form = { date: "2026-11-20", diagnosticDone: "true", accompanimentDone: "true", accompanimentDurationDays: "30", distanceBeforeKm: "5", distanceAfterKm: "25", satisfaction: "5" };
    const updated = await updateDiagnostic(db, assistant, d.id, updateDiagnosticSchema.parse({ ...form, version: String(d.version) }), {}, now);
    expect(updated).toMatchObject({ date: "2026-11-20", accompanimentDone: true, accompanimentDurationDays: 30, distanceAfterKm: 25, satisfaction: 5, version: d.version + 1 });
    expect((await db.jobSeeker.findUniqueOrThrow({ where: { id: person.id } })).lastContactAt).toEqual(new Date("2026-11-20"));
    const audit = await db.auditEvent.findFirstOrThrow({ where: { action: "diagnostic.updated", entityId: d.id } });
    expect(Object.keys((audit.metadata as { changes: object }).changes).sort()).toEqual(["accompanimentDone", "accompanimentDurationDays", "date", "distanceAfterKm", "distanceBeforeKm", "satisfaction"]);
    await expect(updateDiagnostic(db, assistant, d.id, updateDiagnosticSchema.parse({ ...form, satisfaction: "1", version: String(d.version) }), {}, now)).rejects.toBeInstanceOf(ConflictError);
    const bad = await updateDiagnostic(db, assistant, d.id, updateDiagnosticSchema.parse({ ...form, accompanimentDurationDays: "", version: String(updated.version) }), {}, now).catch((e: unknown) => e);
    expect((bad as ValidationError).fields?.accompanimentDurationDays).toEqual(["Indiquez la durée de l'accompagnement réalisé (en jours)."]);
    await expect(updateDiagnostic(db, other, d.id, updateDiagnosticSchema.parse({ ...form, version: String(updated.version) }), {}, now)).rejects.toBeInstanceOf(NotFoundError);
    await expect(getDiagnostic(db, other, d.id, { purpose: "x" })).rejects.toBeInstanceOf(NotFoundError);
    expect((await getDiagnostic(db, assistant, d.id, { purpose: "Modification" })).satisfaction).toBe(5);
    expect(await db.auditEvent.count({ where: { action: "diagnostic.read", entityId: d.id } })).toBe(1);
  });
});

import { beforeEach, describe, expect, it } from "vitest";
import { ForbiddenError, ValidationError } from "@/lib/errors";
import { diagnosticInputSchema } from "@/lib/diagnostics/diagnostic.schema";
import { createDiagnostic, listDiagnostics } from "@/lib/diagnostics/diagnostic.service";
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
});

import { beforeEach, describe, expect, it } from "vitest";
import { loadPrincipal } from "@/lib/auth/principal";
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from "@/lib/errors";
import { createPlatform, getPlatform, listPlatforms, perimeterForForm, updatePlatform } from "@/lib/platforms/platform.service";
import { createPlatform as platformFactory, createUser } from "@/tests/factories";
import { db, resetDb } from "@/tests/support/db";

beforeEach(resetDb);

async function principal(id: string) {
  return (await loadPrincipal(db, id))!;
}

const input = (extra: Record<string, unknown> = {}) => ({
  name: "Béthune-Bruay",
  carryingStructureName: "Communauté d'agglomération de Béthune-Bruay",
  carryingStructureType: "EPCI",
  companyCount: 9000,
  staffEtp: 3.5,
  epciCodes: [] as string[],
  communeCodes: [] as string[],
  coPresidents: ["Élu·e A", "Chef·fe d'entreprise B"],
  conventionStartDate: "2026-01-01",
  conventionEndDate: "2028-12-31",
  ...extra,
});

describe("plateformes", () => {
  it("crée une plateforme dont le périmètre vient du référentiel INSEE et la population est calculée", async () => {
    const admin = await principal((await createUser(db, { role: "ADMIN" })).id);
    const sample = await db.commune.findFirstOrThrow({ where: { departmentCode: "62", epciCode: { not: null } }, select: { epciCode: true } });
    const epciCommunes = await db.commune.findMany({ where: { epciCode: sample.epciCode } });
    const extra = await db.commune.findFirstOrThrow({ where: { departmentCode: "80", NOT: { epciCode: sample.epciCode } } });
    const p = await createPlatform(db, admin, input({ epciCodes: [sample.epciCode], communeCodes: [extra.inseeCode] }));
    expect(p.perimeterInseeCodes).toHaveLength(epciCommunes.length + 1);
    expect(p.population).toBe(epciCommunes.reduce((n, c) => n + c.population, 0) + extra.population);
    expect(p.population).toBeGreaterThan(0);
    expect(await perimeterForForm(db, p.perimeterInseeCodes)).toEqual({ epciCodes: [sample.epciCode], communeCodes: [extra.inseeCode] });
    expect(await db.auditEvent.count({ where: { action: "platform.created", entityId: p.id } })).toBe(1);
  });

  it("refuse une commune inconnue, un nom déjà pris et une version périmée", async () => {
    const admin = await principal((await createUser(db, { role: "ADMIN" })).id);
    const err = await createPlatform(db, admin, input({ communeCodes: ["00000"] })).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ValidationError);
    expect((err as ValidationError).fields?.communeCodes?.[0]).toContain("00000");
    const p = await createPlatform(db, admin, input({ communeCodes: ["62498"] }));
    // A name already taken is a conflict (409 on the field), like a SIRET or an e-mail address.
    await expect(createPlatform(db, admin, input({ communeCodes: ["62498"] }))).rejects.toMatchObject({ status: 409, code: "CONFLICT", fields: { name: ["Une plateforme porte déjà ce nom."] } });
    const updated = await updatePlatform(db, admin, p.id, { ...input({ communeCodes: ["62498", "62510"], staffEtp: 4 }), version: 1 });
    expect(updated.staffEtp).toBe(4);
    expect(updated.version).toBe(2);
    await expect(updatePlatform(db, admin, p.id, { ...input({ communeCodes: ["62498"] }), version: 1 })).rejects.toBeInstanceOf(ConflictError);
  });

  it("un·e responsable ne lit que sa plateforme et ne peut pas la modifier", async () => {
    const mine = await platformFactory(db, "Lens-Liévin");
    const other = await platformFactory(db, "Amiénois");
    const manager = await principal((await createUser(db, { role: "PLATFORM_MANAGER", platformIds: [mine.id] })).id);
    expect((await listPlatforms(db, manager)).map((p) => p.name)).toEqual(["Lens-Liévin"]);
    await expect(getPlatform(db, manager, other.id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(updatePlatform(db, manager, mine.id, { ...input({ communeCodes: ["62498"] }), version: 1 })).rejects.toBeInstanceOf(ForbiddenError);
  });
});

// Issue 18: GET /api/v1/job-seekers/{id} answers with JSON written by PostgreSQL in one statement.
// It must write exactly the bytes JSON.stringify wrote from the Prisma reading (`getJobSeeker`), see
// exactly the same records (scope from the policy module, active records only), and audit each read.
import { beforeAll, describe, expect, it } from "vitest";
import type { CurrentUser } from "@/lib/auth/principal";
import { NotFoundError, ForbiddenError } from "@/lib/errors";
import { getJobSeeker, getJobSeekerJson } from "@/lib/job-seekers/job-seeker.query";
import { createJobSeeker, createPlatform, createUser } from "@/tests/factories";
import { principal } from "@/tests/factories/job-seeker-side";
import { db, resetDb } from "@/tests/support/db";

const purpose = { purpose: "Test : lecture de la fiche", requestId: "req-detail-json" };
let users: Record<"lens" | "twoPlatforms" | "referent" | "otherReferent" | "amiens", CurrentUser>;
let finance: CurrentUser;
let seekers: { id: string; platformId: string }[];

beforeAll(async () => {
  await resetDb();
  const [lens, amiens] = [await createPlatform(db, "Lens « Nord » \\ test"), await createPlatform(db, "Amiens")];
  const referentUser = await createUser(db, { role: "REGION_REFERENT", allPlatforms: true });
  users = {
    lens: await principal(db, "PLATFORM_MANAGER", { platformIds: [lens.id] }),
    twoPlatforms: await principal(db, "PLATFORM_ASSISTANT", { platformIds: [lens.id, amiens.id] }),
    referent: (await import("@/lib/auth/principal").then((m) => m.loadPrincipal(db, referentUser.id)))!,
    otherReferent: await principal(db, "REGION_REFERENT", { allPlatforms: true }),
    amiens: await principal(db, "PLATFORM_MANAGER", { platformIds: [amiens.id] }),
  };
  finance = await principal(db, "REGION_FINANCE", { allPlatforms: true });
  const bare = await createJobSeeker(db, lens.id);
  const full = await db.jobSeeker.create({
    data: {
      platformId: lens.id, civilite: "MADAME", lastName: 'L\'Hôte "Élodie"', firstName: "Ana\\Maria\u001f", birthDate: new Date("1992-03-14T00:00:00Z"),
      addressLine: "3, rue du Moulin\nBâtiment B \u2028", postalCode: "62300", city: "Lens", inseeCode: "62498", phone: "06 12 34 56 78", email: "ana@exemple.fr",
      franceTravailId: "1234567A", transportModes: ["VOITURE", "VELO"], maxTravelMinutes: 45, mobilityScope: "DEPARTEMENT", mobilityCodes: ["62", "59"],
      supportNeeds: ["LOGEMENT", "AUTRE"], supportNeedsOther: "Garde le mercredi 😀", lastClassAttended: "Terminale", diplomasObtained: "CAP\tcuisine",
      diplomasInProgress: null, trainingType: "CACES", trainingStartDate: new Date("2026-01-05T00:00:00Z"), employmentSituation: "SALARIE", inActivity: true,
      monthsWithoutEmployment: 0, contractType: "CDD", wantsChange: false, situationDuringFollowUp: "En poste", desiredRomeCodes: ["N1103", "K1304"],
      desiredJobLabel: "Préparatrice </script>", experiences: "10 ans\r\nlogistique", skillLanguages: "Anglais", skillCertifications: null, skillProfessionalLicences: "B",
      skillIt: "Bureautique", csp: true, rsa: false, rqth: null, indemnise: true, strengthsAndObstacles: "Motivée ; « mobile »", origin: "NUMERO_VERT",
      referentId: referentUser.id, informedAt: new Date("2026-11-20T08:15:30.123Z"), informedChannel: "EN_PERSONNE", lastContactAt: new Date("2026-12-01T16:00:00.007Z"),
      restrictedAt: new Date("2026-12-02T10:00:00Z"), version: 7,
    },
  });
  const otherPlatform = await createJobSeeker(db, amiens.id, { referentId: referentUser.id });
  const archived = await createJobSeeker(db, lens.id, { lifecycle: "ARCHIVED" });
  seekers = [bare, full, otherPlatform, archived];
});

/** The former reading and the new one: same bytes, or both refused with the same error. */
async function same(user: CurrentUser, id: string): Promise<boolean> {
  let former: unknown;
  try {
    former = await getJobSeeker(db, user, id, purpose);
  } catch (err) {
    await expect(getJobSeekerJson(db, user, id, purpose)).rejects.toThrow(err as Error);
    await expect(getJobSeekerJson(db, user, id, purpose)).rejects.toBeInstanceOf((err as Error).constructor);
    return false;
  }
  expect(await getJobSeekerJson(db, user, id, purpose)).toBe(JSON.stringify(former));
  return true;
}

describe("fiche demandeur écrite par PostgreSQL (ticket 18)", () => {
  it("writes the same bytes as the former reading and refuses the same records, for every scope", async () => {
    const seen: Record<string, number> = {};
    for (const [name, user] of Object.entries(users)) {
      seen[name] = 0;
      for (const s of seekers) if (await same(user, s.id)) seen[name]++;
      expect(await same(user, "00000000-0000-4000-8000-000000000000")).toBe(false);
      expect(await same(user, "pas-un-identifiant")).toBe(false);
    }
    // Platform staff: their platforms' active records; a referent: only the people assigned to them.
    expect(seen).toEqual({ lens: 2, twoPlatforms: 3, referent: 2, otherReferent: 0, amiens: 1 });
    await expect(getJobSeekerJson(db, finance, seekers[0]!.id, purpose)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(getJobSeekerJson(db, users.amiens, seekers[1]!.id, purpose)).rejects.toBeInstanceOf(NotFoundError);
  });

  it("audits each read before answering, with the purpose, and none when refused", async () => {
    const [, full, otherPlatform] = seekers;
    const before = await db.auditEvent.count({ where: { action: "jobSeeker.read", entityId: full!.id } });
    await getJobSeekerJson(db, users.lens, full!.id, purpose);
    const events = await db.auditEvent.findMany({ where: { action: "jobSeeker.read", entityId: full!.id }, orderBy: { id: "desc" }, take: 1 });
    expect(await db.auditEvent.count({ where: { action: "jobSeeker.read", entityId: full!.id } })).toBe(before + 1);
    expect(events[0]).toMatchObject({ actorId: users.lens.id, reason: purpose.purpose, requestId: purpose.requestId, platformId: full!.platformId });
    const refused = await db.auditEvent.count({ where: { entityId: otherPlatform!.id } });
    await expect(getJobSeekerJson(db, users.lens, otherPlatform!.id, purpose)).rejects.toBeInstanceOf(NotFoundError);
    expect(await db.auditEvent.count({ where: { entityId: otherPlatform!.id } })).toBe(refused);
  });
});

// Test factories with a fixed faker seed: small, valid records with sensible defaults.
import { fakerFR as faker } from "@faker-js/faker";
import { hashPassword } from "@/lib/auth/password";
import { loadPrincipal, type CurrentUser } from "@/lib/auth/principal";
import { totpRequired } from "@/lib/auth/two-factor.rules";
import { DEMO_TOTP_SECRET } from "@/prisma/seed/demo-totp";
import { generateSiret } from "@/lib/rules/siret.rules";
import { ensureInitialRuleSets } from "@/prisma/seed/rule-sets";
import type { Db } from "@/lib/db";
import type { Role } from "@/lib/generated/prisma/enums";

faker.seed(42);

export const TEST_PASSWORD = "Mot-de-passe-de-test-2026";
let passwordHash: Promise<string> | null = null;

export async function createPlatform(db: Db, name = `Plateforme ${faker.location.city()} ${faker.string.alphanumeric(4)}`) {
  return db.platform.create({
    data: {
      name,
      slug: name.toLowerCase().normalize("NFD").replace(/[^a-z0-9]+/g, "-"),
      carryingStructureName: `Communauté d'agglomération ${name}`,
      carryingStructureType: "EPCI",
      perimeterInseeCodes: ["62498"],
      population: 100_000,
      companyCount: 5_000,
    },
  });
}

/**
 * A user with TEST_PASSWORD. Roles that require two-factor login are enrolled with DEMO_TOTP_SECRET
 * unless `totp: false` (then they can reach nothing but the enrolment, as in production). The
 * confidentiality commitment is accepted unless `charter: false` (then nothing but the profile).
 */
export async function createUser(db: Db, opts: { role: Role; platformIds?: string[]; allPlatforms?: boolean; active?: boolean; email?: string; totp?: boolean; charter?: boolean }) {
  passwordHash ??= hashPassword(TEST_PASSWORD);
  const enrolled = opts.totp ?? totpRequired(opts.role);
  return db.user.create({
    data: {
      email: (opts.email ?? faker.internet.email({ provider: "test.demo" })).toLowerCase(),
      firstName: faker.person.firstName(),
      lastName: faker.person.lastName(),
      role: opts.role,
      allPlatforms: opts.allPlatforms ?? false,
      active: opts.active ?? true,
      passwordHash: await passwordHash,
      ...(enrolled ? { totpSecret: DEMO_TOTP_SECRET, totpEnabledAt: new Date() } : {}),
      // Issue 22: the confidentiality commitment in force (version 1) is accepted unless `charter: false`.
      ...(opts.charter === false ? {} : { charterAcceptedAt: new Date(), charterVersion: 1 }),
      memberships: { create: (opts.platformIds ?? []).map((platformId) => ({ platformId })) },
    },
  });
}

export function validSiret(): string {
  return generateSiret(() => faker.number.float({ min: 0, max: 0.999999 }));
}

export async function createCompany(db: Db, platformId: string, extra: { name?: string } = {}) {
  const siret = validSiret();
  return db.company.create({
    data: {
      platformId,
      siret,
      siren: siret.slice(0, 9),
      name: extra.name ?? faker.company.name(),
      city: faker.location.city(),
    },
  });
}

export async function createJobSeeker(db: Db, platformId: string, extra: { referentId?: string; lifecycle?: "ACTIVE" | "ARCHIVED" } = {}) {
  return db.jobSeeker.create({
    data: {
      platformId,
      lastName: faker.person.lastName(),
      firstName: faker.person.firstName(),
      origin: "SPONTANE",
      lastContactAt: new Date(),
      referentId: extra.referentId,
      lifecycle: extra.lifecycle ?? "ACTIVE",
    },
  });
}

/** The rule sets in force (resetDb empties them). */
export async function createRuleSets(db: Db): Promise<void> {
  await ensureInitialRuleSets(db, new Date("2021-01-01T00:00:00Z"));
}

/** A platform with a Lens-like perimeter, and a signed-in principal of `role` on it. */
export async function platformUser(db: Db, role: Role, platformId: string): Promise<CurrentUser> {
  const u = await createUser(db, { role, platformIds: [platformId] });
  return (await loadPrincipal(db, u.id))!;
}

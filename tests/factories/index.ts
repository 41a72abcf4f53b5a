// Test factories with a fixed faker seed: small, valid records with sensible defaults.
import { fakerFR as faker } from "@faker-js/faker";
import { hashPassword } from "@/lib/auth/password";
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

export async function createUser(db: Db, opts: { role: Role; platformIds?: string[]; allPlatforms?: boolean; active?: boolean; email?: string }) {
  passwordHash ??= hashPassword(TEST_PASSWORD);
  return db.user.create({
    data: {
      email: (opts.email ?? faker.internet.email({ provider: "test.demo" })).toLowerCase(),
      firstName: faker.person.firstName(),
      lastName: faker.person.lastName(),
      role: opts.role,
      allPlatforms: opts.allPlatforms ?? false,
      active: opts.active ?? true,
      passwordHash: await passwordHash,
      memberships: { create: (opts.platformIds ?? []).map((platformId) => ({ platformId })) },
    },
  });
}

export async function createCompany(db: Db, platformId: string, extra: { name?: string } = {}) {
  return db.company.create({
    data: {
      platformId,
      siret: faker.string.numeric(14),
      siren: faker.string.numeric(9),
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

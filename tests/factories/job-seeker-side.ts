// Factories for the job-seeker side (offers to propose on, rule sets, principals), fixed seed.
import { loadPrincipal } from "@/lib/auth/principal";
import type { Db } from "@/lib/db";
import type { Role } from "@/lib/generated/prisma/enums";
import { initialRuleSets } from "@/prisma/seed/rule-sets";
import { createCompany, createUser } from "@/tests/factories";

/** The version-1 rule sets of the demo (the services read OPERATIONS for age limits). */
export async function createRuleSets(db: Db) {
  await db.ruleSet.createMany({ data: initialRuleSets(), skipDuplicates: true });
}

export async function principal(db: Db, role: Role, opts: { platformIds?: string[]; allPlatforms?: boolean } = {}) {
  const u = await createUser(db, { role, ...opts });
  return (await loadPrincipal(db, u.id))!;
}

export async function createOffer(
  db: Db,
  platformId: string,
  extra: { positions?: number; positionsFilled?: number; status?: "OPEN" | "PARTIALLY_FILLED" | "FILLED" | "CANCELLED"; romeCode?: string; placeInseeCode?: string; contractType?: "CDI" | "CDD" } = {},
) {
  const company = await createCompany(db, platformId);
  return db.jobOffer.create({
    data: {
      platformId, companyId: company.id, title: "Préparateur·rice de commandes", romeCode: extra.romeCode ?? "N1103", contractType: extra.contractType ?? "CDI",
      placeInseeCode: extra.placeInseeCode ?? null, positions: extra.positions ?? 1, positionsFilled: extra.positionsFilled ?? 0, source: "VISITE",
      status: extra.status ?? "OPEN", receivedAt: new Date("2026-10-01T09:00:00Z"),
    },
  });
}

/** A valid creation input as the form would send it (strings), for a given identity. */
export function seekerForm(overrides: Record<string, unknown> = {}) {
  return {
    civility: "MADAME", lastName: "Lefèvre", firstName: "Élodie", birthDate: "1992-03-14", email: "elodie.lefevre@exemple.fr", phone: "06 12 34 56 78",
    franceTravailId: "1234567A", communeCode: "62498", city: "Lens", origin: "SPONTANE", informedAt: "2026-11-20", informedChannel: "EN_PERSONNE",
    desiredRomeCodes: "N1103", contractType: "CDI", mobilityScope: "DEPARTEMENT", mobilityCodes: "62", transportModes: "VOITURE", ...overrides,
  };
}

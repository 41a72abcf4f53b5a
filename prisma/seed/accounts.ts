// The demo platforms and the eight demo accounts (one per role journey of the e2e specs).
import { addDaysUtc, addMonthsUtc } from "@/lib/calendar-day";
import type { Role } from "@/lib/generated/prisma/enums";
import { generateSiret, withLuhnKey } from "@/lib/rules/siret.rules";
import { totpRequired } from "@/lib/auth/two-factor.rules";
import { DEMO_TOTP_SECRET } from "./demo-totp";
import { COMMUNES, PLATFORMS, type PlatformSlug } from "./territories";
import { faker, pick, uuid, type PlatformContext, type Rows, type SeedContext } from "./context";

type Account = { email: string; role: Role; platform?: PlatformSlug; allPlatforms?: boolean };

/** Its presence means the demo data set is already loaded. */
export const ADMIN_EMAIL = "admin@region.demo";

export const DEMO_ACCOUNTS: Account[] = [
  { email: "assistant@lens.demo", role: "PLATFORM_ASSISTANT", platform: "lens-lievin" },
  { email: "manager@lens.demo", role: "PLATFORM_MANAGER", platform: "lens-lievin" },
  { email: "assistant@amiens.demo", role: "PLATFORM_ASSISTANT", platform: "amienois" },
  { email: "referent@region.demo", role: "REGION_REFERENT", allPlatforms: true },
  { email: "finance@region.demo", role: "REGION_FINANCE", allPlatforms: true },
  { email: "reviewer@francetravail.demo", role: "FRANCE_TRAVAIL_REVIEWER" },
  { email: "dpo@region.demo", role: "DPO", allPlatforms: true },
  { email: ADMIN_EMAIL, role: "ADMIN" },
];

/** Real SIREN of the Communauté d'agglomération de Lens-Liévin (an EPCI); the others are invented. */
const KNOWN_SIREN: Partial<Record<PlatformSlug, string>> = { "lens-lievin": "246200364" };

/**
 * Platform rows plus their generation context. The convention cadre spans five years around
 * the demo window, so every demo date falls inside a running convention.
 */
export function buildPlatforms(ctx: SeedContext, rows: Rows): PlatformContext[] {
  const year = ctx.now.getUTCFullYear();
  return PLATFORMS.map((spec) => {
    const communes = COMMUNES[spec.slug];
    rows.communes.push(...communes);
    const id = uuid();
    const coPresidents = [
      `${faker.person.fullName()} (élu·e, ${spec.carryingStructureType === "EPCI" ? "vice-président·e de l'agglomération" : "conseiller·ère communautaire"})`,
      `${faker.person.fullName()} (chef·fe d'entreprise, ${pick(["BTP", "logistique", "industrie", "commerce"])})`,
    ];
    const known = KNOWN_SIREN[spec.slug];
    const { phonePrefix: _phone, hostingCity: _city, ...columns } = spec;
    rows.platforms.push({
      ...columns,
      id,
      carryingStructureSiret: known ? withLuhnKey(`${known}0001`) : generateSiret(() => faker.number.float({ min: 0, max: 1 })),
      perimeterInseeCodes: communes.map((c) => c.inseeCode),
      conventionStartDate: new Date(Date.UTC(year - 3, 0, 1)),
      conventionEndDate: new Date(Date.UTC(year + 1, 11, 31)),
      notificationDate: new Date(Date.UTC(year - 4, 11, 10)),
      coPresidents,
      createdAt: addMonthsUtc(ctx.windowStart, -6),
    });
    return { id, spec, communes, staffIds: [], coPresidents };
  });
}

/** Users and memberships; fills each platform's staffIds. Returns the referent's id. */
export function buildAccounts(ctx: SeedContext, platforms: PlatformContext[], hashes: string[], rows: Rows): string {
  let referentId = "";
  DEMO_ACCOUNTS.forEach((a, i) => {
    const id = uuid();
    if (a.role === "REGION_REFERENT") referentId = id;
    rows.users.push({
      id, email: a.email, firstName: faker.person.firstName(), lastName: faker.person.lastName(),
      passwordHash: hashes[i] ?? null, role: a.role, allPlatforms: a.allPlatforms ?? false, active: true,
      charterAcceptedAt: addDaysUtc(ctx.now, -(faker.number.int({ min: 30, max: 400 }))),
      passwordChangedAt: ctx.now,
      // Roles with mandatory two-factor login are enrolled with the published demo secret (README).
      ...(totpRequired(a.role) ? { totpSecret: DEMO_TOTP_SECRET, totpEnabledAt: ctx.now } : {}),
      // Staff accounts predate the demo activity they are the authors of.
      createdAt: addMonthsUtc(ctx.windowStart, -1),
    });
    const platform = platforms.find((p) => p.spec.slug === a.platform);
    if (platform) {
      rows.memberships.push({ userId: id, platformId: platform.id });
      platform.staffIds.push(id);
    }
  });
  return referentId;
}

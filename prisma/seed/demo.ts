// The demo data set: three platforms, eight accounts and 24 months of activity before `now`.
// Idempotent (nothing happens once the admin account exists) and deterministic (fixed faker
// seed, every date relative to `now`); written in one transaction so a failed run leaves nothing.
import { seedDemoRegister } from "@/prisma/seed/sirene";
import { addMonthsUtc } from "@/lib/calendar-day";
import type { PrismaClient, Prisma } from "@/lib/generated/prisma/client";
import { hashPassword } from "@/lib/auth/password";
import {
  deadlinesSchema, franceTravailSchema, operationsSchema, regionFrameworkSchema, type DeadlinesRules, type FranceTravailRules,
  type OperationsRules, type RegionFrameworkRules,
} from "@/lib/rules/rule-set.schema";
import { ADMIN_EMAIL, DEMO_ACCOUNTS, buildAccounts, buildPlatforms } from "./accounts";
import { closeDemoMonth } from "./bilans";
import { generateCompanies } from "./companies";
import { about, emptyRows, faker, LatestDates, type Rows, type SeedContext } from "./context";
import { insertRows } from "./insert";
import { seedIntakeRequests } from "./intake";
import { generateJobSeekers, type SeekerMeta } from "./job-seekers";
import { generateChefsDeFile, generateEvents, generateGovernance } from "./network";
import { generateOffers } from "./offers";
import { generatePipeline } from "./pipeline";
import { ensureInitialRuleSets } from "./rule-sets";
import { generateFranceTravailFile, generateLateReportFile, generateRegionFiles } from "./subsidies";
import { planUpcomingVisits } from "./upcoming";
import { generateVisits } from "./visits";

export const DEMO_FAKER_SEED = 2026;
/** Advisory lock key: two seeds started together must not both pass the "already there" check. */
const LOCK_KEY = 2026_0001;

type Db = PrismaClient | Prisma.TransactionClient;
type SeedRules = {
  inserted: number;
  operations: OperationsRules;
  region: { id: string; rules: RegionFrameworkRules };
  franceTravail: { id: string; rules: FranceTravailRules };
  deadlines: DeadlinesRules;
};
export type SeedResult = { seeded: boolean; counts: Record<string, number> };

async function demoPresent(db: Db): Promise<boolean> {
  return (await db.user.count({ where: { email: ADMIN_EMAIL } })) > 0;
}

/** The seed follows the rule sets in force at `now`, as the application does. */
async function loadRules(tx: Db, now: Date): Promise<SeedRules> {
  const { inserted, ids } = await ensureInitialRuleSets(tx, now);
  const sets = await tx.ruleSet.findMany({ where: { id: { in: Object.values(ids) } }, select: { id: true, payload: true } });
  const payload = (id: string) => sets.find((s) => s.id === id)?.payload;
  return {
    inserted,
    operations: operationsSchema.parse(payload(ids.OPERATIONS)),
    region: { id: ids.REGION_FRAMEWORK, rules: regionFrameworkSchema.parse(payload(ids.REGION_FRAMEWORK)) },
    franceTravail: { id: ids.FRANCE_TRAVAIL, rules: franceTravailSchema.parse(payload(ids.FRANCE_TRAVAIL)) },
    deadlines: deadlinesSchema.parse(payload(ids.DEADLINES)),
  };
}

export async function seedDemo(db: PrismaClient, opts: { password: string; now?: Date }): Promise<SeedResult> {
  const now = opts.now ?? new Date();
  // Cheap check first, so a no-op run does not pay for eight argon2 hashes.
  if (await demoPresent(db)) return { seeded: false, counts: {} };
  const hashes = await Promise.all(DEMO_ACCOUNTS.map(() => hashPassword(opts.password)));
  const result = await db.$transaction(
    async (tx): Promise<SeedResult> => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(${LOCK_KEY}::bigint)`;
      if (await demoPresent(tx)) return { seeded: false, counts: {} };
      const rules = await loadRules(tx, now);
      const rows = buildDemoRows(now, hashes, rules);
      const counts = await insertRows(tx, rows);
      const register = await seedDemoRegister(tx, now);
      return { seeded: true, counts: { ruleSets: rules.inserted, ...counts, sireneEstablishments: register } };
    },
    // The timeout is there to end a transaction whose client died, not to hurry a live one: the
    // inserts take a few seconds on an idle machine but went past 120 s on a CI runner at load 25+
    // (several integration suites seed their own database at once), which rolled everything back.
    // Ten minutes still ends a stuck run; a failed run leaves nothing, as before.
    { maxWait: 60_000, timeout: 600_000 },
  );
  // Issue 17: a month closed through the service that closes months (real snapshot, audited), after
  // the commit — its figures are computed from the rows above, which another transaction must see.
  if (result.seeded) result.counts.closedMonths = await closeDemoMonth(db, now);
  return result;
}

/** Pure generation: the same `now` (and rules) always gives the same rows, password hashes aside. */
export function buildDemoRows(now: Date, hashes: string[], rules: Omit<SeedRules, "inserted">): Rows {
  faker.seed(DEMO_FAKER_SEED);
  faker.setDefaultRefDate(now);
  try {
    const rows = emptyRows();
    const ctx: SeedContext = {
      now, windowStart: addMonthsUtc(now, -24), operations: rules.operations, referentId: "", usedSirets: new Set(),
    };
    const platforms = buildPlatforms(ctx, rows);
    ctx.referentId = buildAccounts(ctx, platforms, hashes, rows);
    const companyDates = new LatestDates();
    const chefDates = new LatestDates();
    let lensSeekers: SeekerMeta[] = [];
    for (const p of platforms) {
      const companies = generateCompanies(ctx, p, about(250), rows, companyDates);
      const visits = generateVisits(ctx, p, companies, about(150), rows, companyDates);
      planUpcomingVisits(ctx, p, companies, rows);
      const chefs = generateChefsDeFile(ctx, p, companies, about(10), rows);
      const events = generateEvents(ctx, p, companies, chefs, about(25), rows, companyDates, chefDates);
      const offers = generateOffers(ctx, p, companies, visits, events, chefs, about(200), rows, companyDates);
      const seekers = generateJobSeekers(ctx, p, events, about(300), rows);
      generatePipeline(ctx, p, offers, seekers, events, about(400), rows);
      // Amiénois misses one coprésidence last year: the governance indicator has a gap to show.
      generateGovernance(ctx, p, p.spec.slug === "amienois", rows);
      if (p.spec.slug === "lens-lievin") lensSeekers = seekers;
    }
    generateRegionFiles(ctx, platforms, rules.region, rows);
    const lens = platforms.find((p) => p.spec.slug === "lens-lievin");
    if (lens) generateFranceTravailFile(ctx, lens, rules.franceTravail, lensSeekers, rows);
    // No faker draw: placed anywhere, it changes nothing else.
    generateLateReportFile(ctx, platforms, rules.region, rules.deadlines, rows);
    // After every faker draw: the online requests take nothing from the seeded sequence.
    if (lens) seedIntakeRequests(ctx, lens, rows);
    deriveLastContacts(rows, companyDates, chefDates);
    return rows;
  } finally {
    // fakerFR is a shared instance: do not leave our reference date to other users (tests).
    faker.setDefaultRefDate();
  }
}

/** Company-side last contacts come from the activity generated above, never drawn directly. */
function deriveLastContacts(rows: Rows, companyDates: LatestDates, chefDates: LatestDates): void {
  for (const c of rows.companies) c.lastContactAt = companyDates.get(c.id as string) ?? (c.createdAt as Date);
  // Contacts share their company's last contact: that is what the 48-month retention counts from.
  for (const k of rows.contacts) k.lastContactAt = companyDates.get(k.companyId) ?? null;
  for (const ch of rows.chefsDeFile) ch.lastContactAt = chefDates.get(ch.id as string) ?? ch.since ?? null;
}

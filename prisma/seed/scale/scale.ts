// Region-scale data set (issue 8): 20 platforms of the Hauts-de-France over five years, loaded
// in bulk with INSERT … SELECT over generate_series on the server (no row travels from Node but
// the reference pools). Deterministic: every "random" choice is a hash of the row number, so the
// same `now` yields the same data. Internally consistent by construction: row n of a
// platform-scoped table belongs to platform n % 20, and every reference to another table picks a
// row number congruent to the same platform (a proposal's job seeker and offer, an offer's
// company…). Triggers stay on (Company.searchText is computed by its trigger), derived columns
// (lastContactAt, lifecycle) are computed from the generated activity at the end.
import { fakerFR as faker } from "@faker-js/faker";
import { addDaysUtc } from "@/lib/calendar-day";
import pg from "pg";
import { hashPassword } from "@/lib/auth/password";
import { TOTP_REQUIRED_ROLES } from "@/lib/auth/two-factor.rules";
import { loadCommuneReference, readCommuneReference } from "@/lib/communes/commune-reference";
import { createPrismaClient } from "@/lib/db-client";
import { computeFigures } from "@/lib/indicators/compute";
import { INDICATORS_VERSION } from "@/lib/indicators/indicators";
import { addMonths, currentMonth, monthDate, monthsBetween } from "@/lib/indicators/period.rules";
import { generateSiret } from "@/lib/rules/siret.rules";
import { ACCOMPANIMENTS, CONTACT_TITLES, LAST_CLASSES, NOT_RETAINED_REASONS, PARTNERS, REFUSAL_REASONS, SECTORS, TRAININGS, VISIT_PURPOSES } from "../catalog";
import { DEMO_TOTP_SECRET } from "../demo-totp";
import { ensureInitialRuleSets } from "../rule-sets";

export const SCALES = {
  region: { platforms: 20, companies: 60_000, contacts: 100_000, jobSeekers: 250_000, offers: 150_000, proposals: 500_000, visits: 100_000, events: 5_000, participations: 80_000 },
  small: { platforms: 20, companies: 600, contacts: 1_000, jobSeekers: 2_500, offers: 1_500, proposals: 5_000, visits: 1_000, events: 50, participations: 800 },
} as const;
export type ScaleName = keyof typeof SCALES;
export type ScaleCounts = (typeof SCALES)[ScaleName];

/** Accounts of the scale data set share this domain; the password is DEMO_PASSWORD. */
export const SCALE_EMAIL_DOMAIN = "scale.demo";
export const SCALE_REFERENT_EMAIL = `referent@${SCALE_EMAIL_DOMAIN}`;
export const SCALE_FT_REVIEWER_EMAIL = `reviewer-ft@${SCALE_EMAIL_DOMAIN}`;
export const SCALE_DPO_EMAIL = `dpo@${SCALE_EMAIL_DOMAIN}`;
export const scaleManagerEmail = (k: number) => `manager.p${k}@${SCALE_EMAIL_DOMAIN}`;

const HDF_DEPARTMENTS = new Set(["02", "59", "60", "62", "80"]);
const YEARS = 5;

/** Stable uuid of row `n` of a table (prefix) as a SQL expression: an md5 shaped as an RFC 4122
 *  version-4 uuid (version and variant digits set), so the API's strict uuid validation accepts it. */
const id = (prefix: string, n: string) => `overlay(overlay(md5('${prefix}' || (${n})) placing '4' from 13) placing '8' from 17)::uuid`;
/** Deterministic pseudo-random integer in [0, 2^32) from a salt and a row expression. */
const H = (salt: string, n: string) => `(hashtext('${salt}' || (${n}))::bigint + 2147483648)`;
/** Same, as a fraction in [0, 1). */
const F = (salt: string, n: string) => `(${H(salt, n)}::float8 / 4294967296.0)`;
/** An element of a SQL array literal chosen by hash. */
const pick = (arr: string, salt: string, n: string) => `(${arr})[1 + ${H(salt, n)} % cardinality(${arr})]`;
const textArray = (values: readonly string[]) => `ARRAY[${values.map((v) => `'${v.replaceAll("'", "''")}'`).join(",")}]::text[]`;

function slugify(s: string): string {
  return s.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "");
}

interface PlatformPlan {
  k: number;
  name: string;
  slug: string;
  structure: string;
  insee: string[];
  names: string[];
  postals: string[];
  population: number;
}

/** 20 platforms from the Hauts-de-France EPCIs (largest first, dealt round-robin). */
function planPlatforms(count: number): PlatformPlan[] {
  const communes = readCommuneReference().filter((c) => HDF_DEPARTMENTS.has(c.departmentCode) && c.epciCode);
  const byEpci = new Map<string, { name: string; communes: typeof communes; population: number }>();
  for (const c of communes) {
    const e = byEpci.get(c.epciCode!) ?? { name: c.epciName!, communes: [], population: 0 };
    e.communes.push(c);
    e.population += c.population;
    byEpci.set(c.epciCode!, e);
  }
  const epcis = [...byEpci.values()].sort((a, b) => b.population - a.population || a.name.localeCompare(b.name));
  const plans: PlatformPlan[] = [];
  for (let k = 0; k < count; k++) {
    const lead = epcis[k]!;
    plans.push({ k, name: `Proch'Emploi ${lead.name}`, slug: slugify(lead.name), structure: lead.name, insee: [], names: [], postals: [], population: 0 });
  }
  epcis.forEach((e, i) => {
    const p = plans[i < count ? i : count - 1 - ((i - count) % count)]!;
    for (const c of e.communes.sort((a, b) => b.population - a.population)) {
      p.insee.push(c.inseeCode);
      p.names.push(c.name);
      p.postals.push(c.postalCodes[0] ?? "");
      p.population += c.population;
    }
  });
  return plans;
}

function pools() {
  faker.seed(8_2026);
  const uniq = (n: number, f: () => string) => [...new Set(Array.from({ length: n }, f))];
  return {
    lastNames: uniq(3000, () => faker.person.lastName()),
    femaleNames: uniq(1500, () => faker.person.firstName("female")),
    maleNames: uniq(1500, () => faker.person.firstName("male")),
    streets: uniq(3000, () => faker.location.street()),
  };
}

/** Writes the snapshot of every platform × month from the first month of data to two months before `now`. */
async function closePastMonths(url: string, now: Date, platformCount: number): Promise<number> {
  const prisma = createPrismaClient(url, 2);
  try {
    const platforms = await prisma.platform.findMany({ select: { id: true, memberships: { select: { userId: true, user: { select: { role: true } } } } } });
    if (platforms.length !== platformCount) throw new Error("plateformes inattendues");
    const last = addMonths(currentMonth(now), -2);
    const first = addMonths(currentMonth(now), -(YEARS * 12));
    const figures = await computeFigures(prisma, platforms.map((p) => p.id), first, last);
    const rows = platforms.flatMap((p) =>
      monthsBetween(first, last).map((m) => ({
        platformId: p.id, month: monthDate(m), snapshotVersion: 1, definitionsVersion: INDICATORS_VERSION, figures: figures.get(p.id)!.get(m)!,
        closedById: p.memberships.find((x) => x.user.role === "PLATFORM_MANAGER")?.userId ?? null, closedAt: addDaysUtc(monthDate(addMonths(m, 1)), 5),
      })),
    );
    const { count } = await prisma.monthlySnapshot.createMany({ data: rows });
    return count;
  } finally {
    await prisma.$disconnect();
  }
}

export interface ScaleResult {
  seeded: boolean;
  counts: Record<string, number>;
  seconds: number;
  steps: { step: string; seconds: number }[];
}

/** True when the database already holds platforms (the generator only fills an empty database). */
export async function hasData(client: pg.Client): Promise<boolean> {
  const r = await client.query<{ n: string }>(`SELECT count(*) AS n FROM "Platform"`);
  return Number(r.rows[0]!.n) > 0;
}

export async function seedScale(url: string, scale: ScaleName, opts: { password: string; now?: Date; log?: (line: string) => void }): Promise<ScaleResult> {
  const started = performance.now();
  const log = opts.log ?? (() => undefined);
  const N = SCALES[scale];
  const now = opts.now ?? new Date();
  const NOW = `'${now.toISOString()}'::timestamp`;
  const P = N.platforms;
  const steps: ScaleResult["steps"] = [];

  // Reference data and rule sets through the application's own loaders.
  const prisma = createPrismaClient(url, 2);
  try {
    await loadCommuneReference(prisma);
    await ensureInitialRuleSets(prisma, now);
  } finally {
    await prisma.$disconnect();
  }

  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    if (await hasData(client)) return { seeded: false, counts: {}, seconds: 0, steps };
    const step = async (name: string, sql: string, params: unknown[] = []) => {
      const t = performance.now();
      const r = await client.query(sql, params);
      const seconds = (performance.now() - t) / 1000;
      steps.push({ step: name, seconds });
      log(`  ${name.padEnd(34)} ${String(r.rowCount ?? "").padStart(8)}  ${seconds.toFixed(1)} s`);
      return r;
    };

    const plans = planPlatforms(P);
    const pool = pools();
    const passwordHash = await hashPassword(opts.password);
    await client.query("BEGIN");
    await client.query("SET LOCAL synchronous_commit = off");
    await client.query("SET LOCAL work_mem = '256MB'");
    await client.query("SET LOCAL maintenance_work_mem = '256MB'");
    // Bulk load: when the role may (superuser), foreign-key triggers are skipped — every reference is
    // built to exist, and the integration test checks them. Company's searchText trigger is always on.
    let fastLoad = true;
    await client.query("SAVEPOINT role");
    try {
      await client.query("SET LOCAL session_replication_role = replica");
    } catch {
      fastLoad = false;
      await client.query("ROLLBACK TO SAVEPOINT role");
    }
    // Secondary indexes of the bulk tables are dropped during the load and rebuilt at the end
    // (one sort per index instead of 1.5 million random insertions); keys and unique indexes stay.
    const BULK_TABLES = ["Company", "CompanyContact", "Visit", "VisitStaff", "JobOffer", "JobSeeker", "CircuitCourtEvent", "EventCompanyParticipation",
      "EventJobSeekerParticipation", "Proposal", "MobilityDiagnostic"];
    const secondary = await client.query<{ name: string; def: string }>(
      `SELECT i.indexname AS name, i.indexdef AS def FROM pg_indexes i JOIN pg_class c ON c.relname = i.indexname JOIN pg_index x ON x.indexrelid = c.oid
       WHERE i.schemaname = 'public' AND i.tablename = ANY($1) AND NOT x.indisunique AND NOT x.indisprimary`,
      [BULK_TABLES],
    );
    for (const ix of secondary.rows) await client.query(`DROP INDEX "${ix.name}"`);
    const triggers = async (on: boolean) => {
      if (fastLoad) await client.query(`SET LOCAL session_replication_role = ${on ? "origin" : "replica"}`);
    };

    // ── temporary lookup tables (dropped at commit) ──
    await client.query(`CREATE TEMP TABLE scale_pf (k int PRIMARY KEY, insee text[], names text[], postals text[], slug text) ON COMMIT DROP`);
    for (const p of plans) {
      await client.query(`INSERT INTO scale_pf VALUES ($1, $2, $3, $4, $5)`, [p.k, p.insee, p.names, p.postals, p.slug]);
    }
    await client.query(`CREATE TEMP TABLE scale_sector (s int PRIMARY KEY, name text, naf text[], rome text[], title text[], tension bool[]) ON COMMIT DROP`);
    for (const [s, sec] of SECTORS.entries()) {
      await client.query(`INSERT INTO scale_sector VALUES ($1, $2, $3, $4, $5, $6)`, [s, sec.name, sec.naf, sec.jobs.map((j) => j.rome), sec.jobs.map((j) => j.title), sec.jobs.map((j) => j.inTension)]);
    }
    // Name pools are inlined as constant arrays: a constant is read in place, whereas an array
    // stored in a table row is TOASTed and would be decompressed again for every row.
    const sp = { last: textArray(pool.lastNames), female: textArray(pool.femaleNames), male: textArray(pool.maleNames), street: textArray(pool.streets) };
    // Communes of each perimeter as rows (k, i): picked with an equi-join on a hashed index.
    await client.query(`CREATE TEMP TABLE scale_commune (k int, i int, insee text, name text, postal text, PRIMARY KEY (k, i)) ON COMMIT DROP`);
    for (const p of plans) {
      await client.query(`INSERT INTO scale_commune SELECT $1, t.i - 1, t.insee, t.name, t.postal FROM unnest($2::text[], $3::text[], $4::text[]) WITH ORDINALITY AS t(insee, name, postal, i)`, [p.k, p.insee, p.names, p.postals]);
    }
    await client.query(`ALTER TABLE scale_pf ADD COLUMN n int`);
    await client.query(`UPDATE scale_pf SET n = cardinality(insee)`);
    await client.query(`ANALYZE scale_pf; ANALYZE scale_commune; ANALYZE scale_sector`);
    const communeJoin = (alias: string, k: string, salt: string, n: string) => `JOIN scale_pf ${alias}_pf ON ${alias}_pf.k = ${k} JOIN scale_commune ${alias} ON ${alias}.k = ${k} AND ${alias}.i = ${H(salt, n)} % ${alias}_pf.n`;

    // ── platforms and accounts ──
    await step(
      "platforms",
      `INSERT INTO "Platform" (id, name, slug, "carryingStructureName", "carryingStructureType", "hostingPlace", "employmentZone", "perimeterInseeCodes",
         population, "companyCount", "staffEtp", "conventionStartDate", "conventionEndDate", "notificationDate", "coPresidents", "updatedAt")
       SELECT ${id("pf", "t.k")}, t.name, t.slug, t.structure, 'EPCI'::"CarryingStructureType", 'Maison de l''emploi, ' || pf.names[1], 'Zone d''emploi de ' || pf.names[1], pf.insee,
         t.population, greatest(1000, t.population / 12), 2 + (t.k % 3), date_trunc('year', ${NOW} - interval '${YEARS} years')::date,
         (date_trunc('year', ${NOW}) + interval '1 year - 1 day')::date, date_trunc('year', ${NOW} - interval '${YEARS} years')::date,
         ARRAY['Président(e) de ' || t.structure, 'Direction territoriale France Travail'], ${NOW}
       FROM unnest($1::int[], $2::text[], $3::text[], $4::text[], $5::int[]) AS t(k, name, slug, structure, population) JOIN scale_pf pf ON pf.k = t.k`,
      [plans.map((p) => p.k), plans.map((p) => p.name), plans.map((p) => p.slug), plans.map((p) => p.structure), plans.map((p) => p.population)],
    );
    // Per platform: a manager and two assistants; region-wide: referent, finance, DPO, admin, France Travail reviewer.
    await step(
      "users",
      `INSERT INTO "User" (id, email, "firstName", "lastName", "passwordHash", role, "allPlatforms", "charterAcceptedAt", "passwordChangedAt", "updatedAt", "totpSecret", "totpEnabledAt")
       SELECT ${id("us", "pf.k || '-' || r")}, (CASE r WHEN 0 THEN 'manager' ELSE 'assistant' || r END) || '.p' || pf.k || '@${SCALE_EMAIL_DOMAIN}',
         ${pick(sp.female, "uf", "pf.k || '-' || r")}, ${pick(sp.last, "ul", "pf.k || '-' || r")}, $1,
         (CASE r WHEN 0 THEN 'PLATFORM_MANAGER' ELSE 'PLATFORM_ASSISTANT' END)::"Role", false, ${NOW}, ${NOW}, ${NOW}, NULL, NULL
       FROM scale_pf pf CROSS JOIN generate_series(0, 2) r 
       UNION ALL
       SELECT ${id("us", "t.email")}, t.email, t.first, t.last, $1, t.role::"Role", t.role IN ('REGION_REFERENT', 'REGION_FINANCE', 'DPO'), ${NOW}, ${NOW}, ${NOW},
         -- Two-factor roles are enrolled with the documented development secret (tokens of a user
         -- who must enrol are refused).
         CASE WHEN t.role = ANY($3::text[]) THEN $2 END, CASE WHEN t.role = ANY($3::text[]) THEN ${NOW} END
       FROM (VALUES ('referent@${SCALE_EMAIL_DOMAIN}', 'REGION_REFERENT', 'Claire', 'Delattre'), ('finance@${SCALE_EMAIL_DOMAIN}', 'REGION_FINANCE', 'Marc', 'Lefebvre'),
         ('dpo@${SCALE_EMAIL_DOMAIN}', 'DPO', 'Nadia', 'Benali'), ('admin@${SCALE_EMAIL_DOMAIN}', 'ADMIN', 'Paul', 'Duhamel'),
         ('reviewer-ft@${SCALE_EMAIL_DOMAIN}', 'FRANCE_TRAVAIL_REVIEWER', 'Sophie', 'Vasseur')) AS t(email, role, first, last)`,
      [passwordHash, DEMO_TOTP_SECRET, [...TOTP_REQUIRED_ROLES]],
    );
    await step(
      "memberships",
      `INSERT INTO "PlatformMembership" ("userId", "platformId") SELECT ${id("us", "pf.k || '-' || r")}, ${id("pf", "pf.k")} FROM scale_pf pf CROSS JOIN generate_series(0, 2) r`,
    );
    const staff = (k: string, salt: string, n: string) => id("us", `${k} || '-' || (${H(salt, n)} % 3)`);

    // ── companies (SIRETs computed in Node: Luhn-valid SIREN and SIRET, unique) ──
    faker.seed(8_2027);
    const sirets = new Set<string>();
    while (sirets.size < N.companies) sirets.add(generateSiret(() => faker.number.float({ min: 0, max: 0.999999 })));
    const names = Array.from({ length: N.companies }, () => faker.company.name());
    await triggers(true);
    const cAge = `(${H("cc", "g")} % (${YEARS} * 365 * 1440)) * interval '1 minute'`;
    await step(
      "companies",
      `INSERT INTO "Company" (id, "platformId", siret, siren, name, "nafCode", sector, "headcountBand", "addressLine", "postalCode", city, "inseeCode",
         "viaNumeroVert", "numeroVertCallDate", "createdById", "createdAt", "updatedAt")
       SELECT ${id("co", "g")}, ${id("pf", "x.k")}, x.siret, left(x.siret, 9), x.name, ${pick("sec.naf", "naf", "g")}, sec.name,
         (ARRAY['H0','H1_9','H10_49','H50_249','H250_999','H1000_PLUS'])[1 + least(5, floor(-ln(1 - ${F("hc", "g")}) * 1.2)::int)]::"HeadcountBand",
         (1 + ${H("an", "g")} % 150) || ' ' || ${pick(sp.street, "as", "g")},
         cm.postal, cm.name, cm.insee,
         ${H("nv", "g")} % 8 = 0, CASE WHEN ${H("nv", "g")} % 8 = 0 THEN ${NOW} - ${cAge} END, ${staff("x.k", "cu", "g")}, ${NOW} - ${cAge}, ${NOW} - ${cAge}
       FROM (SELECT s.g - 1 AS g, (s.g - 1) % ${P} AS k, s.siret, s.name FROM unnest($1::text[], $2::text[]) WITH ORDINALITY AS s(siret, name, g)) x
       ${communeJoin("cm", "x.k", "ci", "x.g")}
       JOIN scale_sector sec ON sec.s = ${H("sec", "g")} % ${SECTORS.length}
       `,
      [[...sirets], names],
    );
    await triggers(false);
    // Row n of a platform-scoped table with M rows belongs to platform n % P; pick another row of platform k:
    const sameK = (prefix: string, k: string, total: number, salt: string, n: string) => id(prefix, `${k} + ${P} * (${H(salt, n)} % ${Math.floor(total / P)})`);

    // ── visits (with their staff), then companies' last contact, then contacts ──
    await step(
      "visits",
      `INSERT INTO "Visit" (id, "platformId", "companyId", date, purpose, "partnersPresent", needs, outcome, "createdById", "createdAt", "updatedAt")
       SELECT ${id("vi", "g")}, c."platformId", c.id, v.date, ${pick(textArray(VISIT_PURPOSES), "vp", "g")},
         CASE WHEN ${H("vpp", "g")} % 3 = 0 THEN ARRAY[${pick(textArray(PARTNERS), "vpa", "g")}] ELSE '{}' END,
         ARRAY[(ARRAY['RECRUTEMENT','RECRUTEMENT','FORMATION','GPEC','AUTRE'])[1 + ${H("vn", "g")} % 5]]::"NeedKind"[],
         CASE WHEN v.date < ${NOW} THEN 'Besoins recueillis, suite à donner' END, ${staff("(g % " + P + ")", "vu", "g")}, v.date, v.date
       FROM generate_series(0, ${N.visits - 1}) g
       JOIN "Company" c ON c.id = ${sameK("co", `g % ${P}`, N.companies, "vc", "g")}
       CROSS JOIN LATERAL (SELECT c."createdAt" + (${NOW} - c."createdAt") * ${F("vd", "g")} AS date) v`,
    );
    await step("visit staff", `INSERT INTO "VisitStaff" ("visitId", "userId") SELECT v.id, ${staff("(g % " + P + ")", "vu", "g")} FROM generate_series(0, ${N.visits - 1}) g JOIN "Visit" v ON v.id = ${id("vi", "g")}`);
    await step(
      "companies: last contact",
      `UPDATE "Company" c SET "lastContactAt" = v.m FROM (SELECT "companyId", max(date) AS m FROM "Visit" GROUP BY 1) v WHERE c.id = v."companyId"`,
    );
    await step(
      "company contacts",
      `INSERT INTO "CompanyContact" (id, "platformId", "companyId", "lastName", "firstName", "jobTitle", "proAddress", "proEmail", "proPhone", "lastContactAt", "createdAt", "updatedAt")
       SELECT ${id("cc", "g")}, c."platformId", c.id, n.last, n.first, ${pick(textArray(CONTACT_TITLES), "ct", "g")}, c."addressLine" || ', ' || c."postalCode" || ' ' || c.city,
         lower(regexp_replace(f_unaccent(n.first || '.' || n.last), '[^A-Za-z.]+', '', 'g')) || '@' || lower(regexp_replace(f_unaccent(split_part(c.name, ' ', 1)), '[^A-Za-z]+', '', 'g')) || '.fr',
         '03 ' || to_char(${H("cp", "g")} % 100000000, 'FM00 00 00 00'), coalesce(c."lastContactAt", c."createdAt"), c."createdAt", c."createdAt"
       FROM generate_series(0, ${N.contacts - 1}) g
       JOIN "Company" c ON c.id = ${id("co", `g % ${N.companies}`)}
       
       CROSS JOIN LATERAL (SELECT ${pick(sp.last, "cl", "g")} AS last, CASE WHEN ${H("cs", "g")} % 2 = 0 THEN ${pick(sp.female, "cf", "g")} ELSE ${pick(sp.male, "cm", "g")} END AS first) n`,
    );

    // ── offers ──
    const contracts = `(ARRAY['CDI','CDI','CDD','CDD','ALTERNANCE','APPRENTISSAGE','INTERIM','CONTRAT_AIDE'])`;
    await step(
      "job offers",
      `INSERT INTO "JobOffer" (id, "platformId", "companyId", title, "romeCode", "contractType", "contractDurationMonths", "workingTime", "weeklyHours", "placeInseeCode", "placeLabel",
         positions, "positionsFilled", "hiddenMarket", "inTension", source, status, "applicationsReceived", "receivedAt", "expiresAt", "filledAt", "closedAt", "createdById", "createdAt", "updatedAt")
       SELECT ${id("of", "g")}, c."platformId", c.id, sec.title[j], sec.rome[j], o.contract::"ContractType", CASE WHEN o.contract IN ('CDD','INTERIM') THEN 1 + ${H("od", "g")} % 12 END,
         CASE WHEN ${H("wt", "g")} % 5 = 0 THEN 'TEMPS_PARTIEL' ELSE 'TEMPS_PLEIN' END::"WorkingTime", CASE WHEN ${H("wt", "g")} % 5 = 0 THEN 24 ELSE 35 END,
         c."inseeCode", c.city, o.positions, CASE o.status WHEN 'FILLED' THEN o.positions WHEN 'PARTIALLY_FILLED' THEN 1 ELSE 0 END,
         ${H("hm", "g")} % 3 = 0, sec.tension[j], (ARRAY['VISITE','VISITE','NUMERO_VERT','EVENEMENT','CHEF_DE_FILE','SPONTANEE','AUTRE'])[1 + ${H("os", "g")} % 7]::"OfferSource",
         o.status::"OfferStatus", ${H("ap", "g")} % 12, o.received, o.received + interval '90 days',
         CASE WHEN o.status = 'FILLED' THEN o.closed END, CASE WHEN o.status IN ('FILLED','CANCELLED','EXPIRED') THEN o.closed END,
         ${staff("(g % " + P + ")", "ou", "g")}, o.received, coalesce(o.closed, o.received)
       FROM generate_series(0, ${N.offers - 1}) g
       JOIN "Company" c ON c.id = ${sameK("co", `g % ${P}`, N.companies, "oc", "g")}
       JOIN scale_sector sec ON sec.name = c.sector
       CROSS JOIN LATERAL (SELECT 1 + ${H("oj", "g")} % cardinality(sec.rome) AS j) jj
       CROSS JOIN LATERAL (SELECT c."createdAt" + (${NOW} - c."createdAt") * ${F("or", "g")} AS received, ${pick(contracts, "oct", "g")} AS contract,
         1 + (${H("op", "g")} % 10) / 7 + (${H("op", "g")} % 10) / 9 AS positions) r
       CROSS JOIN LATERAL (SELECT r.received, r.contract, r.positions,
         CASE WHEN ${NOW} - r.received < interval '60 days' THEN (ARRAY['OPEN','OPEN','OPEN','OPEN','PARTIALLY_FILLED','DRAFT'])[1 + ${H("st", "g")} % 6]
              WHEN ${NOW} - r.received < interval '120 days' THEN (ARRAY['FILLED','FILLED','EXPIRED','CANCELLED','OPEN','PARTIALLY_FILLED'])[1 + ${H("st", "g")} % 6]
              ELSE (ARRAY['FILLED','FILLED','FILLED','FILLED','FILLED','EXPIRED','EXPIRED','EXPIRED','CANCELLED','CANCELLED'])[1 + ${H("st", "g")} % 10] END AS status,
         least(${NOW}, r.received + (5 + ${H("ocl", "g")} % 80) * interval '1 day') AS closed) o`,
    );

    // ── job seekers (lastContactAt and lifecycle finalised after their activity) ──
    await step(
      "job seekers",
      `INSERT INTO "JobSeeker" (id, "platformId", civilite, "lastName", "firstName", "birthDate", "addressLine", "postalCode", city, "inseeCode", phone, email, "franceTravailId",
         "transportModes", "maxTravelMinutes", "mobilityScope", "mobilityCodes", "supportNeeds", "lastClassAttended", "inActivity", "monthsWithoutEmployment",
         "desiredRomeCodes", "desiredJobLabel", rsa, rqth, indemnise, origin, "referentId", "informedAt", "informedChannel", "lastContactAt", "createdById", "createdAt", "updatedAt")
       SELECT ${id("js", "g")}, ${id("pf", "x.k")}, CASE WHEN x.f THEN 'MADAME' ELSE 'MONSIEUR' END::"Civilite", x.last, x.first,
         (${NOW} - (18 * 365 + ${H("bd", "g")} % (45 * 365)) * interval '1 day')::date,
         (1 + ${H("an", "g")} % 200) || ' ' || ${pick(sp.street, "js", "g")}, cm.postal, cm.name, cm.insee,
         '0' || (6 + ${H("ph", "g")} % 2) || ' ' || to_char(${H("ph2", "g")} % 100000000, 'FM00 00 00 00'),
         lower(regexp_replace(f_unaccent(x.first || '.' || x.last), '[^A-Za-z.]+', '', 'g')) || (g % 97) || (ARRAY['@gmail.com','@orange.fr','@free.fr','@laposte.net','@outlook.fr'])[1 + ${H("em", "g")} % 5],
         CASE WHEN ${H("ft", "g")} % 3 > 0 THEN upper(to_hex(${H("ft2", "g")}::bigint)) || (g % 10) END,
         ARRAY[(ARRAY['VOITURE','TRANSPORTS_EN_COMMUN','TRANSPORTS_EN_COMMUN','VELO','MARCHE','COVOITURAGE','DEUX_ROUES','AUCUN'])[1 + ${H("tm", "g")} % 8]]::"TransportMode"[],
         15 + 15 * (${H("mt", "g")} % 4), (ARRAY['COMMUNE','EPCI','EPCI','DEPARTEMENT'])[1 + ${H("ms", "g")} % 4]::"MobilityScope", '{}',
         CASE WHEN ${H("sn", "g")} % 6 = 0 THEN ARRAY['GARDE_ENFANTS']::"SupportNeed"[] ELSE '{}' END, ${pick(textArray(LAST_CLASSES), "lc", "g")},
         false, ${H("mw", "g")} % 36, ARRAY[sec.rome[1 + ${H("dr", "g")} % cardinality(sec.rome)]], sec.title[1 + ${H("dr", "g")} % cardinality(sec.rome)],
         ${H("rsa", "g")} % 5 = 0, ${H("rq", "g")} % 12 = 0, ${H("ind", "g")} % 2 = 0,
         (ARRAY['NUMERO_VERT','CIRCUIT_COURT','OFFRE','PARTENAIRE','PARTENAIRE','SPONTANE','AUTRE'])[1 + ${H("or", "g")} % 7]::"JobSeekerOrigin",
         ${staff("x.k", "ref", "g")}, x.created, 'EN_PERSONNE'::"InformationChannel", x.created + (${NOW} - x.created) * ${F("lc", "g")}, ${staff("x.k", "cu", "g")}, x.created, x.created
       FROM (SELECT g, g % ${P} AS k, ${H("sx", "g")} % 2 = 0 AS f, ${NOW} - (${H("jc", "g")} % (${YEARS} * 365 * 1440)) * interval '1 minute' AS created,
               ${pick(sp.last, "ln", "g")} AS last,
               CASE WHEN ${H("sx", "g")} % 2 = 0 THEN ${pick(sp.female, "fn", "g")} ELSE ${pick(sp.male, "fn", "g")} END AS first
             FROM generate_series(0, ${N.jobSeekers - 1}) g) x
       ${communeJoin("cm", "x.k", "ci", "x.g")}
       JOIN scale_sector sec ON sec.s = ${H("ss", "g")} % ${SECTORS.length}
       `,
    );

    // ── events, their companies and job seekers ──
    await step(
      "circuit-court events",
      `INSERT INTO "CircuitCourtEvent" (id, "platformId", kind, title, date, place, theme, sector, organiser, status, outcomes, capacity, "createdAt", "updatedAt")
       SELECT ${id("ev", "g")}, ${id("pf", "e.k")}, e.kind::"EventKind",
         (CASE e.kind WHEN 'CIRCUIT_COURT' THEN 'Circuit court ' WHEN 'JOB_DATING' THEN 'Job dating ' WHEN 'FORUM' THEN 'Forum emploi ' ELSE 'Rencontre ' END) || sec.name || ' — ' || cm.name,
         e.date, 'Salle des fêtes, ' || cm.name, 'Recrutement ' || sec.name, sec.name, 'Plateforme Proch''Emploi',
         CASE WHEN e.date < ${NOW} THEN CASE WHEN ${H("ecx", "g")} % 25 = 0 THEN 'CANCELLED' ELSE 'HELD' END ELSE 'PLANNED' END::"EventStatus",
         CASE WHEN e.date < ${NOW} THEN 'Entretiens menés, suites données par les entreprises' END, 30, e.date - interval '30 days', e.date - interval '30 days'
       FROM (SELECT g, g % ${P} AS k, (ARRAY['CIRCUIT_COURT','CIRCUIT_COURT','CIRCUIT_COURT','JOB_DATING','FORUM','AUTRE'])[1 + ${H("ek", "g")} % 6] AS kind,
               date_trunc('hour', ${NOW} - (${H("ed", "g")} % (${YEARS} * 365 - 90) - 90) * interval '1 day') + interval '9 hours' AS date
             FROM generate_series(0, ${N.events - 1}) g) e
       ${communeJoin("cm", "e.k", "ep", "e.g")}
       JOIN scale_sector sec ON sec.s = ${H("es", "g")} % ${SECTORS.length}`,
    );
    const perEventCompanies = 3;
    await step(
      "event companies",
      `INSERT INTO "EventCompanyParticipation" ("eventId", "companyId", attended, attendance)
       SELECT ev.id, ${id("co", `(e % ${P}) + ${P} * ((${H("ec", "e")} + j * 97) % ${Math.floor(N.companies / P)})`)}, ev.date < ${NOW},
         CASE WHEN ev.date < ${NOW} THEN 'PRESENT' ELSE 'REGISTERED' END::"AttendanceStatus"
       FROM generate_series(0, ${N.events - 1}) e CROSS JOIN generate_series(0, ${perEventCompanies - 1}) j JOIN "CircuitCourtEvent" ev ON ev.id = ${id("ev", "e")}
       ON CONFLICT DO NOTHING`,
    );
    const perEvent = Math.floor(N.participations / N.events);
    const seekersPerPlatform = Math.floor(N.jobSeekers / P);
    await step(
      "event participations",
      `INSERT INTO "EventJobSeekerParticipation" ("eventId", "jobSeekerId", attended, young, outcome, attendance, waitlisted, "registeredAt")
       SELECT ev.id, js.id, a.att = 'PRESENT', js."birthDate" > (ev.date - interval '26 years')::date,
         CASE WHEN a.att = 'PRESENT' AND ${H("eo", "g")} % 3 = 0 THEN 'Entretien obtenu' END, a.att::"AttendanceStatus", false, ev.date - (1 + ${H("er", "g")} % 20) * interval '1 day'
       FROM (SELECT g, g % ${N.events} AS e, g / ${N.events} AS slot FROM generate_series(0, ${perEvent * N.events - 1}) g) p
       JOIN "CircuitCourtEvent" ev ON ev.id = ${id("ev", "p.e")}
       JOIN "JobSeeker" js ON js.id = ${id("js", `(p.e % ${P}) + ${P} * ((${H("ej", "p.e")} + p.slot) % ${seekersPerPlatform})`)}
       CROSS JOIN LATERAL (SELECT CASE WHEN ev.status = 'PLANNED' THEN 'REGISTERED' WHEN ev.status = 'CANCELLED' THEN 'EXCUSED'
         ELSE (ARRAY['PRESENT','PRESENT','PRESENT','PRESENT','PRESENT','PRESENT','PRESENT','ABSENT','ABSENT','EXCUSED'])[1 + ${H("ea", "p.g")} % 10] END AS att) a`,
    );

    // ── proposals: job seeker and offer of the same platform ──
    await step(
      "proposals",
      `INSERT INTO "Proposal" (id, "platformId", "jobSeekerId", kind, "offerId", label, status, "proposedAt", "statusChangedAt", "refusalReason", "interviewAt", "hiredAt",
         "hireContractType", "notRetainedReason", "createdById", "createdAt", "updatedAt")
       SELECT ${id("pr", "g")}, js."platformId", js.id, p.kind::"ProposalKind", CASE WHEN p.kind = 'JOB' THEN o.id END,
         CASE p.kind WHEN 'TRAINING' THEN ${pick(textArray(TRAININGS), "pt", "g")} WHEN 'ACCOMPANIMENT' THEN ${pick(textArray(ACCOMPANIMENTS), "pa", "g")} END,
         s.status::"ProposalStatus", d.at, d.changed,
         CASE WHEN s.status = 'REFUSED' THEN ${pick(textArray(REFUSAL_REASONS), "rr", "g")} END,
         CASE WHEN s.status IN ('INTERVIEW','HIRED','NOT_RETAINED') THEN d.at + (d.changed - d.at) / 2 END,
         CASE WHEN s.status = 'HIRED' THEN d.changed END, CASE WHEN s.status = 'HIRED' THEN o."contractType" END,
         CASE WHEN s.status = 'NOT_RETAINED' THEN ${pick(textArray(NOT_RETAINED_REASONS), "nr", "g")} END,
         ${staff("(g % " + P + ")", "pu", "g")}, d.at, d.changed
       FROM generate_series(0, ${N.proposals - 1}) g
       JOIN "JobSeeker" js ON js.id = ${sameK("js", `g % ${P}`, N.jobSeekers, "pj", "g")}
       JOIN "JobOffer" o ON o.id = ${sameK("of", `g % ${P}`, N.offers, "po", "g")}
       CROSS JOIN LATERAL (SELECT (ARRAY['JOB','JOB','JOB','JOB','JOB','JOB','JOB','JOB','JOB','JOB','JOB','JOB','JOB','JOB','JOB','JOB','JOB','TRAINING','TRAINING','ACCOMPANIMENT'])[1 + ${H("pk", "g")} % 20] AS kind) p
       CROSS JOIN LATERAL (SELECT least(${NOW}, CASE WHEN p.kind = 'JOB' THEN greatest(js."createdAt", o."receivedAt") ELSE js."createdAt" END + (${H("pd", "g")} % 120) * interval '1 day') AS start) d0
       CROSS JOIN LATERAL (SELECT d0.start AS at, least(${NOW}, d0.start + (${H("pc", "g")} % 30) * interval '1 day') AS changed) d
       CROSS JOIN LATERAL (SELECT (ARRAY['PROPOSED','ACCEPTED','REFUSED','REFUSED','INTERVIEW','HIRED','HIRED','NOT_RETAINED','NOT_RETAINED','NOT_RETAINED'])[1 + ${H("ps", "g")} % 10] AS status) s`,
    );

    // ── mobility diagnostics under a France Travail file per platform and year (last two years) ──
    await step(
      "subsidy files (France Travail)",
      `INSERT INTO "SubsidyFile" (id, "platformId", year, funder, status, "staffEtp", "requestedCents", "awardedCents", "signedAt", "notifiedAt", "reviewerId", "updatedAt")
       SELECT ${id("sf", "pf.k || '-' || y")}, ${id("pf", "pf.k")}, y, 'FRANCE_TRAVAIL'::"Funder", 'SIGNED'::"SubsidyStatus", 1, 6000000, 6000000, make_date(y, 2, 15), make_date(y, 2, 1),
         ${id("us", `'${SCALE_FT_REVIEWER_EMAIL}'`)}, ${NOW}
       FROM scale_pf pf CROSS JOIN generate_series(extract(year FROM ${NOW})::int - 1, extract(year FROM ${NOW})::int) y`,
    );
    await step(
      "mobility diagnostics",
      `INSERT INTO "MobilityDiagnostic" (id, "platformId", "jobSeekerId", "subsidyFileId", date, "diagnosticDone", "accompanimentDone", "accompanimentDurationDays",
         "solutionRecommended", "solutionType", "distanceBeforeKm", "distanceAfterKm", satisfaction, "updatedAt")
       SELECT ${id("md", "js.id::text")}, js."platformId", js.id, ${id("sf", `(g % ${P}) || '-' || extract(year FROM d.date)::int`)}, d.date, true, ${H("mad", "g")} % 2 = 0,
         CASE WHEN ${H("mad", "g")} % 2 = 0 THEN 10 + ${H("mdd", "g")} % 60 END, ${H("msr", "g")} % 3 > 0, 'Aide au permis B',
         5 + ${H("mkb", "g")} % 40, 5 + ${H("mkb", "g")} % 40 - ${H("mka", "g")} % 5, 1 + ${H("msa", "g")} % 5, ${NOW}
       FROM generate_series(0, ${N.jobSeekers - 1}) g
       JOIN "JobSeeker" js ON js.id = ${id("js", "g")}
       CROSS JOIN LATERAL (SELECT (${NOW} - (${H("mdt", "g")} % 600) * interval '1 day')::date AS date) d
       WHERE ${H("md", "g")} % 10 = 0`,
    );

    // ── derived: last contact of each job seeker = latest of its record and its activity; lifecycle by retention age ──
    await step(
      "job seekers: last contact",
      `UPDATE "JobSeeker" j SET "lastContactAt" = a.m, "updatedAt" = greatest(j."updatedAt", a.m)
       FROM (SELECT id, max(at) AS m FROM (
               SELECT "jobSeekerId" AS id, "statusChangedAt" AS at FROM "Proposal"
               UNION ALL SELECT p."jobSeekerId", e.date FROM "EventJobSeekerParticipation" p JOIN "CircuitCourtEvent" e ON e.id = p."eventId" WHERE p.attendance = 'PRESENT'
               UNION ALL SELECT "jobSeekerId", date::timestamp FROM "MobilityDiagnostic") t GROUP BY id) a
       WHERE j.id = a.id AND a.m > j."lastContactAt"`,
    );
    // Older than 24 months: 70 % already destroyed by past runs (identity erased), the rest archived and due;
    // 18–24 months: half archived, half still active and due for archiving.
    await step(
      "job seekers: lifecycle",
      `UPDATE "JobSeeker" SET
         lifecycle = CASE WHEN "lastContactAt" < ${NOW} - interval '24 months' AND ${H("lf", "id::text")} % 10 < 7 THEN 'DESTROYED' ELSE 'ARCHIVED' END::"Lifecycle",
         "archivedAt" = "lastContactAt" + interval '18 months',
         "destroyedAt" = CASE WHEN "lastContactAt" < ${NOW} - interval '24 months' AND ${H("lf", "id::text")} % 10 < 7 THEN "lastContactAt" + interval '24 months' END,
         civilite = CASE WHEN "lastContactAt" < ${NOW} - interval '24 months' AND ${H("lf", "id::text")} % 10 < 7 THEN NULL ELSE civilite END
       WHERE "lastContactAt" < ${NOW} - interval '24 months' OR ("lastContactAt" < ${NOW} - interval '18 months' AND ${H("lf", "id::text")} % 2 = 0)`,
    );
    await step(
      "job seekers: erase destroyed",
      `UPDATE "JobSeeker" SET "lastName" = NULL, "firstName" = NULL, "birthDate" = NULL, "addressLine" = NULL, phone = NULL, email = NULL, "franceTravailId" = NULL,
         "desiredJobLabel" = NULL, "transportModes" = '{}', "supportNeeds" = '{}', "referentId" = NULL, version = version + 1
       WHERE lifecycle = 'DESTROYED'`,
    );
    {
      const t = performance.now();
      for (const ix of secondary.rows) await client.query(ix.def);
      const seconds = (performance.now() - t) / 1000;
      steps.push({ step: "indexes", seconds });
      log(`  ${"indexes (rebuilt)".padEnd(34)} ${String(secondary.rows.length).padStart(8)}  ${seconds.toFixed(1)} s`);
    }
    await client.query("COMMIT");
    let t = performance.now();
    await client.query("VACUUM ANALYZE");
    steps.push({ step: "vacuum analyze", seconds: (performance.now() - t) / 1000 });
    log(`  ${"vacuum analyze".padEnd(34)} ${"".padStart(8)}  ${((performance.now() - t) / 1000).toFixed(1)} s`);

    // Months closed by the platforms: every month before the previous one, frozen from the figures
    // the application computes (lib/indicators/compute.ts), as closing a month does.
    t = performance.now();
    const snapshots = await closePastMonths(url, now, plans.length);
    steps.push({ step: "monthly snapshots", seconds: (performance.now() - t) / 1000 });
    log(`  ${"monthly snapshots (closed months)".padEnd(34)} ${String(snapshots).padStart(8)}  ${((performance.now() - t) / 1000).toFixed(1)} s`);

    const counts: Record<string, number> = {};
    for (const table of ["MonthlySnapshot", "Platform", "User", "Company", "CompanyContact", "Visit", "JobOffer", "JobSeeker", "CircuitCourtEvent", "EventJobSeekerParticipation", "Proposal", "MobilityDiagnostic"]) {
      const r = await client.query<{ n: string }>(`SELECT count(*) AS n FROM "${table}"`);
      counts[table] = Number(r.rows[0]!.n);
    }
    return { seeded: true, counts, seconds: (performance.now() - started) / 1000, steps };
  } catch (e) {
    await client.query("ROLLBACK").catch(() => undefined);
    throw e;
  } finally {
    await client.end();
  }
}

// The scale generator (issue 8) at its `small` size on a fresh database: row counts, and the
// consistency a real data set has (same platform on both ends of every link, valid SIRETs,
// trigger-maintained search text, derived last contact, retention work to do).
import { subMonths } from "date-fns";
import { beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { env } from "@/lib/env";
import { isValidSiret } from "@/lib/rules/siret.rules";
import { SCALES, seedScale } from "@/prisma/seed/scale/scale";
import { db, resetDb } from "@/tests/support/db";

const now = new Date("2026-11-15T10:00:00.000Z");
const count = async (sql: string) => Number((await db.$queryRawUnsafe<{ n: bigint }[]>(sql))[0]!.n);

describe("scale generator, small scale", () => {
  beforeAll(async () => {
    await resetDb();
    const result = await seedScale(env.DATABASE_URL!, "small", { password: "Scale-Test-Password-2026", now });
    expect(result.seeded).toBe(true);
  }, 120_000);

  it("loads the expected number of rows", async () => {
    const s = SCALES.small;
    expect(await db.platform.count()).toBe(s.platforms);
    expect(await db.company.count()).toBe(s.companies);
    expect(await db.companyContact.count()).toBe(s.contacts);
    expect(await db.jobSeeker.count()).toBe(s.jobSeekers);
    expect(await db.jobOffer.count()).toBe(s.offers);
    expect(await db.proposal.count()).toBe(s.proposals);
    expect(await db.visit.count()).toBe(s.visits);
    expect(await db.circuitCourtEvent.count()).toBe(s.events);
    expect(await db.eventJobSeekerParticipation.count()).toBe(s.participations);
    // Every platform has its staff (manager + two assistants), plus five region-wide accounts.
    expect(await db.user.count()).toBe(s.platforms * 3 + 5);
    expect(await count(`SELECT count(DISTINCT "platformId") AS n FROM "PlatformMembership"`)).toBe(s.platforms);
    // Past months are closed (precomputed figures): 5 years up to two months before now, per platform.
    expect(await db.monthlySnapshot.count()).toBe(s.platforms * 59);
    expect(await db.monthlySnapshot.count({ where: { month: new Date("2026-09-01T00:00:00Z") } })).toBe(s.platforms);
    expect(await db.monthlySnapshot.count({ where: { month: { gte: new Date("2026-10-01T00:00:00Z") } } })).toBe(0);
  });

  it("satisfies every foreign key (the bulk load may skip the FK triggers)", async () => {
    const fks = await db.$queryRawUnsafe<{ child: string; col: string; parent: string; ref: string }[]>(`
      SELECT c.conrelid::regclass::text AS child, a.attname AS col, c.confrelid::regclass::text AS parent, r.attname AS ref
      FROM pg_constraint c
      JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = c.conkey[1]
      JOIN pg_attribute r ON r.attrelid = c.confrelid AND r.attnum = c.confkey[1]
      WHERE c.contype = 'f' AND cardinality(c.conkey) = 1 AND c.connamespace = 'public'::regnamespace`);
    expect(fks.length).toBeGreaterThan(30);
    const broken: string[] = [];
    for (const fk of fks) {
      const n = await count(`SELECT count(*) AS n FROM ${fk.child} x WHERE x."${fk.col}" IS NOT NULL AND NOT EXISTS (SELECT 1 FROM ${fk.parent} p WHERE p."${fk.ref}" = x."${fk.col}")`);
      if (n > 0) broken.push(`${fk.child}.${fk.col}: ${n}`);
    }
    expect(broken).toEqual([]);
  });

  it("keeps both ends of every link on the same platform", async () => {
    expect(await count(`SELECT count(*) AS n FROM "Proposal" p JOIN "JobSeeker" j ON j.id = p."jobSeekerId" WHERE j."platformId" <> p."platformId"`)).toBe(0);
    expect(await count(`SELECT count(*) AS n FROM "Proposal" p JOIN "JobOffer" o ON o.id = p."offerId" WHERE o."platformId" <> p."platformId"`)).toBe(0);
    expect(await count(`SELECT count(*) AS n FROM "Proposal" WHERE kind = 'JOB' AND "offerId" IS NULL`)).toBe(0);
    expect(await count(`SELECT count(*) AS n FROM "JobOffer" o JOIN "Company" c ON c.id = o."companyId" WHERE c."platformId" <> o."platformId"`)).toBe(0);
    expect(await count(`SELECT count(*) AS n FROM "Visit" v JOIN "Company" c ON c.id = v."companyId" WHERE c."platformId" <> v."platformId"`)).toBe(0);
    expect(await count(`SELECT count(*) AS n FROM "CompanyContact" x JOIN "Company" c ON c.id = x."companyId" WHERE c."platformId" <> x."platformId"`)).toBe(0);
    expect(await count(`SELECT count(*) AS n FROM "EventJobSeekerParticipation" p JOIN "CircuitCourtEvent" e ON e.id = p."eventId" JOIN "JobSeeker" j ON j.id = p."jobSeekerId" WHERE j."platformId" <> e."platformId"`)).toBe(0);
    expect(await count(`SELECT count(*) AS n FROM "EventCompanyParticipation" p JOIN "CircuitCourtEvent" e ON e.id = p."eventId" JOIN "Company" c ON c.id = p."companyId" WHERE c."platformId" <> e."platformId"`)).toBe(0);
    expect(await count(`SELECT count(*) AS n FROM "VisitStaff" s JOIN "Visit" v ON v.id = s."visitId" LEFT JOIN "PlatformMembership" m ON m."userId" = s."userId" AND m."platformId" = v."platformId" WHERE m."userId" IS NULL`)).toBe(0);
    expect(await count(`SELECT count(*) AS n FROM "JobSeeker" j LEFT JOIN "PlatformMembership" m ON m."userId" = j."referentId" AND m."platformId" = j."platformId" WHERE j."referentId" IS NOT NULL AND m."userId" IS NULL`)).toBe(0);
    expect(await count(`SELECT count(*) AS n FROM "MobilityDiagnostic" d JOIN "SubsidyFile" f ON f.id = d."subsidyFileId" WHERE f."platformId" <> d."platformId" OR f.year <> extract(year FROM d.date)`)).toBe(0);
    // Addresses are real communes of the record's platform perimeter (Hauts-de-France).
    expect(await count(`SELECT count(*) AS n FROM "JobSeeker" j JOIN "Platform" p ON p.id = j."platformId" WHERE NOT (j."inseeCode" = ANY (p."perimeterInseeCodes"))`)).toBe(0);
    expect(await count(`SELECT count(*) AS n FROM "Company" c JOIN "Platform" p ON p.id = c."platformId" WHERE NOT (c."inseeCode" = ANY (p."perimeterInseeCodes"))`)).toBe(0);
    expect(await count(`SELECT count(*) AS n FROM "Company" c JOIN "Commune" m ON m."inseeCode" = c."inseeCode" WHERE m."departmentCode" NOT IN ('02','59','60','62','80') OR m.name <> c.city`)).toBe(0);
  });

  it("generates ids the API accepts (RFC 4122 uuids)", async () => {
    const ids = [
      ...(await db.platform.findMany({ select: { id: true } })), ...(await db.jobSeeker.findMany({ take: 50, select: { id: true } })),
      ...(await db.jobOffer.findMany({ take: 50, select: { id: true } })), ...(await db.user.findMany({ take: 50, select: { id: true } })),
    ].map((r) => r.id);
    expect(ids.filter((id) => !z.uuid().safeParse(id).success)).toEqual([]);
  });

  it("generates valid SIRETs and lets the triggers fill the search text", async () => {
    const companies = await db.company.findMany({ select: { siret: true, siren: true } });
    expect(companies.every((c) => isValidSiret(c.siret) && c.siret.startsWith(c.siren))).toBe(true);
    expect(new Set(companies.map((c) => c.siret)).size).toBe(companies.length);
    expect(await count(`SELECT count(*) AS n FROM "Company" WHERE "searchText" <> lower(f_unaccent(concat_ws(' ', name, city, siret)))`)).toBe(0);
  });

  it("derives last contact from the activity and leaves retention work to do", async () => {
    // lastContactAt is never before the job seeker's own activity.
    expect(await count(`SELECT count(*) AS n FROM "Proposal" p JOIN "JobSeeker" j ON j.id = p."jobSeekerId" WHERE p."statusChangedAt" > j."lastContactAt"`)).toBe(0);
    expect(await count(`SELECT count(*) AS n FROM "Company" c JOIN "Visit" v ON v."companyId" = c.id WHERE v.date > c."lastContactAt"`)).toBe(0);
    expect(await count(`SELECT count(*) AS n FROM "JobSeeker" WHERE "lastContactAt" > '${now.toISOString()}'::timestamp OR "lastContactAt" < "createdAt"`)).toBe(0);
    // Five years of history, and people due for archiving and for destruction.
    const oldest = await db.jobSeeker.aggregate({ _min: { createdAt: true } });
    expect(oldest._min.createdAt!.getTime()).toBeLessThan(subMonths(now, 54).getTime());
    expect(await db.jobSeeker.count({ where: { lifecycle: "ACTIVE", lastContactAt: { lt: subMonths(now, 18) } } })).toBeGreaterThan(0);
    expect(await db.jobSeeker.count({ where: { lifecycle: "ARCHIVED", lastContactAt: { lt: subMonths(now, 24) } } })).toBeGreaterThan(0);
    // Destroyed people keep anonymous links only.
    expect(await db.jobSeeker.count({ where: { lifecycle: "DESTROYED" } })).toBeGreaterThan(0);
    expect(await db.jobSeeker.count({ where: { lifecycle: "DESTROYED", OR: [{ lastName: { not: null } }, { email: { not: null } }, { phone: { not: null } }] } })).toBe(0);
  });

  it("leaves an already filled database alone", async () => {
    const again = await seedScale(env.DATABASE_URL!, "small", { password: "Scale-Test-Password-2026", now });
    expect(again.seeded).toBe(false);
    expect(await db.company.count()).toBe(SCALES.small.companies);
  });
});

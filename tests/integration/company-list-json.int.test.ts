// Issue 18: the companies list's page is read in SQL whose items PostgreSQL writes as JSON; a search
// reads its matches once for the count and the page. It must read exactly what the former Prisma
// reading read (scope from the policy module, filters, keyset order, platform names, open offers,
// capped totals) and write the same bytes as JSON.stringify did. The former reading is the oracle.
import { randomUUID } from "node:crypto";
import { subMonths } from "date-fns";
import { PrismaPg } from "@prisma/adapter-pg";
import { beforeAll, describe, expect, it } from "vitest";
import type { CurrentUser } from "@/lib/auth/principal";
import { companyScope, listCompanies, listCompaniesJson } from "@/lib/companies/company.query";
import { companyListQuerySchema, type CompanyListQuery, type CompanySummary } from "@/lib/companies/company.schema";
import type { DbOrTx } from "@/lib/db";
import { env } from "@/lib/env";
import { ForbiddenError } from "@/lib/errors";
import { PrismaClient, type Prisma } from "@/lib/generated/prisma/client";
import { cappedTotal, COUNT_CAP, keysetOrderArgs, keysetPage, tableEstimate, type KeysetOrder } from "@/lib/pagination/keyset";
import { likeLiteral } from "@/lib/search/like";
import { normalizeSearch } from "@/lib/search/normalize";
import { createPlatform, validSiret } from "@/tests/factories";
import { principal } from "@/tests/factories/job-seeker-side";
import { db, resetDb } from "@/tests/support/db";

const OPEN = { status: { in: ["OPEN", "PARTIALLY_FILLED"] as ("OPEN" | "PARTIALLY_FILLED")[] } };

/** The reading before: Prisma's where, order, count, open offers grouped by company, DTOs built in JavaScript. */
async function formerListCompanies(client: DbOrTx, user: CurrentUser, q: CompanyListQuery, now: Date) {
  const ORDER: Record<CompanyListQuery["sort"], KeysetOrder> = {
    name: { keys: [{ field: "name", dir: "asc", kind: "string" }] },
    "-name": { keys: [{ field: "name", dir: "desc", kind: "string" }] },
    lastContact: { keys: [{ field: "lastContactAt", dir: "asc", kind: "date", nulls: "first" }] },
    "-lastContact": { keys: [{ field: "lastContactAt", dir: "desc", kind: "date", nulls: "last" }] },
    city: { keys: [{ field: "city", dir: "asc", kind: "string", nulls: "last" }] },
    "-city": { keys: [{ field: "city", dir: "desc", kind: "string", nulls: "last" }] },
  };
  const term = q.q ? normalizeSearch(q.q) : "";
  const filters: Prisma.CompanyWhereInput[] = [companyScope(user)];
  if (term) filters.push({ searchText: { contains: likeLiteral(term.replace(/\s/g, "").match(/^\d{3,14}$/) ? term.replace(/\s/g, "") : term) } });
  if (q.sector) filters.push({ sector: q.sector });
  if (q.headcountBand) filters.push({ headcountBand: q.headcountBand });
  if (q.numeroVert) filters.push({ viaNumeroVert: q.numeroVert === "true" });
  if (q.noContactMonths !== undefined) {
    filters.push(q.noContactMonths === 0 ? { lastContactAt: null } : { OR: [{ lastContactAt: null }, { lastContactAt: { lt: subMonths(now, q.noContactMonths) } }] });
  }
  if (q.hasOpenOffers) filters.push(q.hasOpenOffers === "true" ? { offers: { some: OPEN } } : { offers: { none: OPEN } });
  const where = { AND: filters };
  const order = ORDER[q.sort];
  const page = keysetOrderArgs(order, q);
  const unfiltered = !q.q && !q.sector && !q.headcountBand && !q.numeroVert && q.noContactMonths === undefined && !q.hasOpenOffers;
  const wide = Object.keys(companyScope(user)).length === 0;
  const [total, found] = await Promise.all([
    cappedTotal((take) => client.company.count({ where, take }), unfiltered && wide ? () => tableEstimate(client, "Company") : undefined, page),
    client.company.findMany({
      where: { AND: [where, page.seek] }, orderBy: page.orderBy as Prisma.CompanyOrderByWithRelationInput[], skip: page.skip, take: page.take,
      select: { id: true, siret: true, name: true, sector: true, city: true, viaNumeroVert: true, lastContactAt: true, platform: { select: { name: true } } },
    }),
  ]);
  const field = order.keys[0]!.field as "name" | "city" | "lastContactAt";
  const result = keysetPage(found, page, q, (c) => c[field], total);
  const open = await client.jobOffer.groupBy({ by: ["companyId"], where: { AND: [{ companyId: { in: result.items.map((c) => c.id) } }, OPEN] }, _count: { _all: true } });
  const openBy = new Map(open.map((o) => [o.companyId, o._count._all]));
  const items: CompanySummary[] = result.items.map((c) => ({
    id: c.id, platform: c.platform.name, siret: c.siret, name: c.name, sector: c.sector, city: c.city, numeroVert: c.viaNumeroVert,
    openOffers: openBy.get(c.id) ?? 0, lastContactAt: c.lastContactAt?.toISOString() ?? null,
  }));
  return { ...result, items };
}

const NOW = new Date("2026-12-05T10:00:00.000Z");
const parse = (q: Record<string, unknown>) => companyListQuerySchema.parse(q);
let users: Record<"lens" | "twoPlatforms" | "referent" | "noPlatform", CurrentUser>;
let finance: CurrentUser;
let lensId: string;

beforeAll(async () => {
  await resetDb();
  const [lens, amiens, douai] = [await createPlatform(db, "Lens"), await createPlatform(db, "Amiens"), await createPlatform(db, "Douai")];
  lensId = lens.id;
  // Names with what JSON must escape; ties on names, cities and last contacts; NULLs in every nullable column.
  const names = ["Boulangerie « Le Fournil » \\ d'Arras", 'Garage "Central"', "Entrepôt Nord\tLogistique", "Mines & Co 😀", "Alpha", "Alpha", "Bêta\u001f SARL", "Ligne\u2028Verte", "zèbre", "Martin Frères"];
  const bands = ["H0", "H1_9", "H10_49", null] as const;
  const platforms = [lens.id, lens.id, amiens.id, douai.id];
  const data = Array.from({ length: 40 }, (_, i) => {
    const siret = validSiret();
    return {
      id: randomUUID(), platformId: platforms[i % platforms.length]!, siret, siren: siret.slice(0, 9), name: names[i % names.length]!,
      sector: i % 5 === 0 ? null : ["BTP", "Santé / médico-social", "Logistique"][i % 3]!, headcountBand: bands[i % bands.length]!,
      city: i % 6 === 0 ? null : ["Lens", "Liévin", "Amiens"][i % 3]!, viaNumeroVert: i % 4 === 1,
      lastContactAt: i % 7 === 0 ? null : new Date(Date.UTC(2026, (i * 5) % 12, 1 + (i % 9), 9, 30, 15, i % 2 ? 7 : 0)),
    };
  });
  await db.company.createMany({ data });
  const statuses = ["OPEN", "PARTIALLY_FILLED", "FILLED", "CANCELLED", "EXPIRED", "DRAFT"] as const;
  await db.jobOffer.createMany({
    data: Array.from({ length: 60 }, (_, i) => {
      const c = data[(i * 7) % 23]!;
      return { platformId: c.platformId, companyId: c.id, title: `Poste ${i}`, contractType: "CDI" as const, source: "VISITE" as const, status: statuses[i % statuses.length]!, receivedAt: NOW };
    }),
  });
  // An inactive platform stays named for a region-wide account.
  await db.platform.update({ where: { id: douai.id }, data: { active: false } });
  users = {
    lens: await principal(db, "PLATFORM_MANAGER", { platformIds: [lens.id] }),
    twoPlatforms: await principal(db, "PLATFORM_ASSISTANT", { platformIds: [lens.id, douai.id] }),
    referent: await principal(db, "REGION_REFERENT", { allPlatforms: true }),
    noPlatform: await principal(db, "PLATFORM_MANAGER", { platformIds: [] }),
  };
  finance = await principal(db, "REGION_FINANCE", { allPlatforms: true });
});

const QUERIES: Record<string, unknown>[] = [
  {}, { sort: "-name" }, { sort: "lastContact" }, { sort: "-lastContact" }, { sort: "city" }, { sort: "-city" },
  { q: "alpha" }, { q: "FOURNIL" }, { q: "liévin", sort: "-city" }, { q: "%" }, { q: "_" }, { q: "a", sort: "lastContact" }, { q: "introuvable" },
  { sector: "BTP" }, { headcountBand: "H1_9" }, { numeroVert: "true" }, { numeroVert: "false", sort: "city" },
  { noContactMonths: "0" }, { noContactMonths: "6", sort: "-lastContact" }, { hasOpenOffers: "true" }, { hasOpenOffers: "false", sort: "-city" },
  { q: "a", hasOpenOffers: "true" }, { page: 2, pageSize: 5 }, { page: 3, pageSize: 4, sort: "city" }, { last: "true", pageSize: 5 },
  { last: "true", page: 9, pageSize: 5, sort: "-lastContact" }, { page: 50, pageSize: 5 }, { q: "a", last: "true", pageSize: 3 },
];

async function same(user: CurrentUser, q: Record<string, unknown>) {
  const query = parse(q);
  const former = await formerListCompanies(db, user, query, NOW);
  expect(await listCompanies(db, user, query, NOW), JSON.stringify(q)).toEqual(former);
  expect(await listCompaniesJson(db, user, query, NOW), JSON.stringify(q)).toBe(JSON.stringify(former));
  return former;
}

describe("liste des entreprises écrite par PostgreSQL (ticket 18)", () => {
  it("reads and writes the same page as the former reading, for every scope, filter and order", async () => {
    let compared = 0;
    const open = new Set<number>();
    for (const user of Object.values(users)) {
      for (const q of QUERIES) {
        for (const pageSize of [q.pageSize ?? 50, 3]) {
          const page = await same(user, { ...q, pageSize });
          compared += page.items.length;
          for (const c of page.items) open.add(c.openOffers);
        }
      }
    }
    // The fixtures are not empty: many items compared, companies with none, one and several open offers.
    expect(compared).toBeGreaterThan(700);
    expect([0, 1, 2].every((n) => open.has(n))).toBe(true);
  });

  it("walks the cursors forwards and backwards like the former reading, with or without a search", async () => {
    for (const user of [users.lens, users.referent]) {
      for (const sort of ["name", "-name", "lastContact", "-lastContact", "city", "-city"]) {
        for (const q of [{}, { q: "a" }]) {
          let page = await same(user, { ...q, sort, pageSize: 4 });
          let pages = 1;
          while (page.next) page = await same(user, { ...q, sort, pageSize: 4, after: page.next, page: ++pages });
          while (page.prev) {
            page = await same(user, { ...q, sort, pageSize: 4, before: page.prev });
            pages--;
          }
          expect(pages).toBe(1);
          const last = await same(user, { ...q, sort, pageSize: 4, last: "true" });
          if (last.prev) await same(user, { ...q, sort, pageSize: 4, before: last.prev });
        }
      }
    }
  });

  it("never shows another platform's company; a role without company.read is refused", async () => {
    const foreign = (await db.company.findMany({ where: { platformId: { not: lensId } }, select: { id: true } })).map((c) => c.id);
    expect(foreign.length).toBeGreaterThan(0);
    for (const q of QUERIES) {
      const text = await listCompaniesJson(db, users.lens, parse({ ...q, pageSize: 100 }), NOW);
      for (const id of foreign) expect(text).not.toContain(id);
    }
    expect(await listCompanies(db, users.noPlatform, parse({ q: "a" }), NOW)).toMatchObject({ items: [], total: 0, totalKind: "exact" });
    await expect(listCompaniesJson(db, finance, parse({}), NOW)).rejects.toBeInstanceOf(ForbiddenError);
  });

  it("a search page is one statement; past 10 000 matches the total reads « plus de » and the page still comes", async () => {
    const logged = new PrismaClient({ adapter: new PrismaPg({ connectionString: env.DATABASE_URL!, max: 2 }), log: [{ emit: "event", level: "query" }] });
    const statements: string[] = [];
    logged.$on("query", (e) => statements.push(e.query));
    try {
      await same(users.lens, { q: "alpha" });
      statements.length = 0;
      await listCompaniesJson(logged, users.lens, parse({ q: "alpha" }), NOW);
      expect(statements).toHaveLength(1);
      // 10 050 more companies of Lens whose name contains « zz » (searchText filled by its trigger).
      await db.$executeRaw`INSERT INTO "Company" (id, "platformId", siret, siren, name, "updatedAt")
        SELECT gen_random_uuid(), ${lensId}::uuid, '8' || lpad(g::text, 13, '0'), '8' || lpad(g::text, 8, '0'), 'Société zz ' || lpad(g::text, 5, '0'), now()
        FROM generate_series(1, ${COUNT_CAP + 50}) g`;
      for (const q of [{ q: "zz" }, { q: "zz", sort: "-name", pageSize: 7 }, { q: "zz", last: "true" }]) {
        const page = await same(users.lens, q);
        expect(page, JSON.stringify(q)).toMatchObject({ total: COUNT_CAP, totalKind: "atLeast" });
        expect(page.items.length).toBeGreaterThan(0);
        const next = page.next ?? page.prev!;
        await same(users.lens, { ...q, [page.next ? "after" : "before"]: next });
      }
    } finally {
      await logged.$disconnect();
    }
  });
});

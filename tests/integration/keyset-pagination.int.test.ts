// Keyset pagination of the region-wide lists and the one-scan name search (issue 18).
import { randomUUID } from "node:crypto";
import { beforeEach, describe, expect, it } from "vitest";
import { PrismaPg } from "@prisma/adapter-pg";
import { loadPrincipal } from "@/lib/auth/principal";
import { env } from "@/lib/env";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { ValidationError } from "@/lib/errors";
import { listJobSeekers, SEARCH_CAP } from "@/lib/job-seekers/job-seeker.query";
import { jobSeekerListQuerySchema } from "@/lib/job-seekers/job-seeker.schema";
import { listOffers } from "@/lib/offers/offer.query";
import { COUNT_CAP } from "@/lib/pagination/keyset";
import { offerListQuerySchema } from "@/lib/offers/offer.schema";
import { createCompany, createPlatform, createRuleSets, createUser, platformUser } from "@/tests/factories";
import { db, resetDb } from "@/tests/support/db";

beforeEach(async () => {
  await resetDb();
  await createRuleSets(db);
});

/** 11 offers on two platforms; several share a reception time (the id breaks the tie). */
async function offers() {
  const [lens, amiens] = [await createPlatform(db, "Lens"), await createPlatform(db, "Amiens")];
  const companies = [await createCompany(db, lens.id), await createCompany(db, amiens.id)];
  const day = (d: number) => new Date(Date.UTC(2026, 0, d, 9));
  const times = [1, 2, 2, 2, 3, 4, 4, 5, 6, 6, 7];
  await db.jobOffer.createMany({
    data: times.map((d, i) => ({
      id: randomUUID(), platformId: companies[i % 2]!.platformId, companyId: companies[i % 2]!.id, title: `Poste ${String.fromCharCode(75 - i)}`,
      contractType: "CDI" as const, source: "VISITE" as const, receivedAt: day(d),
    })),
  });
  const referent = (await loadPrincipal(db, (await createUser(db, { role: "REGION_REFERENT", allPlatforms: true })).id))!;
  // The reference order: reception time descending, then id descending.
  const expected = (await db.jobOffer.findMany({ select: { id: true, receivedAt: true } }))
    .sort((a, b) => b.receivedAt.getTime() - a.receivedAt.getTime() || (a.id < b.id ? 1 : -1))
    .map((o) => o.id);
  return { referent, expected, lens };
}

const parse = (q: Record<string, unknown>) => offerListQuerySchema.parse({ pageSize: 3, ...q });

describe("pagination par curseur des offres (toute la Région)", () => {
  it("walks forwards and backwards with next / prev, every offer once, in a stable order with ties", async () => {
    const { referent, expected } = await offers();
    const forward: string[][] = [];
    let page = await listOffers(db, referent, parse({}));
    expect(page).toMatchObject({ page: 1, total: 11, totalKind: "exact", prev: null });
    forward.push(page.items.map((o) => o.id));
    for (let n = 2; page.next; n++) {
      page = await listOffers(db, referent, parse({ after: page.next, page: n }));
      forward.push(page.items.map((o) => o.id));
    }
    expect(forward.map((p) => p.length)).toEqual([3, 3, 3, 2]);
    expect(forward.flat()).toEqual(expected);
    expect(page.next).toBeNull();

    const backward: string[][] = [];
    while (page.prev) {
      page = await listOffers(db, referent, parse({ before: page.prev }));
      backward.unshift(page.items.map((o) => o.id));
    }
    expect(backward).toEqual(forward.slice(0, 3));
    expect(page.prev).toBeNull();
  });

  it("serves page numbers (offset) and the last page (read from the end) with the same rows", async () => {
    const { referent, expected } = await offers();
    const second = await listOffers(db, referent, parse({ page: 2 }));
    expect(second.items.map((o) => o.id)).toEqual(expected.slice(3, 6));
    expect(second.prev).not.toBeNull();
    // The last page is the last `pageSize` offers, read from the end; its number is not claimed.
    const last = await listOffers(db, referent, parse({ last: "true" }));
    expect(last.items.map((o) => o.id)).toEqual(expected.slice(8));
    expect(last).toMatchObject({ page: null, next: null });
    const before = await listOffers(db, referent, parse({ before: last.prev }));
    expect(before.items.map((o) => o.id)).toEqual(expected.slice(5, 8));
    expect(before.page).toBeNull();
    // With a page number carried along (the screen's « page N »), the cursor still decides the rows.
    expect((await listOffers(db, referent, parse({ after: second.next, page: 3 })))).toMatchObject({ page: 3, items: expect.any(Array) });
  });

  it("sorts by title in both directions, scoped to a platform", async () => {
    const { expected: _all, lens } = await offers();
    const manager = await platformUser(db, "PLATFORM_MANAGER", lens.id);
    const titles = (await db.jobOffer.findMany({ where: { platformId: lens.id }, select: { title: true } })).map((o) => o.title).sort();
    const seen: string[] = [];
    let page = await listOffers(db, manager, parse({ sort: "title", pageSize: 2 }));
    seen.push(...page.items.map((o) => o.title));
    while (page.next) {
      page = await listOffers(db, manager, parse({ sort: "title", pageSize: 2, after: page.next }));
      seen.push(...page.items.map((o) => o.title));
    }
    expect(seen).toEqual(titles);
    const desc = await listOffers(db, manager, parse({ sort: "-title", pageSize: 2 }));
    expect(desc.items.map((o) => o.title)).toEqual([...titles].reverse().slice(0, 2));
  });

  it("refuses a forged cursor with a French validation error, not a 500", async () => {
    const { referent } = await offers();
    await expect(listOffers(db, referent, parse({ after: "pas-un-curseur" }))).rejects.toBeInstanceOf(ValidationError);
    const wrongKind = Buffer.from(JSON.stringify(["texte", randomUUID()])).toString("base64url");
    await expect(listOffers(db, referent, parse({ after: wrongKind }))).rejects.toMatchObject({ fields: { after: [expect.stringMatching(/Curseur de pagination invalide/)] } });
  });
});

describe("total d'une page lue par curseur (liste régionale sans filtre)", () => {
  it("au-delà de 10 000 offres : la page 1 compte puis estime, une page suivante ou la dernière reprend l'estimation sans recompter", async () => {
    const lens = await createPlatform(db, "Lens");
    const company = await createCompany(db, lens.id);
    // 10 050 offers in one statement, then ANALYZE: the planner's estimate passes COUNT_CAP.
    await db.$executeRaw`INSERT INTO "JobOffer" (id, "platformId", "companyId", title, "contractType", source, "receivedAt", "updatedAt")
      SELECT gen_random_uuid(), ${lens.id}::uuid, ${company.id}::uuid, 'Poste ' || g, 'CDI', 'VISITE', now() - g * interval '1 minute', now()
      FROM generate_series(1, ${COUNT_CAP + 50}) g`;
    await db.$executeRawUnsafe(`ANALYZE "JobOffer"`);
    const referent = (await loadPrincipal(db, (await createUser(db, { role: "REGION_REFERENT", allPlatforms: true })).id))!;
    // A client that records its statements: the capped count is `SELECT COUNT(*) … LIMIT 10001`.
    const logged = new PrismaClient({ adapter: new PrismaPg({ connectionString: env.DATABASE_URL!, max: 2 }), log: [{ emit: "event", level: "query" }] });
    const statements: string[] = [];
    logged.$on("query", (e) => statements.push(e.query));
    const counts = () => statements.filter((q) => /\bCOUNT\(/i.test(q)).length;
    try {
      const first = await listOffers(logged, referent, parse({ pageSize: 50 }));
      expect(first).toMatchObject({ totalKind: "about", page: 1 });
      expect(first.total).toBeGreaterThan(COUNT_CAP);
      expect(counts()).toBe(1);
      for (const q of [{ after: first.next, page: 2 }, { last: "true" }]) {
        statements.length = 0;
        const next = await listOffers(logged, referent, parse({ pageSize: 50, ...q }));
        expect(next).toMatchObject({ totalKind: "about", total: first.total });
        expect(next.items).toHaveLength(50);
        expect(counts(), JSON.stringify(q)).toBe(0);
      }
      // A filtered list has no estimate: it still counts, from a cursor too (« plus de 10 000 »).
      statements.length = 0;
      const cdi = await listOffers(logged, referent, parse({ pageSize: 50, contractType: "CDI" }));
      expect(await listOffers(logged, referent, parse({ pageSize: 50, contractType: "CDI", after: cdi.next }))).toMatchObject({ totalKind: "atLeast", total: COUNT_CAP });
      expect(counts()).toBe(2);
    } finally {
      await logged.$disconnect();
    }
  });
});

describe("recherche de demandeurs par nom", () => {
  async function seekers() {
    const lens = await createPlatform(db, "Lens");
    const names: [string, string][] = [["Élodie", "Martin"], ["Eloïse", "Dupont"], ["Michel", "Elbaz"], ["Jean", "Durand"], ["Anne", "Michelet"], ["Paul", "Leclerc"]];
    await db.jobSeeker.createMany({ data: names.map(([firstName, lastName]) => ({ platformId: lens.id, firstName, lastName, origin: "SPONTANE" as const, lastContactAt: new Date() })) });
    return { lens, user: await platformUser(db, "PLATFORM_MANAGER", lens.id) };
  }
  const search = (q: string, extra: Record<string, unknown> = {}) => jobSeekerListQuerySchema.parse({ q, ...extra });
  const names = (r: { items: { lastName: string | null }[] }) => r.items.map((i) => i.lastName);

  it("1–2 characters: start of the last or first name, accents and case ignored (not a substring)", async () => {
    const { user } = await seekers();
    const r = await listJobSeekers(db, user, search("él"), { purpose: "test" });
    expect(names(r)).toEqual(["Dupont", "Elbaz", "Martin"]);
    expect(r).toMatchObject({ total: 3, totalKind: "exact" });
    expect(names(await listJobSeekers(db, user, search("DU"), { purpose: "test" }))).toEqual(["Dupont", "Durand"]);
    // « Michel » contains « el » but neither name starts with it: not found by a short term.
    expect(names(await listJobSeekers(db, user, search("e"), { purpose: "test" }))).not.toContain("Michelet");
  });

  it("3 characters and more: anywhere in the names, as before; the page and the total from one scan", async () => {
    const { user } = await seekers();
    const r = await listJobSeekers(db, user, search("michel", { pageSize: 1, page: 2 }), { purpose: "test" });
    expect(r).toMatchObject({ total: 2, totalKind: "exact", page: 2 });
    expect(names(r)).toEqual(["Michelet"]);
    const audit = await db.auditEvent.findFirst({ where: { action: "jobSeeker.list" }, orderBy: { id: "desc" } });
    expect(audit?.metadata).toMatchObject({ count: 1, total: 2, page: 2, search: true });
  });

  it("past the cap the total reads « plus de », and deep pages of a broad search (exports) still come", async () => {
    const lens = await createPlatform(db, "Lens");
    await db.jobSeeker.createMany({ data: Array.from({ length: SEARCH_CAP + 5 }, (_, i) => ({ platformId: lens.id, firstName: "Zoé", lastName: `Zola ${String(i).padStart(4, "0")}`, origin: "SPONTANE" as const, lastContactAt: new Date() })) });
    const user = await platformUser(db, "PLATFORM_MANAGER", lens.id);
    const first = await listJobSeekers(db, user, search("zo", { pageSize: 50 }), { purpose: "test" });
    expect(first).toMatchObject({ total: SEARCH_CAP, totalKind: "atLeast" });
    expect(first.items).toHaveLength(50);
    const deep = await listJobSeekers(db, user, search("zola", { pageSize: 200, page: 6 }), { purpose: "test" });
    expect(deep).toMatchObject({ total: SEARCH_CAP + 5, totalKind: "exact" });
    expect(names(deep)).toEqual(["Zola 1000", "Zola 1001", "Zola 1002", "Zola 1003", "Zola 1004"]);
  });

  it("keeps the name keys in step with the names (trigger)", async () => {
    const { lens } = await seekers();
    const s = await db.jobSeeker.create({ data: { platformId: lens.id, firstName: "Œdipe", lastName: "Ñúñez", origin: "SPONTANE", lastContactAt: new Date() } });
    expect(await db.jobSeeker.findUniqueOrThrow({ where: { id: s.id }, select: { lastNameKey: true, firstNameKey: true } })).toEqual({ lastNameKey: "nunez", firstNameKey: "oedipe" });
    await db.jobSeeker.update({ where: { id: s.id }, data: { lastName: null } });
    expect((await db.jobSeeker.findUniqueOrThrow({ where: { id: s.id } })).lastNameKey).toBe("");
  });
});

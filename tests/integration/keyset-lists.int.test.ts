// Keyset pagination of the other region-wide lists (issue 18): companies, job seekers, visits,
// proposals and audit events. Each list walks forwards by `next` and back by `prev` over every row
// once, in the documented order with ties broken by the id, stays stable when a row is inserted
// before the cursor (an OFFSET would show a row twice), and refuses a forged cursor with a French 400.
import { randomUUID } from "node:crypto";
import { beforeEach, describe, expect, it } from "vitest";
import { listAuditEvents } from "@/lib/audit/audit.query";
import { recordAudit, recordAuditMany } from "@/lib/audit/audit.service";
import { loadPrincipal, type CurrentUser } from "@/lib/auth/principal";
import { listCompanies } from "@/lib/companies/company.query";
import { companyListQuerySchema } from "@/lib/companies/company.schema";
import { ValidationError } from "@/lib/errors";
import { auditListQuerySchema } from "@/lib/audit/audit.schema";
import { listJobSeekers } from "@/lib/job-seekers/job-seeker.query";
import { jobSeekerListQuerySchema } from "@/lib/job-seekers/job-seeker.schema";
import type { KeysetPage } from "@/lib/pagination/keyset";
import { listProposals } from "@/lib/proposals/proposal.service";
import { proposalListQuerySchema } from "@/lib/proposals/proposal.schema";
import { listVisits } from "@/lib/visits/visit.service";
import { visitListQuerySchema } from "@/lib/visits/visit.schema";
import { createPlatform, createRuleSets, createUser, platformUser, validSiret } from "@/tests/factories";
import { db, resetDb } from "@/tests/support/db";

beforeEach(async () => {
  await resetDb();
  await createRuleSets(db);
});

type Lister = (q: Record<string, unknown>) => Promise<KeysetPage<{ id: string }>>;

/** Every page forwards (by `next`), then back from the last page (by `prev`); the ids in order. */
async function walk(list: Lister, pageSize: number) {
  const forward: string[][] = [];
  let page = await list({ pageSize });
  expect(page.prev).toBeNull();
  forward.push(page.items.map((r) => r.id));
  while (page.next) {
    page = await list({ pageSize, after: page.next });
    forward.push(page.items.map((r) => r.id));
  }
  const backward: string[][] = [];
  page = await list({ pageSize, last: "true" });
  expect(page.next).toBeNull();
  backward.unshift(page.items.map((r) => r.id));
  while (page.prev) {
    page = await list({ pageSize, before: page.prev });
    backward.unshift(page.items.map((r) => r.id));
  }
  return { forward: forward.flat(), backward: backward.flat() };
}

async function region(): Promise<CurrentUser> {
  return (await loadPrincipal(db, (await createUser(db, { role: "REGION_REFERENT", allPlatforms: true })).id))!;
}

const byThenId = <T extends { id: string }>(cmp: (a: T, b: T) => number) => (a: T, b: T) => cmp(a, b) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
const text = (a: string | null, b: string | null) => (a === b ? 0 : a === null ? 1 : b === null ? -1 : a < b ? -1 : 1);

describe("entreprises", () => {
  async function companies() {
    const [lens, amiens] = [await createPlatform(db, "Lens"), await createPlatform(db, "Amiens")];
    // Names and cities with ties and missing cities (NULL sorts last in both directions of « commune »).
    const rows = ["Beta", "Alpha", "Beta", "Gamma", "Alpha", "Delta", "Beta", "Zeta"].map((name, i) => {
      const siret = validSiret();
      return { id: randomUUID(), platformId: i % 2 ? lens.id : amiens.id, siret, siren: siret.slice(0, 9), name, city: i % 3 === 0 ? null : `Ville ${i % 4}` };
    });
    await db.company.createMany({ data: rows });
    return { rows, user: await region(), lens };
  }
  const lister = (user: CurrentUser, sort: string): Lister => (q) => listCompanies(db, user, companyListQuerySchema.parse({ sort, ...q }));

  it("walks by name and by commune (NULLs last) both ways, ties broken by the id", async () => {
    const { rows, user } = await companies();
    const byName = [...rows].sort(byThenId((a, b) => text(a.name, b.name))).map((r) => r.id);
    expect(await walk(lister(user, "name"), 3)).toEqual({ forward: byName, backward: byName });
    const byNameDesc = [...rows].sort(byThenId((a, b) => text(a.name, b.name))).reverse().map((r) => r.id);
    expect((await walk(lister(user, "-name"), 3)).forward).toEqual(byNameDesc);
    const byCity = [...rows].sort(byThenId((a, b) => text(a.city, b.city))).map((r) => r.id);
    expect(await walk(lister(user, "city"), 3)).toEqual({ forward: byCity, backward: byCity });
    // « -city »: descending, NULLs still last, ties by id descending.
    const desc = [...rows].sort((a, b) => (a.city === null) !== (b.city === null) ? (a.city === null ? 1 : -1) : -byThenId<typeof a>((x, y) => text(x.city, y.city))(a, b)).map((r) => r.id);
    expect(await walk(lister(user, "-city"), 3)).toEqual({ forward: desc, backward: desc });
  });

  it("stays stable when a company is added before the cursor, and counts exactly", async () => {
    const { rows, user, lens } = await companies();
    const byName = [...rows].sort(byThenId((a, b) => text(a.name, b.name))).map((r) => r.id);
    const first = await listCompanies(db, user, companyListQuerySchema.parse({ pageSize: 3 }));
    expect(first).toMatchObject({ total: 8, totalKind: "exact", page: 1 });
    const siret = validSiret();
    await db.company.create({ data: { platformId: lens.id, siret, siren: siret.slice(0, 9), name: "Aaa nouvelle" } });
    const second = await listCompanies(db, user, companyListQuerySchema.parse({ pageSize: 3, after: first.next, page: 2 }));
    expect(second.items.map((c) => c.id)).toEqual(byName.slice(3, 6));
    expect(second.page).toBe(2);
  });

  it("refuses a forged cursor with a French validation error", async () => {
    const { user } = await companies();
    const dateCursor = Buffer.from(JSON.stringify([{ d: new Date().toISOString() }, randomUUID()])).toString("base64url");
    await expect(listCompanies(db, user, companyListQuerySchema.parse({ after: dateCursor }))).rejects.toBeInstanceOf(ValidationError);
    // A missing commune is a valid cursor value for « commune », not for the name.
    const nullCursor = Buffer.from(JSON.stringify([null, randomUUID()])).toString("base64url");
    await expect(listCompanies(db, user, companyListQuerySchema.parse({ after: nullCursor }))).rejects.toMatchObject({ fields: { after: [expect.stringMatching(/Curseur de pagination invalide/)] } });
    // After a company without a commune (« commune » ascending, NULLs last): only companies without one.
    const afterNull = await listCompanies(db, user, companyListQuerySchema.parse({ sort: "city", after: nullCursor }));
    expect(afterNull.items.every((c) => c.city === null)).toBe(true);
  });
});

describe("demandeurs d'emploi", () => {
  it("walks by normalised name (accents and case ignored), then first name, then id; by last contact", async () => {
    const lens = await createPlatform(db, "Lens");
    const names: [string | null, string | null][] = [["Élodie", "Martin"], ["Eloïse", "martin"], ["Anne", "Dupont"], ["Anne", "Dupont"], [null, "Écrivain"], ["Paul", null], ["Zoé", "Abel"]];
    const rows = names.map(([firstName, lastName], i) => ({ id: randomUUID(), platformId: lens.id, firstName, lastName, origin: "SPONTANE" as const, lastContactAt: new Date(Date.UTC(2026, 0, 1 + (i % 3))) }));
    await db.jobSeeker.createMany({ data: rows });
    // An archived person never appears.
    await db.jobSeeker.create({ data: { platformId: lens.id, firstName: "Archivé", lastName: "Aaa", origin: "SPONTANE", lastContactAt: new Date(), lifecycle: "ARCHIVED" } });
    const keys = await db.jobSeeker.findMany({ where: { lifecycle: "ACTIVE" }, select: { id: true, lastNameKey: true, firstNameKey: true, lastContactAt: true } });
    const expected = [...keys].sort(byThenId((a, b) => text(a.lastNameKey, b.lastNameKey) || text(a.firstNameKey, b.firstNameKey))).map((r) => r.id);
    // « Élodie Martin » and « Eloïse martin » sort together (martin), « Écrivain » with the E.
    expect(keys.find((k) => k.id === rows[4]!.id)?.lastNameKey).toBe("ecrivain");
    const user = await platformUser(db, "PLATFORM_MANAGER", lens.id);
    const list = (sort: string): Lister => (q) => listJobSeekers(db, user, jobSeekerListQuerySchema.parse({ sort, ...q }), { purpose: "test" });
    expect(await walk(list("name"), 2)).toEqual({ forward: expected, backward: expected });
    const byContact = [...keys].sort(byThenId((a, b) => a.lastContactAt.getTime() - b.lastContactAt.getTime())).reverse().map((r) => r.id);
    expect((await walk(list("-lastContact"), 3)).forward).toEqual(byContact);
    // A search keeps its one scan for the first page and carries a cursor to the next one.
    const search = await listJobSeekers(db, user, jobSeekerListQuerySchema.parse({ q: "martin", pageSize: 1 }), { purpose: "test" });
    expect(search).toMatchObject({ total: 2, totalKind: "exact", page: 1 });
    const next = await listJobSeekers(db, user, jobSeekerListQuerySchema.parse({ q: "martin", pageSize: 1, after: search.next }), { purpose: "test" });
    expect([...search.items, ...next.items].map((r) => r.id)).toEqual(expected.filter((id) => id === rows[0]!.id || id === rows[1]!.id));
    expect(next.next).toBeNull();
  });
});

describe("visites et positionnements", () => {
  async function setup() {
    const lens = await createPlatform(db, "Lens");
    const siret = validSiret();
    const company = await db.company.create({ data: { platformId: lens.id, siret, siren: siret.slice(0, 9), name: "Acme" } });
    const day = (d: number) => new Date(Date.UTC(2026, 2, d, 10));
    const days = [3, 1, 3, 2, 5, 3, 4];
    const visits = days.map((d) => ({ id: randomUUID(), platformId: lens.id, companyId: company.id, date: day(d), purpose: "Découverte" }));
    await db.visit.createMany({ data: visits });
    const person = await db.jobSeeker.create({ data: { platformId: lens.id, firstName: "Jeanne", lastName: "Martin", origin: "SPONTANE", lastContactAt: new Date() } });
    const proposals = days.map((d) => ({ id: randomUUID(), platformId: lens.id, jobSeekerId: person.id, kind: "TRAINING" as const, label: "CACES", proposedAt: day(d), statusChangedAt: day(d) }));
    await db.proposal.createMany({ data: proposals });
    return { lens, company, visits, proposals, person, user: await region(), manager: await platformUser(db, "PLATFORM_MANAGER", lens.id) };
  }

  it("visits: by date descending then id, both ways; stable when a visit is added before the cursor", async () => {
    const { visits, user, lens, company } = await setup();
    const expected = [...visits].sort(byThenId((a, b) => a.date.getTime() - b.date.getTime())).reverse().map((v) => v.id);
    const list: Lister = (q) => listVisits(db, user, visitListQuerySchema.parse(q));
    expect(await walk(list, 2)).toEqual({ forward: expected, backward: expected });
    const first = await listVisits(db, user, visitListQuerySchema.parse({ pageSize: 2 }));
    await db.visit.create({ data: { platformId: lens.id, companyId: company.id, date: new Date(Date.UTC(2026, 5, 1)), purpose: "Nouvelle" } });
    const second = await listVisits(db, user, visitListQuerySchema.parse({ pageSize: 2, after: first.next }));
    expect(second.items.map((v) => v.id)).toEqual(expected.slice(2, 4));
    const asc = [...expected].reverse();
    expect((await walk((q) => listVisits(db, user, visitListQuerySchema.parse({ sort: "date", ...q })), 3)).forward.slice(0, asc.length)).toEqual(asc);
  });

  it("proposals: by proposal date both ways, the listing audited once per page", async () => {
    // The Région referent sees only the proposals of the people entrusted to them: the platform's manager lists them all.
    const { proposals, manager: user } = await setup();
    const expected = [...proposals].sort(byThenId((a, b) => a.proposedAt.getTime() - b.proposedAt.getTime())).reverse().map((p) => p.id);
    const before = await db.auditEvent.count({ where: { action: "proposal.list" } });
    const list: Lister = (q) => listProposals(db, user, proposalListQuerySchema.parse(q), { purpose: "test" });
    const { forward, backward } = await walk(list, 3);
    expect({ forward, backward }).toEqual({ forward: expected, backward: expected });
    // 3 pages forwards, 3 backwards: one audit event per page read.
    expect(await db.auditEvent.count({ where: { action: "proposal.list" } })).toBe(before + 6);
    const asc = await listProposals(db, user, proposalListQuerySchema.parse({ sort: "proposedAt", pageSize: 2 }), { purpose: "test" });
    expect(asc.items.map((p) => p.id)).toEqual([...expected].reverse().slice(0, 2));
  });
});

describe("journal d'audit", () => {
  it("walks by time then sequence number (events of one transaction share their time)", async () => {
    const dpo = (await loadPrincipal(db, (await createUser(db, { role: "DPO" })).id))!;
    await db.$transaction((tx) => recordAuditMany(tx, Array.from({ length: 5 }, (_, i) => ({ action: "auth.login.succeeded", reason: `lot ${i}` }))));
    for (let i = 0; i < 4; i++) await recordAudit(db, { action: "auth.login.succeeded", reason: `seul ${i}` });
    const all = await db.auditEvent.findMany({ select: { id: true, at: true } });
    const expected = [...all].sort((a, b) => b.at.getTime() - a.at.getTime() || (a.id < b.id ? 1 : -1)).map((e) => e.id.toString());
    const list = ((q) => listAuditEvents(db, dpo, auditListQuerySchema.parse(q))) as Lister;
    // Listing the journal writes nothing to it, so the walk sees a fixed set.
    expect(await walk(list, 4)).toEqual({ forward: expected, backward: expected });
    const uuidCursor = Buffer.from(JSON.stringify([{ d: new Date().toISOString() }, randomUUID()])).toString("base64url");
    await expect(listAuditEvents(db, dpo, auditListQuerySchema.parse({ after: uuidCursor }))).rejects.toBeInstanceOf(ValidationError);
  });
});

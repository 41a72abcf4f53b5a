// No N+1 (issue 8): each list and detail endpoint runs a fixed number of SQL statements, whether
// the page holds 1 row or 30. The route handlers are called as Next calls them (NextRequest,
// Bearer token); the application's Prisma client is replaced by one that counts its queries.
// Only the request context of next/headers is provided here (no database mock).
import { createHash, randomBytes, randomUUID } from "node:crypto";
import { NextRequest } from "next/server";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { pgAdapter } from "@/lib/db-client";
import { env } from "@/lib/env";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { createRuleSets, createUser, validSiret } from "@/tests/factories";

let currentHeaders = new Headers();
vi.mock("next/headers", () => ({
  headers: async () => currentHeaders,
  cookies: async () => ({ get: () => undefined, getAll: () => [] }),
}));

// Installed before any use of lib/db (its client is created lazily into this global).
let queries = 0;
const counting = new PrismaClient({ adapter: pgAdapter(env.DATABASE_URL!, 4), log: [{ emit: "event", level: "query" }] });
counting.$on("query", () => {
  queries++;
});
(globalThis as unknown as { __db?: PrismaClient }).__db = counting;
const db = counting;

type Handler = (req: NextRequest, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;

interface Fixture {
  platformId: string;
  token: string;
  ids: { company: string; offer: string; jobSeeker: string; visit: string; callback: string; chefDeFile: string };
}

/** A platform with `n` rows of everything a list shows, each with the relations it displays. */
async function populate(n: number): Promise<Fixture> {
  const platform = await db.platform.create({
    data: { name: `Plateforme ${n} ${randomUUID().slice(0, 6)}`, slug: `p-${randomUUID()}`, carryingStructureName: "CA Test", carryingStructureType: "EPCI", perimeterInseeCodes: ["62498"] },
  });
  const platformId = platform.id;
  const manager = await createUser(db, { role: "PLATFORM_MANAGER", platformIds: [platformId] });
  const token = `pe_${randomBytes(24).toString("base64url")}`;
  await db.apiToken.create({ data: { userId: manager.id, name: "test", tokenHash: createHash("sha256").update(token).digest("hex"), prefix: token.slice(0, 10) } });
  const now = new Date();
  const ids = (k: string) => Array.from({ length: n }, (_, i) => `${k}${i}`).map(() => randomUUID());
  const companies = ids("c");
  const offers = ids("o");
  const seekers = ids("s");
  const visits = ids("v");
  const events = ids("e");
  const callbacks = ids("cb");
  const chefs = ids("cf");
  await db.company.createMany({
    data: companies.map((id, i) => {
      const siret = validSiret();
      return { id, platformId, siret, siren: siret.slice(0, 9), name: `Entreprise ${i}`, city: "Lens", sector: "BTP", lastContactAt: now };
    }),
  });
  await db.companyContact.createMany({ data: companies.map((companyId, i) => ({ platformId, companyId, lastName: `Contact ${i}`, lastContactAt: now })) });
  await db.visit.createMany({ data: visits.map((id, i) => ({ id, platformId, companyId: companies[i]!, date: now, purpose: "Recueil des besoins", createdById: manager.id })) });
  await db.visitStaff.createMany({ data: visits.map((visitId) => ({ visitId, userId: manager.id })) });
  await db.followUpAction.createMany({ data: visits.map((visitId, i) => ({ platformId, companyId: companies[i]!, visitId, label: "Relancer", dueAt: now })) });
  await db.jobOffer.createMany({
    data: offers.map((id, i) => ({ id, platformId, companyId: companies[i]!, visitId: visits[i]!, title: `Offre ${i}`, contractType: "CDI" as const, source: "VISITE" as const, receivedAt: now, createdById: manager.id })),
  });
  await db.jobSeeker.createMany({
    data: seekers.map((id, i) => ({ id, platformId, lastName: `Nom${i}`, firstName: "Prénom", origin: "SPONTANE" as const, lastContactAt: now, referentId: manager.id })),
  });
  await db.proposal.createMany({
    data: seekers.map((jobSeekerId, i) => ({ platformId, jobSeekerId, kind: "JOB" as const, offerId: offers[i]!, proposedAt: now, statusChangedAt: now, createdById: manager.id })),
  });
  await db.jobSeekerInteraction.createMany({ data: seekers.map((jobSeekerId) => ({ platformId, jobSeekerId, kind: "APPEL" as const, at: now, authorId: manager.id })) });
  await db.circuitCourtEvent.createMany({ data: events.map((id, i) => ({ id, platformId, title: `Circuit court ${i}`, date: now, place: "Lens", capacity: 20 })) });
  await db.eventCompanyParticipation.createMany({ data: events.map((eventId, i) => ({ eventId, companyId: companies[i]! })) });
  await db.eventJobSeekerParticipation.createMany({ data: events.map((eventId, i) => ({ eventId, jobSeekerId: seekers[i]! })) });
  await db.numeroVertCallback.createMany({ data: callbacks.map((id, i) => ({ id, platformId, companyId: companies[i]!, receivedAt: now, dueAt: now, assignedToId: manager.id })) });
  await db.callbackAttempt.createMany({ data: callbacks.map((callbackId) => ({ callbackId, at: now, byId: manager.id, outcome: "INJOIGNABLE" as const })) });
  await db.chefDeFile.createMany({ data: chefs.map((id, i) => ({ id, platformId, companyId: companies[i]!, lastName: `Chef ${i}`, sector: "BTP", lastContactAt: now })) });
  await db.eventChefDeFileParticipation.createMany({ data: events.map((eventId, i) => ({ eventId, chefDeFileId: chefs[i]! })) });
  return { platformId, token, ids: { company: companies[0]!, offer: offers[0]!, jobSeeker: seekers[0]!, visit: visits[0]!, callback: callbacks[0]!, chefDeFile: chefs[0]! } };
}

async function call(handler: Handler, f: Fixture, path: string, params: Record<string, string> = {}): Promise<{ status: number; queries: number; items?: number }> {
  currentHeaders = new Headers({ authorization: `Bearer ${f.token}`, host: "localhost" });
  const req = new NextRequest(`http://localhost${path}`, { headers: currentHeaders });
  queries = 0;
  const res = await handler(req, { params: Promise.resolve(params) });
  const counted = queries;
  const body = (await res.json()) as { items?: unknown[] };
  return { status: res.status, queries: counted, items: body.items?.length };
}

let one: Fixture;
let thirty: Fixture;

beforeAll(async () => {
  // The shared reset keeps the reference data and the notice texts (a migration's rows) for the files that
  // follow; imported here, once this file's counting client is in place.
  const { resetDb } = await import("@/tests/support/db");
  await resetDb(db);
  await createRuleSets(db);
  one = await populate(1);
  thirty = await populate(30);
}, 60_000);

afterAll(async () => {
  await counting.$disconnect();
});

// Expected statements per request, authentication included (token lookup, principal).
// Issue 18: authentication is one statement (was three or four: token, user, memberships, platforms)
// and an audit event one (was SAVEPOINT, lock, head, INSERT, RELEASE). Offers: company name and last
// proposal in one statement (was two), then the page with both in one statement whose rows are the
// items' JSON (rule set, count, page: 5 → 4); companies: the page's rows are the items' JSON with their
// platform and open offers (count, page: was count, page, open offers grouped by company), and a
// search reads its matches once for its count and its page (one statement).
const LISTS: { name: string; path: string; load: () => Promise<{ GET: Handler }>; expected: number }[] = [
  { name: "companies", path: "/api/v1/companies?pageSize=50", load: () => import("@/app/api/v1/companies/route"), expected: 3 },
  { name: "companies by name", path: "/api/v1/companies?q=entreprise&pageSize=50", load: () => import("@/app/api/v1/companies/route"), expected: 2 },
  { name: "offers", path: "/api/v1/offers?pageSize=50", load: () => import("@/app/api/v1/offers/route"), expected: 4 },
  { name: "job seekers", path: "/api/v1/job-seekers?pageSize=50", load: () => import("@/app/api/v1/job-seekers/route"), expected: 7 },
  // The name search: authentication, one statement for the matches, their number and the page's rows
  // with platform and latest proposal, the audit event.
  { name: "job seekers by name", path: "/api/v1/job-seekers?q=nom&pageSize=50", load: () => import("@/app/api/v1/job-seekers/route"), expected: 3 },
  { name: "visits", path: "/api/v1/visits?pageSize=50", load: () => import("@/app/api/v1/visits/route"), expected: 6 },
  { name: "events", path: "/api/v1/events?pageSize=50", load: () => import("@/app/api/v1/events/route"), expected: 5 },
  { name: "callbacks", path: "/api/v1/callbacks?pageSize=50", load: () => import("@/app/api/v1/callbacks/route"), expected: 6 },
  { name: "proposals", path: "/api/v1/proposals?pageSize=50", load: () => import("@/app/api/v1/proposals/route"), expected: 4 }, // no transaction: the audit event is one autocommitted statement
  { name: "chefs de file", path: "/api/v1/chefs-de-file?pageSize=50", load: () => import("@/app/api/v1/chefs-de-file/route"), expected: 6 },
];

const DETAILS: { name: string; id: keyof Fixture["ids"]; path: string; load: () => Promise<{ GET: Handler }>; expected: number }[] = [
  { name: "company", id: "company", path: "/api/v1/companies/", load: () => import("@/app/api/v1/companies/[id]/route"), expected: 3 },
  { name: "offer", id: "offer", path: "/api/v1/offers/", load: () => import("@/app/api/v1/offers/[id]/route"), expected: 4 },
  { name: "job seeker", id: "jobSeeker", path: "/api/v1/job-seekers/", load: () => import("@/app/api/v1/job-seekers/[id]/route"), expected: 3 }, // authentication, the record with platform and referent as JSON, the audit event,
  { name: "visit", id: "visit", path: "/api/v1/visits/", load: () => import("@/app/api/v1/visits/[id]/route"), expected: 7 },
  { name: "callback", id: "callback", path: "/api/v1/callbacks/", load: () => import("@/app/api/v1/callbacks/[id]/route"), expected: 7 },
  { name: "chef de file", id: "chefDeFile", path: "/api/v1/chefs-de-file/", load: () => import("@/app/api/v1/chefs-de-file/[id]/route"), expected: 8 },
];

describe("SQL statements per API request (no N+1)", () => {
  it.each(LISTS)("list of $name: the same fixed count with 1 and with 30 rows", async ({ path, load, expected }) => {
    const { GET } = await load();
    await call(GET, one, path); // first use of each token records lastUsedAt (a write, at most once a minute)
    await call(GET, thirty, path);
    const a = await call(GET, one, path);
    const b = await call(GET, thirty, path);
    expect([a.status, b.status]).toEqual([200, 200]);
    expect([a.items, b.items]).toEqual([1, 30]);
    expect(b.queries).toBe(a.queries);
    expect(a.queries).toBe(expected);
  });

  it.each(DETAILS)("detail of $name: the same fixed count whatever the platform's size", async ({ id, path, load, expected }) => {
    const { GET } = await load();
    await call(GET, one, `${path}${one.ids[id]}`, { id: one.ids[id] });
    await call(GET, thirty, `${path}${thirty.ids[id]}`, { id: thirty.ids[id] });
    const a = await call(GET, one, `${path}${one.ids[id]}`, { id: one.ids[id] });
    const b = await call(GET, thirty, `${path}${thirty.ids[id]}`, { id: thirty.ids[id] });
    expect([a.status, b.status]).toEqual([200, 200]);
    expect(b.queries).toBe(a.queries);
    expect(a.queries).toBe(expected);
  });
});

// Issue 21 — allowed writes succeed. The security suites prove that forbidden callers are refused
// (matrix, isolation) and that hostile bodies never break a route; a table or a route that refused
// EVERYTHING would pass all of them. Here, for every API write route (enumerated from the file
// system) and every role that the pinned permission table (tests/support/route-permissions.ts,
// not the route file) allows, a VALID body — built from the route's own zod schema
// (tests/support/zod-body.ts) with the target record's current values and version — on a throw-away
// record made for the test (created through the API itself, or by the service for the states the
// API reaches only through a long workflow) must answer 2xx. This also proves that each route's valid
// body reaches its handler, which the hostile-input suite relies on (its refusals are then meaningful).
// Handlers run in-process on the real database (this file's own demo data set), authenticated by the
// personal API token of a demo account of each role (Lens-Liévin where the role works on a platform).
// Every answer is also checked against the OpenAPI document (tests/support/openapi-check.ts: status,
// Content-Type, body with ajv strict, no undocumented field, dates with their format) — issue 15 §3.
import { randomBytes } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

// The route handlers read the caller from next/headers: here, the headers of the Request under test.
const current = vi.hoisted(() => ({ headers: new Headers(), cookie: undefined as string | undefined }));
vi.mock("next/headers", () => ({
  headers: async () => current.headers,
  cookies: async () => ({
    get: (name: string) => (name === "next-auth.session-token" && current.cookie ? { name, value: current.cookie } : undefined),
    getAll: () => [],
    has: () => false,
  }),
}));

import { encode } from "next-auth/jwt";
import { NextRequest } from "next/server";
import { hashToken } from "@/lib/auth/session";
import { ROLES, type Action } from "@/lib/authz/policy";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import type { Role } from "@/lib/generated/prisma/enums";
import { TRANSITION_DEFS } from "@/lib/subsidy/subsidy-workflow.rules";
import { seedDemo } from "@/prisma/seed/demo";
import { routeFor } from "@/tests/support/api-client";
import { callRoute, handlerOf, credentialFor, withSessionCookie, type Handler } from "@/tests/support/api-inproc";
import { checkBytes, operationOf } from "@/tests/support/openapi-check";
import { resetDb } from "@/tests/support/db";
import { listApiRoutes, PUBLIC_API, type ApiRoute, type Method } from "@/tests/support/route-inventory";
import { pinnedPermission } from "@/tests/support/route-permissions";
import { expectedRoles } from "@/tests/support/role-permissions";
import { lastIssues, validBody } from "@/tests/support/zod-body";

/** One demo account per role (Lens-Liévin where the role works on a platform). */
const ACCOUNT_OF: Record<Role, string> = {
  PLATFORM_ASSISTANT: "assistant@lens.demo",
  PLATFORM_MANAGER: "manager@lens.demo",
  REGION_REFERENT: "referent@region.demo",
  REGION_FINANCE: "finance@region.demo",
  FRANCE_TRAVAIL_REVIEWER: "reviewer@francetravail.demo",
  DPO: "dpo@region.demo",
  ADMIN: "admin@region.demo",
};

let client: pg.Client;
let lensId = "";
const tokens = new Map<Role, string>();
const userIds = new Map<Role, string>();

type Json = Record<string, unknown>;
interface Target {
  /** Values of the route's [params]. */
  params: Record<string, string>;
  /** The target record's current values (its own fields and version) for the body. */
  source: Json;
  /** Fixed body fields the schema alone cannot choose (a transition allowed in the record's state…). */
  overrides?: Json;
  /** A fixed body (a branch of a union the generator would not pick), still checked with the route's schema. */
  body?: Json;
  /** A body that is not JSON (a multipart upload). */
  form?: () => FormData;
  /** Call with a session cookie instead of an API token (routes refused to tokens by design). */
  session?: boolean;
}

const routes = listApiRoutes();
const routeOf = (method: Method, p: string): ApiRoute => {
  const r = routes.find((x) => x.method === method && x.path === p);
  if (!r) throw new Error(`${method} ${p} : route introuvable`);
  return r;
};
/** The first role the pinned tables allow for a route (used to make the throw-away records). */
function makerFor(method: Method, p: string): Role {
  const role = expectedRoles(pinnedPermission(method, p) as Action)[0];
  if (!role) throw new Error(`${method} ${p} : aucun rôle autorisé`);
  return role;
}

/** Real Lens-Liévin ids by body field name. */
async function lensIds(): Promise<Record<string, string[]>> {
  const q = async (sql: string) => (await client.query<{ id: string }>(sql, [lensId])).rows.map((r) => r.id);
  const users = await q(`SELECT u.id FROM "User" u JOIN "PlatformMembership" m ON m."userId" = u.id WHERE m."platformId" = $1 ORDER BY u.email`);
  const jobSeekers = await q(`SELECT id FROM "JobSeeker" WHERE "platformId" = $1 AND "archivedAt" IS NULL ORDER BY "createdAt" DESC`);
  return {
    companyId: await q(`SELECT id FROM "Company" WHERE "platformId" = $1 ORDER BY "createdAt"`),
    jobSeekerId: jobSeekers,
    participantId: jobSeekers,
    offerId: await q(`SELECT id FROM "JobOffer" WHERE "platformId" = $1 AND status = 'OPEN' ORDER BY "createdAt"`),
    eventId: await q(`SELECT id FROM "CircuitCourtEvent" WHERE "platformId" = $1 ORDER BY "createdAt"`),
    platformId: [lensId],
    platformIds: [lensId],
    staffId: users,
    staffIds: users,
    assignedToId: users,
    userId: users,
  };
}

async function send(h: Handler, method: string, url: string, role: Role, params: Record<string, string>, body: BodyInit | null, contentType = "application/json", session = false) {
  let res: Response;
  if (session) {
    // A signed-in browser: session cookie, same origin.
    current.cookie = await encode({ token: { sub: userIds.get(role)!, authTime: Math.floor(Date.now() / 1000), authMs: Date.now() }, secret: env.NEXTAUTH_SECRET! });
    const headers = withSessionCookie(current, new Headers({ host: "localhost", origin: "http://localhost", "sec-fetch-site": "same-origin", "content-type": contentType }));
    current.headers = headers;
    res = await h(new NextRequest(new URL(url, "http://localhost"), { method, headers, body }), { params: Promise.resolve(params) });
    current.cookie = undefined;
  } else {
    res = await callRoute(current, h, method, url, tokens.get(role)!, params, body, contentType);
  }
  const bytes = Buffer.from(await res.arrayBuffer());
  const text = bytes.toString("utf8");
  // Issue 15 §3: every answer is also checked against the OpenAPI document (status, Content-Type, body with ajv strict).
  const route = routeFor(method, new URL(url, "http://localhost").pathname);
  const op = route && operationOf(method, route.route.path);
  if (!op) throw new Error(`${method} ${url} : opération absente du document OpenAPI`);
  const problem = checkBytes(`${method} ${route.route.path} (${role}) → ${res.status}`, op, res.status, res.headers.get("content-type"), bytes);
  if (problem) throw new Error(`contrat OpenAPI : ${problem}`);
  return { status: res.status, text, json: (() => { try { return JSON.parse(text) as Json; } catch { return {}; } })() };
}

/**
 * Creates a record through a collection route (POST) with a valid body, as the first role the table
 * allows; returns the created record as answered.
 */
async function createVia(p: string, params: Record<string, string> = {}, overrides: Json = {}): Promise<Json> {
  const route = routeOf("POST", p);
  const h = await handlerOf(route);
  const built = validBody(h.declared!.body!, { ids: await lensIds(), overrides: { ...(await CREATE[p]?.()), ...overrides } });
  if (!built) throw new Error(`${p} : aucun corps valide (${lastIssues.join(" ; ")})`);
  const url = Object.entries(params).reduce((u, [k, v]) => u.replace(`[${k}]`, v), p);
  const res = await send(h, "POST", url, makerFor("POST", p), params, JSON.stringify(built.body));
  if (res.status !== 201 && res.status !== 200) throw new Error(`création d'un enregistrement jetable par ${p} : ${res.status} ${res.text.slice(0, 500)}`);
  return res.json;
}

async function row(table: string, id: string): Promise<Json> {
  const r = await client.query<{ j: Json }>(`SELECT row_to_json(t) AS j FROM "${table}" t WHERE id = $1`, [id]);
  if (!r.rows[0]) throw new Error(`${table} ${id} : introuvable`);
  return r.rows[0].j;
}

let seq = 0;
const CSV_COMPANIES = () => `siret;raison_sociale;code_commune\n${luhn()};Entreprise jetable ${++seq};62498\n`;
const CSV_PEOPLE = () => `nom;prenom;date_naissance\nJetable${String.fromCharCode(65 + (++seq % 26))};Personne;1${seq % 10}/0${1 + (seq % 9)}/1990\n`;
/** A multipart import form: the file, the column mapping and what to do with known records. */
function importForm(kind: "companies" | "people", run: boolean): FormData {
  const fd = new FormData();
  fd.set("file", new File([kind === "companies" ? CSV_COMPANIES() : CSV_PEOPLE()], `${kind}.csv`, { type: "text/csv" }));
  if (run) {
    fd.set("mapping", JSON.stringify(kind === "companies" ? { siret: 0, name: 1, communeCode: 2 } : { lastName: 0, firstName: 1, birthDate: 2 }));
    fd.set("duplicateMode", "SKIP");
    if (kind === "people") {
      fd.set("origin", "AUTRE");
      fd.set("informedAt", "2026-01-15");
      fd.set("informedChannel", "EN_PERSONNE");
    }
  }
  return fd;
}
/** An import streams NDJSON: its last line says whether it ran (« done ») or failed (« error »). */
async function runImport(kind: "companies" | "people"): Promise<string> {
  const p = kind === "companies" ? "/api/v1/imports/companies" : "/api/v1/imports/job-seekers";
  const res = await send(await handlerOf(routeOf("POST", p)), "POST", p, "PLATFORM_ASSISTANT", {}, importForm(kind, true), "");
  const last = JSON.parse(res.text.trim().split("\n").at(-1) ?? "{}") as { type?: string; batch?: { id: string } };
  if (res.status !== 200 || last.type !== "done") throw new Error(`import jetable : ${res.status} ${res.text.slice(-500)}`);
  return last.batch!.id;
}
function luhn(): string {
  const digits = [3, ...Array.from({ length: 12 }, () => Math.floor(Math.random() * 10))];
  for (let check = 0; check < 10; check++) {
    const all = [...digits, check];
    const sum = all.reduce((acc, d, i) => {
      const v = (all.length - i) % 2 === 0 ? d * 2 : d;
      return acc + (v > 9 ? v - 9 : v);
    }, 0);
    if (sum % 10 === 0) return all.join("");
  }
  throw new Error("inatteignable");
}

let year = 2040;
/**
 * What a creation needs beyond its schema: the domain's own rules (one pending callback per company,
 * one subsidy file per year and funder, a referent for a person…). Used for the throw-away records
 * and for the creation routes themselves.
 */
const CREATE: Record<string, () => Promise<Json>> = {
  "/api/v1/callbacks": async () => ({ companyId: String((await createVia("/api/v1/companies")).id) }),
  // A person not already known (the duplicate check compares names and birth dates).
  "/api/v1/job-seekers": async () => {
    const n = ++seq;
    return { lastName: `Jetable${String.fromCharCode(65 + (n % 26))}${String.fromCharCode(65 + (Math.floor(n / 26) % 26))}`, firstName: "Camille", email: `jetable.${n}@exemple.fr`, franceTravailId: undefined, birthDate: `1990-05-${String(10 + (n % 18)).padStart(2, "0")}`, referentId: userIds.get("REGION_REFERENT") };
  },
  "/api/v1/mobility-diagnostics": async () => ({ accompanimentDurationDays: undefined, subsidyFileId: undefined }),
  "/api/v1/offers": async () => ({ visitId: undefined }),
  // A person positioned on a fresh open offer (one proposal per person and offer).
  "/api/v1/proposals": async () => ({ eventId: undefined, offerId: String((await openOffer()).id) }),
  "/api/v1/platforms": async () => ({ name: `Plateforme jetable ${++seq}` }),
  "/api/v1/rights-requests": async () => ({ companyContactId: undefined, chefDeFileId: undefined }),
  "/api/v1/subsidy-files": async () => ({ platformId: lensId, year: ++year }),
  "/api/v1/users": async () => ({ role: "PLATFORM_ASSISTANT", platformIds: [lensId], email: `invite.${++seq}.${Date.now()}@exemple.fr` }),
};

/** An offer created through the API, then opened (an offer starts as a draft). */
async function openOffer(): Promise<Json> {
  const o = await createVia("/api/v1/offers");
  const id = String(o.id);
  const h = await handlerOf(routeOf("POST", "/api/v1/offers/[id]/transitions"));
  const res = await send(h, "POST", `/api/v1/offers/${id}/transitions`, "PLATFORM_ASSISTANT", { id }, JSON.stringify({ to: "OPEN", version: (await row("JobOffer", id)).version }));
  if (res.status >= 300) throw new Error(`offre jetable ouverte : ${res.status} ${res.text.slice(0, 500)}`);
  return row("JobOffer", id);
}

/** A month over and not closed yet for Lens-Liévin (the latest one). */
async function openMonth(): Promise<string> {
  const r = await client.query<{ m: string }>(
    `SELECT to_char(m, 'YYYY-MM') AS m FROM generate_series(date_trunc('month', now()) - interval '48 months', date_trunc('month', now()) - interval '1 month', interval '1 month') m
     WHERE NOT EXISTS (SELECT 1 FROM "MonthlySnapshot" s WHERE s."platformId" = $1 AND s.month = m::date AND s."supersededAt" IS NULL) ORDER BY m DESC LIMIT 1`,
    [lensId],
  );
  return r.rows[0]!.m;
}

/** A subsidy file of Lens-Liévin created through the API, then moved to `status` by the service's own steps. */
async function subsidyFileIn(status: "DRAFT" | "SUBMITTED" | "SIGNED", funder?: "REGION" | "FRANCE_TRAVAIL"): Promise<Json> {
  const file = await createVia("/api/v1/subsidy-files", {}, funder ? { funder } : {});
  const id = String(file.id);
  // A request is filed with its budget and the amount asked: one budget line, then the amounts.
  await createVia("/api/v1/subsidy-files/[id]/budget-lines", { id }, { category: "SALAIRES", eligible: true, forecastCents: 10_000_000 });
  const patch = await handlerOf(routeOf("PATCH", "/api/v1/subsidy-files/[id]"));
  const amounts = validBody(patch.declared!.body!, { source: await row("SubsidyFile", id), overrides: { requestedCents: 5_000_000, territoryCofundingCents: 1_250_000, fundingRateBp: undefined } });
  const patched = await send(patch, "PATCH", `/api/v1/subsidy-files/${id}`, "PLATFORM_MANAGER", { id }, JSON.stringify(amounts!.body));
  if (patched.status >= 300) throw new Error(`dossier jetable, montants : ${patched.status} ${patched.text.slice(0, 500)}`);
  const region = (await row("SubsidyFile", id)).funder === "REGION";
  if (region) {
    // Issue 22 §4: a Région request is filed with the elements of convention cadre art. 5 — the
    // description and the programme (through their route), last year's bilan (the annual report).
    const ar = await send(await handlerOf(routeOf("PATCH", "/api/v1/subsidy-files/[id]/annual-request")), "PATCH", `/api/v1/subsidy-files/${id}/annual-request`, "PLATFORM_MANAGER", { id },
      JSON.stringify({ version: (await row("SubsidyFile", id)).version, description: "Deux chargés de relation entreprises dans les locaux de la structure porteuse.", actionProgramme: "Visites d'entreprises, réunions circuit court et suivi des offres toute l'année." }));
    if (ar.status >= 300) throw new Error(`dossier jetable, demande annuelle : ${ar.status} ${ar.text.slice(0, 500)}`);
    const y = Number((await row("SubsidyFile", id)).year) - 1;
    await client.query(`INSERT INTO "AnnualReport" (id, "platformId", year, qualitative, "updatedAt") VALUES (gen_random_uuid(), $1, $2, 'Bilan qualitatif de l''année.', now()) ON CONFLICT ("platformId", year) DO NOTHING`, [lensId, y]);
  }
  const steps: [string, Role, Json][] = [];
  if (status !== "DRAFT") steps.push(["submit", "PLATFORM_MANAGER", {}]);
  if (status === "SIGNED") steps.push(["approve", "REGION_FINANCE", { awardedCents: 1_000_000, deliberationNumber: "D-2026-01", deliberationDate: "2026-01-10" }], ["sign", "REGION_FINANCE", { signedAt: "2026-01-20" }]);
  const h = await handlerOf(routeOf("POST", "/api/v1/subsidy-files/[id]/transitions"));
  for (const [transition, role, extra] of steps) {
    const { version } = await row("SubsidyFile", id);
    const res = await send(h, "POST", `/api/v1/subsidy-files/${id}/transitions`, role, { id }, JSON.stringify({ transition, version, ...extra }));
    if (res.status >= 300) throw new Error(`dossier jetable, étape ${transition} : ${res.status} ${res.text.slice(0, 500)}`);
  }
  // Issue 22 §4, cadre d'intervention §5: a Région payment waits for the activity bilan (received here).
  if (status === "SIGNED" && region) await client.query(`UPDATE "SubsidyFile" SET "activityBilanReceivedAt" = '2026-01-25' WHERE id = $1`, [id]);
  return row("SubsidyFile", id);
}

/**
 * How to make the throw-away target of each route that takes an id, and what its body needs.
 * Keyed by route path; a route with an id and no entry fails (add one when you add such a route).
 */
const TARGETS: Record<string, (method: Method, role: Role) => Promise<Target>> = {
  "/api/v1/breaches/[id]": async () => {
    const b = await createVia("/api/v1/breaches");
    return { params: { id: String(b.id) }, source: await row("BreachRecord", String(b.id)) };
  },
  "/api/v1/callbacks/[id]": async () => {
    const c = await createVia("/api/v1/callbacks");
    return { params: { id: String(c.id) }, source: await row("NumeroVertCallback", String(c.id)) };
  },
  "/api/v1/callbacks/[id]/attempts": async () => {
    const c = await createVia("/api/v1/callbacks");
    return { params: { id: String(c.id) }, source: await row("NumeroVertCallback", String(c.id)) };
  },
  "/api/v1/chefs-de-file/[id]": async () => {
    const c = await createVia("/api/v1/chefs-de-file");
    return { params: { id: String(c.id) }, source: await row("ChefDeFile", String(c.id)) };
  },
  "/api/v1/companies/[id]": async () => {
    const c = await createVia("/api/v1/companies");
    return { params: { id: String(c.id) }, source: await row("Company", String(c.id)) };
  },
  "/api/v1/companies/[id]/contacts": async () => {
    const c = await createVia("/api/v1/companies");
    return { params: { id: String(c.id) }, source: {} };
  },
  "/api/v1/companies/[id]/contacts/[contactId]": async () => {
    const c = await createVia("/api/v1/companies");
    const contact = await createVia("/api/v1/companies/[id]/contacts", { id: String(c.id) });
    return { params: { id: String(c.id), contactId: String(contact.id) }, source: await row("CompanyContact", String(contact.id)) };
  },
  "/api/v1/events/[id]": async () => {
    const e = await createVia("/api/v1/events");
    return { params: { id: String(e.id) }, source: await row("CircuitCourtEvent", String(e.id)) };
  },
  "/api/v1/events/[id]/cancel": async () => {
    const e = await createVia("/api/v1/events");
    return { params: { id: String(e.id) }, source: await row("CircuitCourtEvent", String(e.id)) };
  },
  "/api/v1/events/[id]/participants": async (method) => {
    const e = await createVia("/api/v1/events");
    const id = String(e.id);
    const ids = await lensIds();
    const person = ids.jobSeekerId![seq++ % ids.jobSeekerId!.length]!;
    if (method === "PATCH") {
      // Changing a registration: one made first.
      await createVia("/api/v1/events/[id]/participants", { id }, { type: "JOB_SEEKER", participantId: person });
    }
    return { params: { id }, source: await row("CircuitCourtEvent", id), overrides: { type: "JOB_SEEKER", participantId: person } };
  },
  // Issue 20: invitations and letters to one of Lens-Liévin's job seekers for a throw-away event.
  "/api/v1/events/[id]/invitations": async () => {
    const e = await createVia("/api/v1/events", {}, { date: new Date(Date.now() + 30 * 86_400_000).toISOString() });
    const ids = await lensIds();
    return { params: { id: String(e.id) }, source: {}, overrides: { jobSeekerIds: [ids.jobSeekerId![seq++ % ids.jobSeekerId!.length]!], contactIds: [], channels: ["EMAIL"] } };
  },
  "/api/v1/events/[id]/letters": async () => {
    const e = await createVia("/api/v1/events", {}, { date: new Date(Date.now() + 30 * 86_400_000).toISOString() });
    const ids = await lensIds();
    return { params: { id: String(e.id) }, source: {}, overrides: { jobSeekerIds: [ids.jobSeekerId![seq++ % ids.jobSeekerId!.length]!], contactIds: [] } };
  },
  // Issue 22: the notice given in person to a throw-away job seeker.
  "/api/v1/job-seekers/[id]/information": async () => {
    const j = await createVia("/api/v1/job-seekers");
    return { params: { id: String(j.id) }, source: {}, overrides: { kind: "JOB_SEEKER", channel: "EN_PERSONNE" } };
  },
  // Issue 22 §2: the notice given by phone to a throw-away contact / chef de file.
  "/api/v1/companies/[id]/contacts/[contactId]/information": async () => {
    const c = await createVia("/api/v1/companies");
    const contact = await createVia("/api/v1/companies/[id]/contacts", { id: String(c.id) });
    return { params: { id: String(c.id), contactId: String(contact.id) }, source: {}, overrides: { channel: "TELEPHONE" } };
  },
  "/api/v1/chefs-de-file/[id]/information": async () => {
    const c = await createVia("/api/v1/chefs-de-file");
    return { params: { id: String(c.id) }, source: {}, overrides: { channel: "TELEPHONE" } };
  },
  "/api/v1/governance-meetings/[id]": async () => {
    const g = await createVia("/api/v1/governance-meetings");
    return { params: { id: String(g.id) }, source: await row("GovernanceMeeting", String(g.id)) };
  },
  "/api/v1/imports/[id]/undo": async () => ({ params: { id: await runImport("companies") }, source: {} }),
  "/api/v1/imports/job-seekers/[id]/undo": async () => ({ params: { id: await runImport("people") }, source: {} }),
  "/api/v1/job-seekers/[id]": async () => {
    const j = await createVia("/api/v1/job-seekers");
    return { params: { id: String(j.id) }, source: await row("JobSeeker", String(j.id)) };
  },
  "/api/v1/job-seekers/[id]/interactions": async () => {
    const j = await createVia("/api/v1/job-seekers");
    return { params: { id: String(j.id) }, source: {} };
  },
  "/api/v1/mobility-diagnostics/[id]": async () => {
    const d = await createVia("/api/v1/mobility-diagnostics");
    return { params: { id: String(d.id) }, source: await row("MobilityDiagnostic", String(d.id)) };
  },
  "/api/v1/offers/[id]": async () => {
    const o = await createVia("/api/v1/offers");
    return { params: { id: String(o.id) }, source: await row("JobOffer", String(o.id)) };
  },
  "/api/v1/offers/[id]/transitions": async () => {
    const o = await createVia("/api/v1/offers");
    return { params: { id: String(o.id) }, source: await row("JobOffer", String(o.id)), overrides: { to: "OPEN" } };
  },
  "/api/v1/platforms/[id]": async () => {
    const p = await createVia("/api/v1/platforms");
    return { params: { id: String(p.id) }, source: await row("Platform", String(p.id)) };
  },
  "/api/v1/proposals/[id]": async () => {
    const p = await createVia("/api/v1/proposals");
    return { params: { id: String(p.id) }, source: await row("Proposal", String(p.id)), overrides: { status: "ACCEPTED" } };
  },
  "/api/v1/reports/monthly/[platformId]/[month]/close": async () => ({ params: { platformId: lensId, month: await openMonth() }, source: {} }),
  "/api/v1/reports/monthly/[platformId]/[month]/reopen": async () => {
    // A month closed first by its platform's manager.
    const month = await openMonth();
    const h = await handlerOf(routeOf("POST", "/api/v1/reports/monthly/[platformId]/[month]/close"));
    const res = await send(h, "POST", `/api/v1/reports/monthly/${lensId}/${month}/close`, "PLATFORM_MANAGER", { platformId: lensId, month }, null);
    if (res.status >= 300) throw new Error(`clôture préalable : ${res.status} ${res.text.slice(0, 500)}`);
    return { params: { platformId: lensId, month }, source: {}, overrides: { reason: "Correction d'une saisie tardive." } };
  },
  "/api/v1/rights-requests/[id]/actions": async () => {
    const r = await createVia("/api/v1/rights-requests");
    return { params: { id: String(r.id) }, source: await row("RightsRequest", String(r.id)), body: { action: "answer", response: "Réponse faite par courrier le 15 janvier." } };
  },
  "/api/v1/subsidy-files/[id]": async () => {
    const f = await subsidyFileIn("DRAFT");
    // A Région file: no per-convention rate (France Travail files only).
    return { params: { id: String(f.id) }, source: f, overrides: { fundingRateBp: undefined } };
  },
  // Issue 22 §4: the annual request is written while the file is a draft.
  "/api/v1/subsidy-files/[id]/annual-request": async () => {
    const f = await subsidyFileIn("DRAFT");
    // A text, not the date-like value the body builder tries first for a name ending in « on ».
    return { params: { id: String(f.id) }, source: f, overrides: { description: "Deux chargés de relation entreprises, bureau à la maison de l'emploi." } };
  },
  "/api/v1/subsidy-files/[id]/budget-lines": async () => {
    const f = await subsidyFileIn("DRAFT");
    return { params: { id: String(f.id) }, source: {} };
  },
  "/api/v1/subsidy-files/[id]/budget-lines/[lineId]": async () => {
    const f = await subsidyFileIn("DRAFT");
    const line = await createVia("/api/v1/subsidy-files/[id]/budget-lines", { id: String(f.id) });
    return { params: { id: String(f.id), lineId: String(line.id) }, source: await row("BudgetLine", String(line.id)) };
  },
  // France Travail convention art. 5 (issue 22 §3): the bilan is written on a signed convention.
  "/api/v1/subsidy-files/[id]/ft-bilan": async () => {
    // Signed by the service's own state (the throw-away budget's category is a Région one, so the API
    // award would be 0 €): the bilan route only needs a signed France Travail convention.
    const draft = await subsidyFileIn("DRAFT", "FRANCE_TRAVAIL");
    await db.subsidyFile.update({ where: { id: String(draft.id) }, data: { status: "SIGNED", awardedCents: 1_000_000n, signedAt: new Date("2026-01-20") } });
    const f = await row("SubsidyFile", String(draft.id));
    return { params: { id: String(f.id) }, source: f, overrides: { budgetUpdate: undefined } };
  },
  "/api/v1/subsidy-files/[id]/ft-indicators": async () => {
    const f = await subsidyFileIn("DRAFT", "FRANCE_TRAVAIL");
    return { params: { id: String(f.id) }, source: {} };
  },
  "/api/v1/subsidy-files/[id]/ft-indicators/[indicatorId]": async () => {
    const f = await subsidyFileIn("DRAFT", "FRANCE_TRAVAIL");
    const i = await createVia("/api/v1/subsidy-files/[id]/ft-indicators", { id: String(f.id) });
    return { params: { id: String(f.id), indicatorId: String(i.id) }, source: await row("FtIndicator", String(i.id)) };
  },
  // Issue 22 §4: a product of the compte rendu financier, entered on a signed Région convention (first entry: version 0).
  "/api/v1/subsidy-files/[id]/products": async () => {
    const f = await subsidyFileIn("SIGNED", "REGION");
    return { params: { id: String(f.id) }, source: {}, body: { kind: "TERRITORY_COFUNDING", version: 0, actualCents: 2_500_000, gapExplanation: "Participation de l'EPCI votée en cours d'année." } };
  },
  "/api/v1/subsidy-files/[id]/payments": async () => {
    const f = await subsidyFileIn("SIGNED");
    // A payment outside the tranches (a tranche's unmet conditions would ask for a confirmation).
    return { params: { id: String(f.id) }, source: {}, overrides: { trancheId: undefined } };
  },
  "/api/v1/subsidy-files/[id]/receipts": async () => {
    const f = await subsidyFileIn("DRAFT");
    const form = () => {
      const fd = new FormData();
      fd.set("kind", "INVOICE");
      fd.set("file", new File([new Uint8Array(Buffer.from("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"))], "facture.pdf", { type: "application/pdf" }));
      return fd;
    };
    return { params: { id: String(f.id) }, source: {}, form };
  },
  "/api/v1/subsidy-files/[id]/refund-orders": async () => {
    // Something to refund: 10 000 € paid, no expense reported on the budget line.
    const f = await subsidyFileIn("SIGNED");
    const id = String(f.id);
    const pay = await send(await handlerOf(routeOf("POST", "/api/v1/subsidy-files/[id]/payments")), "POST", `/api/v1/subsidy-files/${id}/payments`, "REGION_FINANCE", { id }, JSON.stringify({ amountCents: 1_000_000, paidAt: "2026-02-01" }));
    if (pay.status >= 300) throw new Error(`versement préalable : ${pay.status} ${pay.text.slice(0, 500)}`);
    const line = await client.query<{ id: string; version: number }>(`SELECT id, version FROM "BudgetLine" WHERE "subsidyFileId" = $1 LIMIT 1`, [id]);
    const l = line.rows[0]!;
    const actual = await send(await handlerOf(routeOf("PATCH", "/api/v1/subsidy-files/[id]/budget-lines/[lineId]")), "PATCH", `/api/v1/subsidy-files/${id}/budget-lines/${l.id}`, "PLATFORM_MANAGER", { id, lineId: l.id }, JSON.stringify({ version: l.version, actualCents: 0, gapExplanation: "Aucune dépense engagée." }));
    if (actual.status >= 300) throw new Error(`dépense réelle préalable : ${actual.status} ${actual.text.slice(0, 500)}`);
    return { params: { id }, source: {} };
  },
  "/api/v1/subsidy-files/[id]/tranches/[trancheId]/claim": async () => {
    const f = await subsidyFileIn("SIGNED");
    const t = await client.query<{ id: string }>(`SELECT id FROM "Tranche" WHERE "subsidyFileId" = $1 ORDER BY rank LIMIT 1`, [f.id]);
    // The tranche's condition: a receipt attached to it.
    const fd = new FormData();
    fd.set("kind", "INVOICE");
    fd.set("trancheId", t.rows[0]!.id);
    fd.set("file", new File([new Uint8Array(Buffer.from("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"))], "facture.pdf", { type: "application/pdf" }));
    const up = await send(await handlerOf(routeOf("POST", "/api/v1/subsidy-files/[id]/receipts")), "POST", `/api/v1/subsidy-files/${String(f.id)}/receipts`, "PLATFORM_MANAGER", { id: String(f.id) }, fd, "");
    if (up.status >= 300) throw new Error(`justificatif préalable : ${up.status} ${up.text.slice(0, 500)}`);
    // The claim carries the file's version (read after the upload).
    return { params: { id: String(f.id), trancheId: t.rows[0]!.id }, source: await row("SubsidyFile", String(f.id)) };
  },
  "/api/v1/subsidy-files/[id]/transitions": async (_method, role) => {
    // A step the role may take, on a file in a state where it starts.
    if (role === "PLATFORM_MANAGER") {
      const f = await subsidyFileIn("DRAFT");
      return { params: { id: String(f.id) }, source: f, overrides: { transition: "submit" } };
    }
    const f = await subsidyFileIn("SUBMITTED");
    return { params: { id: String(f.id) }, source: f, overrides: { transition: "startReview" } };
  },
  "/api/v1/tokens/[id]": async (_method, role) => {
    const token = `pe_${randomBytes(24).toString("base64url")}`;
    const t = await db.apiToken.create({ data: { userId: userIds.get(role)!, name: "jetable", prefix: token.slice(0, 8), tokenHash: hashToken(token) } });
    return { params: { id: t.id }, source: {} };
  },
  "/api/v1/users/[id]": async (_method, role) => {
    // Each inviter manages what it invited (a manager: the assistants of its own platform).
    const h = await handlerOf(routeOf("POST", "/api/v1/users"));
    const built = validBody(h.declared!.body!, { ids: await lensIds(), overrides: { role: "PLATFORM_ASSISTANT", platformIds: [lensId], email: `jetable.${++seq}.${Date.now()}@exemple.fr` } });
    const res = await send(h, "POST", "/api/v1/users", role, {}, JSON.stringify(built!.body));
    if (res.status !== 201) throw new Error(`utilisateur jetable : ${res.status} ${res.text.slice(0, 500)}`);
    return { params: { id: String(res.json.id) }, source: await row("User", String(res.json.id)), overrides: { platformIds: [lensId] } };
  },
  "/api/v1/visits/[id]": async () => {
    const v = await createVia("/api/v1/visits");
    return { params: { id: String(v.id) }, source: await row("Visit", String(v.id)) };
  },
};

/** Routes without an id whose body or call needs more than the schema. */
const PLAIN: Record<string, (method: Method, role: Role) => Promise<Target>> = {
  "/api/v1/imports/companies": async () => ({ params: {}, source: {}, form: () => importForm("companies", true) }),
  "/api/v1/imports/companies/preview": async () => ({ params: {}, source: {}, form: () => importForm("companies", false) }),
  "/api/v1/imports/job-seekers": async () => ({ params: {}, source: {}, form: () => importForm("people", true) }),
  "/api/v1/imports/job-seekers/preview": async () => ({ params: {}, source: {}, form: () => importForm("people", false) }),
  // Creating a token needs an interactive session (issue 16 #9): a signed-in browser, same origin.
  "/api/v1/tokens": async () => ({ params: {}, source: {}, session: true }),
  "/api/v1/notifications/read": async (_m, role) => {
    const n = await db.notification.create({ data: { userId: userIds.get(role)!, kind: "callback.due", title: "Rappel à faire" } });
    return { params: {}, source: {}, overrides: { id: n.id } };
  },
  // Issue 22 §7: a new version of a notice (not of the commitment, which would lock every account
  // of this suite out until accepted), in force later.
  "/api/v1/notices": async () => ({ params: {}, source: {}, overrides: { kind: "JOB_SEEKER", title: "Notice (essai)", body: "Texte d'essai d'une nouvelle version de la notice d'information des demandeurs d'emploi.", validFrom: "2099-01-01" } }),
  "/api/v1/rule-sets": async () => {
    // A new version of a rule set: its current payload, valid from a later date.
    const current = (await client.query<{ kind: string; payload: unknown }>(`SELECT kind::text AS kind, payload FROM "RuleSet" ORDER BY "validFrom" DESC, version DESC LIMIT 1`)).rows[0]!;
    return { params: {}, source: {}, overrides: { kind: current.kind, payload: current.payload, validFrom: "2099-01-01", note: "Nouvelle version (essai)." } };
  },
};

/**
 * The transitions route is entered with « subsidy.read » (the table's row), each step then needs its
 * own permission: a role allowed in the table but allowed no step can never succeed there — it must
 * get 403 on every step (checked below), not 2xx.
 */
function stepRoles(): Role[] {
  return ROLES.filter((r) => Object.values(TRANSITION_DEFS).some((d) => expectedRoles(d.permission).includes(r)));
}

const WRITES = routes.filter((r) => r.method !== "GET" && PUBLIC_API[r.path] === undefined);

beforeAll(async () => {
  await resetDb();
  await seedDemo(db, { password: env.DEMO_PASSWORD });
  client = new pg.Client({ connectionString: env.DATABASE_URL });
  await client.connect();
  lensId = (await db.platform.findFirstOrThrow({ where: { name: "Lens-Liévin" } })).id;
  for (const role of ROLES) {
    tokens.set(role, await credentialFor(db, ACCOUNT_OF[role]));
    userIds.set(role, (await db.user.findUniqueOrThrow({ where: { email: ACCOUNT_OF[role] } })).id);
  }
}, 300_000);

afterAll(async () => {
  await client?.end();
});

describe("chaque écriture autorisée par la table réussit (2xx) avec un corps valide", () => {
  it("l'inventaire trouve les routes d'écriture, toutes dans la table", () => {
    expect(WRITES.length).toBeGreaterThan(40);
    expect(WRITES.filter((r) => pinnedPermission(r.method, r.path) === undefined).map((r) => `${r.method} ${r.path}`)).toEqual([]);
  });

  for (const route of WRITES) {
    const action = pinnedPermission(route.method, route.path) as Action;
    const isTransitions = route.path === "/api/v1/subsidy-files/[id]/transitions";
    // The allowed roles come from the hand-written tables (route → permission, role × action), never
    // from can(): a role losing an action by mistake keeps its cases here, and they fail.
    const roles = expectedRoles(action).filter((r) => !isTransitions || stepRoles().includes(r));
    for (const role of roles) {
      it(`${route.method} ${route.path} (${action}) : ${role} → 2xx`, { timeout: 120_000 }, async () => {
        const h = await handlerOf(route);
        const make = TARGETS[route.path] ?? PLAIN[route.path];
        if (route.path.includes("[") && !TARGETS[route.path]) throw new Error(`${route.path} : ajouter la fabrication de son enregistrement jetable dans TARGETS`);
        const target: Target = make ? await make(route.method, role) : { params: {}, source: {} };
        if (route.method === "POST" && CREATE[route.path]) target.overrides = { ...(await CREATE[route.path]!()), ...target.overrides };
        const url = Object.entries(target.params).reduce((u, [k, v]) => u.replace(`[${k}]`, v), route.path);
        let body: BodyInit | null = null;
        let contentType = "application/json";
        if (target.body) {
          const parsed = h.declared?.body?.safeParse(target.body);
          expect(parsed?.success, `${route.method} ${route.path} : corps fixé refusé par le schéma : ${JSON.stringify(parsed?.error?.issues)}`).toBe(true);
          body = JSON.stringify(target.body);
        } else if (target.form) {
          body = target.form();
          contentType = "";
        } else if (h.declared?.body) {
          const built = validBody(h.declared.body, { source: target.source, ids: await lensIds(), overrides: target.overrides });
          expect(built, `${route.method} ${route.path} : aucun corps valide construit depuis son schéma : ${lastIssues.join(" ; ")}`).not.toBeNull();
          body = JSON.stringify(built!.body);
        }
        let query = "";
        if (h.declared?.query) {
          const q = validBody(h.declared.query, { source: target.source });
          expect(q, `${route.method} ${route.path} : paramètres de requête`).not.toBeNull();
          const sp = new URLSearchParams(Object.entries(q!.body).map(([k, v]) => [k, String(v)]));
          if (sp.size) query = `?${sp}`;
        }
        const res = await send(h, route.method, url + query, role, target.params, body, contentType, target.session);
        expect(res.status, `${route.method} ${url} par ${role}, corps ${typeof body === "string" ? body.slice(0, 400) : "(formulaire)"} → ${res.text.slice(0, 600)}`).toBeGreaterThanOrEqual(200);
        expect(res.status, `${route.method} ${url} par ${role} → ${res.text.slice(0, 600)}`).toBeLessThan(300);
        // A streamed import answers 200 first: its last line must say it ran.
        if (/^\/api\/v1\/imports\/(companies|job-seekers)$/.test(route.path)) expect(res.text.trim().split("\n").at(-1), res.text.slice(-600)).toContain(`"type":"done"`);
      });
    }
  }

  it("chaque fabrique (TARGETS, PLAIN, CREATE) vise une route d'écriture existante, et chaque route d'écriture a au moins un cas 2xx", () => {
    const paths = new Set(WRITES.map((r) => r.path));
    expect([...Object.keys(TARGETS), ...Object.keys(PLAIN), ...Object.keys(CREATE)].filter((p) => !paths.has(p))).toEqual([]);
    const withoutCase = WRITES.filter((r) => {
      const roles = expectedRoles(pinnedPermission(r.method, r.path) as Action);
      return (r.path === "/api/v1/subsidy-files/[id]/transitions" ? roles.filter((x) => stepRoles().includes(x)) : roles).length === 0;
    });
    expect(withoutCase.map((r) => `${r.method} ${r.path}`)).toEqual([]);
  });

  it("changement d'état d'un dossier : chaque étape, par le rôle que la table lui donne, réussit par l'API (2xx)", { timeout: 120_000 }, async () => {
    // The table-driven cases above take only « submit » and « startReview »: here every step, in a
    // throw-away file's real order (and a second file for the refusal).
    const h = await handlerOf(routeOf("POST", "/api/v1/subsidy-files/[id]/transitions"));
    const take = async (id: string, transition: keyof typeof TRANSITION_DEFS, extra: Json = {}) => {
      const role = expectedRoles(TRANSITION_DEFS[transition].permission)[0]!;
      const body = { transition, version: (await row("SubsidyFile", id)).version, ...extra };
      const res = await send(h, "POST", `/api/v1/subsidy-files/${id}/transitions`, role, { id }, JSON.stringify(body));
      expect(res.status, `${transition} par ${role} → ${res.text.slice(0, 600)}`).toBe(200);
      return res.json;
    };
    const f = String((await subsidyFileIn("SUBMITTED")).id);
    const seen: string[] = [];
    seen.push(String((await take(f, "startReview")).status));
    seen.push(String((await take(f, "sendBack", { comment: "Joindre le détail des salaires." })).status));
    seen.push(String((await take(f, "submit")).status));
    seen.push(String((await take(f, "approve", { deliberationNumber: "CP-2026-0412", deliberationDate: "2026-06-01", awardedCents: 1_000_000 })).status));
    seen.push(String((await take(f, "sign", { signedAt: "2026-06-10" })).status));
    seen.push(String((await take(f, "close")).status));
    expect(seen).toEqual(["UNDER_REVIEW", "RETURNED", "SUBMITTED", "AWARDED", "SIGNED", "CLOSED"]);
    const g = String((await subsidyFileIn("SUBMITTED")).id);
    expect((await take(g, "reject", { comment: "Hors du cadre d'intervention." })).status).toBe("REJECTED");
    expect((await row("SubsidyFile", f)).status).toBe("CLOSED");
    expect((await row("SubsidyFile", g)).status).toBe("REJECTED");
  });

  it("changement d'état d'un dossier : la permission de l'étape passe avant ses champs — un rôle sans elle reçoit 403 même avec un corps incomplet", async () => {
    const h = await handlerOf(routeOf("POST", "/api/v1/subsidy-files/[id]/transitions"));
    const f = await subsidyFileIn("SUBMITTED");
    const id = String(f.id);
    let cases = 0;
    for (const role of expectedRoles("subsidy.read")) {
      for (const [transition, def] of Object.entries(TRANSITION_DEFS)) {
        if (expectedRoles(def.permission).includes(role)) continue;
        // Only the step and the version: the fields « approve », « sign », « sendBack » and « reject » require are missing.
        const res = await send(h, "POST", `/api/v1/subsidy-files/${id}/transitions`, role, { id }, JSON.stringify({ transition, version: f.version }));
        expect(res.status, `${role} ${transition} (corps incomplet) → ${res.text}`).toBe(403);
        expect((res.json.error as Json | undefined)?.message, `${role} ${transition}`).toBe("Votre rôle ne permet pas cette étape du dossier.");
        cases++;
      }
    }
    // Twelve steps. The manager has « submit » and « substantialChange » (lacks 10), finance lacks « submit » (1),
    // the France Travail reviewer lacks all twelve.
    expect(cases).toBe(23);
    expect((await row("SubsidyFile", id)).version).toBe(f.version);
  });

  it("changement d'état d'un dossier : au rôle qui a la permission, un champ requis manquant reste refusé (400, en français, sans écriture)", async () => {
    const h = await handlerOf(routeOf("POST", "/api/v1/subsidy-files/[id]/transitions"));
    const f = await subsidyFileIn("SUBMITTED");
    const id = String(f.id);
    const expected: [string, Json, string, string][] = [
      ["approve", {}, "deliberationNumber", "Indiquez le numéro de délibération."],
      ["approve", { deliberationNumber: "CP-1", deliberationDate: "2026-06-01" }, "awardedCents", "Indiquez le montant attribué."],
      ["sendBack", {}, "comment", "Expliquez à la plateforme ce qu'il faut corriger."],
      ["reject", {}, "comment", "Expliquez à la plateforme ce qu'il faut corriger."],
    ];
    for (const [transition, extra, field, message] of expected) {
      const role = expectedRoles(TRANSITION_DEFS[transition as keyof typeof TRANSITION_DEFS].permission)[0]!;
      const res = await send(h, "POST", `/api/v1/subsidy-files/${id}/transitions`, role, { id }, JSON.stringify({ transition, version: f.version, ...extra }));
      expect(res.status, `${transition} ${JSON.stringify(extra)} → ${res.text}`).toBe(400);
      expect(((res.json.error as Json).fields as Record<string, string[]>)[field], `${transition} ${JSON.stringify(extra)}`).toEqual([message]);
    }
    expect((await row("SubsidyFile", id)).version).toBe(f.version);
    expect((await row("SubsidyFile", id)).status).toBe("SUBMITTED");
  });

  it("changement d'état d'un dossier : un rôle admis par la table mais à qui aucune étape n'est permise reçoit 403 à chaque étape", async () => {
    const h = await handlerOf(routeOf("POST", "/api/v1/subsidy-files/[id]/transitions"));
    const others = expectedRoles("subsidy.read").filter((r) => !stepRoles().includes(r));
    expect(others.length).toBeGreaterThan(0);
    const f = await subsidyFileIn("SUBMITTED");
    for (const role of others) {
      for (const transition of Object.keys(TRANSITION_DEFS)) {
        // Every field a step can ask for: only the missing permission can refuse it.
        const body = { transition, version: f.version, comment: "Essai", deliberationNumber: "D-2026-01", deliberationDate: "2026-01-10", awardedCents: 100_000, signedAt: "2026-01-20", at: "2026-01-25", terminationMode: "REQUEST" };
        const res = await send(h, "POST", `/api/v1/subsidy-files/${String(f.id)}/transitions`, role, { id: String(f.id) }, JSON.stringify(body));
        expect(res.status, `${role} ${transition} → ${res.text}`).toBe(403);
      }
    }
  });
});

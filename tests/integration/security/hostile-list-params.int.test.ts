// Hostile list query parameters (« bad input gets a clear French error and nothing is lost; no input
// and no fault yields a 500; every query scoped »). Every GET route of the API that takes a query
// (enumerated from the file system, with its own zod query schema) receives, parameter by parameter,
// hostile values: forged, truncated, huge cursors, cursors of another list or sort, cursors whose
// values have the wrong type or are out of range (NUL, lone surrogates, dates PostgreSQL cannot hold,
// ids beyond bigint), page / pageSize / last / sort out of range or of the wrong type, repeated
// parameters, searches of 10 000 characters or made only of LIKE wildcards — and a cursor read from
// another platform's list. Expected: never a 500; a 400 says in French what is wrong, in the API's
// error format; no id of another platform's row in any answer of a platform-scoped caller; the list
// still answers normally afterwards. In-process route handlers on the real database (demo data set).
import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import type { z } from "zod";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

const current = vi.hoisted(() => ({ headers: new Headers(), cookie: undefined as string | undefined }));
vi.mock("next/headers", () => ({
  headers: async () => current.headers,
  cookies: async () => ({
    get: (name: string) => (name === "next-auth.session-token" && current.cookie ? { name, value: current.cookie } : undefined),
    getAll: () => [],
    has: () => false,
  }),
}));

import { can, type Action } from "@/lib/authz/policy";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import type { Role } from "@/lib/generated/prisma/enums";
import { CURSOR_RESET_NOTICE } from "@/lib/search-params";
import { seedDemo } from "@/prisma/seed/demo";
import { callRoute, credentialFor, handlerOf, sessionCookieFor, type Handler } from "@/tests/support/api-inproc";
import { resetDb } from "@/tests/support/db";
import { listApiRoutes, listPages, type ApiRoute, type PageRoute } from "@/tests/support/route-inventory";

const ROOT = path.resolve(import.meta.dirname, "../../..");

/** The caller of each route: the first role of this list the route allows (platform roles first). */
const ACCOUNTS: [Role, string][] = [
  ["PLATFORM_MANAGER", "manager@lens.demo"],
  ["PLATFORM_ASSISTANT", "assistant@lens.demo"],
  ["REGION_REFERENT", "referent@region.demo"],
  ["REGION_FINANCE", "finance@region.demo"],
  ["DPO", "dpo@region.demo"],
  ["FRANCE_TRAVAIL_REVIEWER", "reviewer@francetravail.demo"],
  ["ADMIN", "admin@region.demo"],
];
const SCOPED: ReadonlySet<Role> = new Set(["PLATFORM_MANAGER", "PLATFORM_ASSISTANT"]);
/** Another platform's assistant: its lists give cursors of rows Lens-Liévin's staff must not see. */
const FOREIGN_ACCOUNT = "assistant@amiens.demo";

/** GET routes whose address takes no record id, and the list export (one list name). */
const LIST_EXPORTS = ["companies", "offers"];
/** The parameters a route requires, sent with every case (a hostile value of one of them replaces it). */
const REQUIRED: Record<string, [string, string][]> = {
  "/api/v1/reports/monthly": [["month", "2026-11"]],
  "/api/v1/reports/monthly/export": [["month", "2026-11"]],
  "/api/v1/reports/objectives": [["year", "2026"]],
  "/api/v1/search": [["q", "Lens"]],
  "/api/v1/rights-requests/subjects": [["q", "Du"]],
};
/** Routes left out, and why. */
const SKIPPED: Record<string, string> = {
  "/api/v1/openapi.json": "the API's description (no query)",
};

const b64 = (s: string) => Buffer.from(s, "utf8").toString("base64url");
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;

/** Values of any parameter. A value given as an array repeats the parameter. */
const ANY: (string | string[])[] = [
  "", "   ", "\u0000", "a\u0000b", "\uD800", "\u202Eabc\u200F", "NaN", "Infinity", "-0", "1e309", "0000-00-00", "275760-09-14",
  "-271821-04-20", "' OR '1'='1' --", "{\"a\":1}", "[]", "%", "_", "\\", "*", "not-a-uuid", "00000000-0000-0000-0000-000000000000",
  ["1", "2"], "x".repeat(10_000),
];
const PAGE: (string | string[])[] = ["0", "-1", "1e9", "9007199254740992", "1.5", "abc", "10001", "100000", ["1", "2"], "NaN", "Infinity", "-0", "0x10", " 2 "];
const LAST = ["maybe", "TRUE", "1", "yes", "", "null", ["true", "false"]];
const SORT = ["unknown", "__proto__", "constructor", "name;DROP TABLE x", "-name", "name,id", ["name", "date"]];
const Q = ["x".repeat(10_000), "%", "%%%%", "_", "___", "\\", "\\\\", "*", "%_\\*", "' OR 1=1 --", "\u0000", "\uD800\uDFFF\uD800", "\u202E\u200F"];

/** Forged cursors that need no template: garbage, wrong JSON, huge, every value type at one or two keys. */
function forgedCursors(): string[] {
  const id = randomUUID();
  const raw = [
    "garbage", "!!!", "%", "A".repeat(100_000), b64("[]"), b64("{}"), b64("null"), b64("[1e309,\"" + id + "\"]"), b64("[NaN]"),
    b64(JSON.stringify(["x", "not-a-uuid"])), b64(JSON.stringify(["x", "9999999999999999999"])), b64(JSON.stringify(["x", "99999999999999999999"])),
    b64(JSON.stringify([{ d: "2026-01-01T00:00:00.000Z" }, "-1"])), b64(JSON.stringify([{ d: "2026-01-01T00:00:00.000Z" }, "9223372036854775808"])),
  ];
  const values: unknown[] = [
    "\u0000", "a\u0000", "\uD800", "\u202E", 1, -0, true, null, [], {}, { d: "0000-00-00" }, { d: "275760-09-14" }, { d: "+275760-09-13T00:00:00.000Z" },
    { d: "-271821-04-20T00:00:00.000Z" }, { d: "0001-01-01T00:00:00.000Z" }, { d: "-000001-01-01T00:00:00.000Z" }, { d: 1e308 }, { d: null }, { d: "x" },
  ];
  for (const v of values) {
    raw.push(b64(JSON.stringify([v, id])));
    raw.push(b64(JSON.stringify([v, v, id])));
    raw.push(b64(JSON.stringify([v, "9223372036854775807"])));
  }
  return raw;
}

/** Cursors shaped like `template` (a real cursor of the route) with one position replaced by a hostile value. */
function cursorsLike(template: string): string[] {
  const parsed = JSON.parse(Buffer.from(template, "base64url").toString("utf8")) as unknown[];
  const out = [template.slice(0, Math.max(1, template.length - 5)), template + "A", template.replace(/[a-z]/, "!")];
  const hostile: unknown[] = ["\u0000", "a\u0000b", "\uD800", "\u202E", "", 0, 1e308, true, null, [], {}, { d: "0000-00-00" }, { d: "275760-09-14" },
    { d: "+275760-09-13T00:00:00.000Z" }, { d: "-271821-04-20T00:00:00.000Z" }, { d: "0001-01-01T00:00:00.000Z" }, { d: "9999-12-31T23:59:59.999Z" },
    { d: "1969-12-31T23:59:59.999Z" }, "not-a-uuid", "9223372036854775808", "9999999999999999999", "-1", randomUUID(), "00000000-0000-0000-0000-000000000000"];
  parsed.forEach((_, i) => {
    for (const v of hostile) out.push(b64(JSON.stringify(parsed.map((x, j) => (i === j ? v : x)))));
  });
  out.push(b64(JSON.stringify(parsed.slice(1))), b64(JSON.stringify([...parsed, parsed.at(-1)])));
  return out;
}

/** The keys of a route's query schema (objects, pipes, defaults, intersections). */
function queryKeys(schema: z.ZodType | undefined): string[] {
  const keys = new Set<string>();
  const walk = (s: unknown, depth = 0) => {
    if (!s || typeof s !== "object" || depth > 8) return;
    const shape = (s as { shape?: Record<string, unknown> }).shape;
    if (shape && typeof shape === "object") for (const k of Object.keys(shape)) keys.add(k);
    const def = (s as { _zod?: { def?: Record<string, unknown> } })._zod?.def ?? {};
    for (const k of ["in", "innerType", "left", "right", "schema"]) walk(def[k], depth + 1);
    if (Array.isArray(def.options)) for (const o of def.options) walk(o, depth + 1);
  };
  walk(schema);
  return [...keys];
}

interface Target {
  route: ApiRoute;
  url: string;
  params: Record<string, string>;
  h: Handler;
  role: Role;
  keys: string[];
}

/** The GET routes that take a query, with their caller: known before any test runs (one describe each). */
async function inventory(): Promise<Target[]> {
  const out: Target[] = [];
  for (const route of listApiRoutes()) {
    if (route.method !== "GET" || !route.action || SKIPPED[route.path] !== undefined) continue;
    const isPublic = route.action === "public";
    if (isPublic && !route.path.startsWith("/api/v1/public/")) continue;
    const lists = route.path === "/api/v1/lists/[list]/export" ? LIST_EXPORTS : route.path.includes("[") ? [] : [""];
    for (const list of lists) {
      const h = await handlerOf(route);
      const role = isPublic ? "PLATFORM_MANAGER" : roleFor(route.action as Action);
      const keys = isPublic ? ["q"] : queryKeys(h.declared?.query);
      if (!role || keys.length === 0) continue;
      out.push({ route, url: list ? route.path.replace("[list]", list) : route.path, params: list ? { list } : {}, h, role, keys });
    }
  }
  return out;
}

const tokens = new Map<Role, string>();
let foreignToken = "";
let client: pg.Client;
/** Ids of rows of platforms other than Lens-Liévin (every table with a platformId column). */
const foreignIds = new Set<string>();
const targets = await inventory();
/** Cases that sent a cursor read from another platform's list (the scope check must have run). */
let foreignCursorCases = 0;
/** Per page: cases run and failures, for the report. */
const pageTally = new Map<string, { cases: number; failures: string[] }>();
/** Per route: cases run and failures, for the report. */
const tally = new Map<string, { cases: number; failures: string[] }>(targets.map((t) => [t.url, { cases: 0, failures: [] }]));

function roleFor(action: Action): Role | null {
  return ACCOUNTS.find(([role]) => can({ id: "x", role, allPlatforms: !SCOPED.has(role), platformIds: [] }, action))?.[0] ?? null;
}

function urlOf(t: Target, query: [string, string | string[]][]): string {
  const sp = new URLSearchParams();
  const given = new Set(query.map(([k]) => k));
  for (const [k, v] of REQUIRED[t.url] ?? []) if (!given.has(k)) sp.append(k, v);
  for (const [k, v] of query) for (const x of Array.isArray(v) ? v : [v]) sp.append(k, x);
  const s = sp.toString();
  return s ? `${t.url}?${s}` : t.url;
}

async function call(t: Target, query: [string, string | string[]][], credential = tokens.get(t.role)!): Promise<{ status: number; text: string }> {
  const res = await callRoute(current, t.h, "GET", urlOf(t, query), credential, t.params, null, "");
  return { status: res.status, text: await res.text() };
}

/** What is wrong with an answer to a hostile value; null when it is acceptable. */
function problemOf(t: Target, res: { status: number; text: string }): string | null {
  if (res.status >= 500) return `${res.status} ${res.text.slice(0, 200)}`;
  if (res.status === 400) {
    let body: { error?: { code?: unknown; message?: unknown; fields?: Record<string, string[]> } };
    try {
      body = JSON.parse(res.text) as typeof body;
    } catch {
      return `400 sans JSON : ${res.text.slice(0, 100)}`;
    }
    const messages = [body.error?.message, ...Object.values(body.error?.fields ?? {}).flat()].filter((m): m is string => typeof m === "string");
    if (body.error?.code !== "VALIDATION_ERROR" || messages.length === 0) return `400 hors format : ${res.text.slice(0, 200)}`;
    // French: accented letters or French words, and none of zod's English defaults.
    const english = messages.find((m) => /\b(Invalid|Expected|received|must be|Too (big|small)|Required)\b/.test(m));
    if (english) return `400 en anglais : ${english}`;
    if (!messages.some((m) => /[àâçéèêëîïôûùüÿœ]|\b(le|la|les|de|du|des|un|une|doit|vaut|est|sont|trop|pas|invalides?|attendu)\b/i.test(m))) return `400 sans message français : ${messages.join(" | ")}`;
  }
  if (SCOPED.has(t.role)) {
    const leaked = [...new Set(res.text.match(UUID) ?? [])].filter((id) => foreignIds.has(id.toLowerCase()));
    if (leaked.length) return `${res.status} : ${leaked.length} id(s) d'une autre plateforme (${leaked[0]})`;
  }
  return null;
}

async function expectNoProblem(t: Target, cases: [string, string | string[]][][], credential?: string): Promise<void> {
  const entry = tally.get(t.url)!;
  const failures: string[] = [];
  // Four requests at a time: the handlers share one pool, as under a real load.
  for (let i = 0; i < cases.length; i += 4) {
    const batch = cases.slice(i, i + 4);
    // A handler that throws instead of answering (a route without apiRoute) is a 500 too.
    const answers = await Promise.all(batch.map((q) => call(t, q, credential).catch((e: unknown) => ({ status: 500, text: `exception : ${e instanceof Error ? e.message.slice(0, 150) : String(e)}` }))));
    answers.forEach((res, j) => {
      const p = problemOf(t, res);
      if (p) failures.push(`${JSON.stringify(batch[j]!.map(([k, v]) => [k, typeof v === "string" && v.length > 60 ? `${v.slice(0, 40)}…(${v.length})` : v]))} → ${p}`);
    });
  }
  entry.cases += cases.length;
  entry.failures.push(...failures);
  expect(failures).toEqual([]);
}

/** A real `next` cursor of the route (page size 1), or null when the list has fewer than two rows or no cursor. */
async function realCursor(t: Target, credential?: string, extra: [string, string][] = []): Promise<string | null> {
  const res = await call(t, [["pageSize", "1"], ...extra], credential);
  if (res.status !== 200) return null;
  try {
    const next = (JSON.parse(res.text) as { next?: unknown }).next;
    return typeof next === "string" ? next : null;
  } catch {
    return null;
  }
}

beforeAll(async () => {
  await resetDb();
  await seedDemo(db, { password: env.DEMO_PASSWORD });
  client = new pg.Client({ connectionString: env.DATABASE_URL });
  await client.connect();
  for (const [role, email] of ACCOUNTS) tokens.set(role, await credentialFor(db, email));
  foreignToken = await credentialFor(db, FOREIGN_ACCOUNT);
  const lensId = (await db.platform.findFirstOrThrow({ where: { name: "Lens-Liévin" } })).id;
  const tables = (await client.query<{ t: string }>(`SELECT c.table_name AS t FROM information_schema.columns c JOIN information_schema.columns i ON i.table_name = c.table_name AND i.table_schema = c.table_schema AND i.column_name = 'id' AND i.data_type = 'uuid'
    WHERE c.table_schema = 'public' AND c.column_name = 'platformId'`)).rows;
  for (const { t } of tables) {
    for (const r of (await client.query<{ id: string }>(`SELECT id::text AS id FROM "${t}" WHERE "platformId" IS DISTINCT FROM $1`, [lensId])).rows) foreignIds.add(r.id);
  }
  for (const r of (await client.query<{ id: string }>(`SELECT id::text AS id FROM "Platform" WHERE id <> $1`, [lensId])).rows) foreignIds.add(r.id);

}, 300_000);

afterAll(async () => {
  await client?.end();
  const rows = [...tally, ...pageTally].map(([where, { cases, failures }]) => `${where}\t${cases}\t${failures.length}`);
  // The table of the attack pass (endpoint → cases → failures).
  process.stdout.write(`endpoint\tcas\téchecs\n${rows.join("\n")}\ntotal\t${[...tally.values(), ...pageTally.values()].reduce((n, e) => n + e.cases, 0)}\n`);
});

describe("paramètres de liste hostiles : l'inventaire", () => {
  it("couvre les listes à curseur et leurs paramètres, et les données d'une autre plateforme", () => {
    const paths = targets.map((t) => t.url);
    for (const p of ["/api/v1/companies", "/api/v1/job-seekers", "/api/v1/offers", "/api/v1/visits", "/api/v1/proposals", "/api/v1/audit-events", "/api/v1/notifications", "/api/v1/events"]) {
      expect(paths).toContain(p);
    }
    const companies = targets.find((t) => t.url === "/api/v1/companies")!;
    expect(companies.keys).toEqual(expect.arrayContaining(["page", "pageSize", "after", "before", "last", "sort", "q"]));
    // Cursors of one sort are sent with another: the sorts are read from the schema.
    expect(sortsOf(companies).length).toBeGreaterThan(1);
    expect(foreignIds.size).toBeGreaterThan(100);
    expect(LIST_PAGES.map((p) => p.path)).toEqual(expect.arrayContaining([...KEYSET_PAGES]));
  });
});

/** The values of one parameter of the API's lists. */
function valuesOf(key: string): (string | string[])[] {
  if (key === "page" || key === "pageSize") return PAGE;
  if (key === "last") return LAST;
  if (key === "sort") return SORT;
  if (key === "q") return [...Q, ...ANY];
  return key === "after" || key === "before" ? [] : ANY;
}

/** The sort values a route's query schema offers (enum, possibly with a default). */
function sortsOf(t: Target): string[] {
  const sort = (t.h.declared?.query as unknown as { shape?: Record<string, { options?: string[]; _zod?: { def?: { innerType?: { options?: string[] } } } }> })?.shape?.sort;
  return sort?.options ?? sort?._zod?.def?.innerType?.options ?? [];
}

for (const t of targets) {
  describe(`API ${t.url} (${t.role})`, () => {
    it("paramètres hostiles : jamais de 500, un 400 en français, rien d'une autre plateforme ; la liste répond ensuite", async () => {
      const cases: [string, string | string[]][][] = [];
      for (const key of t.keys) for (const v of valuesOf(key)) cases.push([[key, v]]);
      cases.push([["inconnu", "1"]], [["__proto__", "x"]], [["constructor", "x"]], [["a\u0000b", "1"]]);
      if (t.keys.includes("after")) {
        const template = await realCursor(t);
        if (template) expect(await call(t, [["after", template]])).toMatchObject({ status: 200 });
        const forged = [...forgedCursors(), ...(template ? cursorsLike(template) : [])];
        // Cursors of the other lists (another order, another id kind).
        for (const other of targets.filter((o) => o !== t && o.keys.includes("after"))) {
          const c = await realCursor(other);
          if (c) forged.push(c);
        }
        forged.forEach((c, i) => cases.push([["after", c]], i % 2 ? [["before", c], ["page", "3"]] : [["before", c], ["last", "true"]]));
        // A cursor of another sort of the same list.
        const sorts = sortsOf(t);
        for (const s of sorts) {
          const c = await realCursor(t, undefined, [["sort", s]]);
          if (c) for (const other of sorts) if (other !== s) cases.push([["sort", other], ["after", c]], [["sort", other], ["before", c]]);
        }
        // A cursor of a row of another platform: an answer like that of a cursor matching nothing, nothing of that platform.
        if (SCOPED.has(t.role)) {
          const foreign = await realCursor(t, foreignToken);
          if (foreign) {
            foreignCursorCases += 4;
            cases.push([["after", foreign]], [["before", foreign]], [["after", foreign], ["pageSize", "200"]], [["before", foreign], ["pageSize", "200"]]);
          }
        }
      }
      await expectNoProblem(t, cases);
      const normal = await call(t, []);
      expect(normal.status, normal.text.slice(0, 200)).toBeLessThan(400);
    }, 120_000);
  });
}

describe("paramètres de liste hostiles : les curseurs d'une autre plateforme ont bien été essayés", () => {
  it("sur les listes à curseur d'un rôle de plateforme", () => {
    expect(foreignCursorCases).toBeGreaterThanOrEqual(4 * 4);
  });
});

// Pages: the list pages read their query with parseSearchParams (lib/search-params.ts). A hostile
// value must give a page (the list, or its first page), never an error page, and nothing of
// another platform for a platform role.
type PageFn = (p: { searchParams: Promise<Record<string, string | string[]>>; params?: Promise<Record<string, string>> }) => Promise<unknown>;

/** The page's element tree as JSON (React's internal fields and cycles left out). */
function tree(node: unknown): string {
  const seen = new WeakSet<object>();
  return JSON.stringify(node, (key, value: unknown) => {
    if (key.startsWith("_")) return undefined;
    if (typeof value === "object" && value !== null) {
      if (seen.has(value)) return undefined;
      seen.add(value);
    }
    if (typeof value === "bigint") return value.toString();
    return value;
  });
}

/** The pages of the keyset lists (cursors `after` / `before` in their address). */
const KEYSET_PAGES = new Set(["/entreprises", "/demandeurs", "/offres", "/visites", "/rgpd"]);
const LIST_PAGES: PageRoute[] = listPages().filter((p) => !p.path.includes("[") && /parseSearchParams/.test(readFileSync(path.join(ROOT, p.file), "utf8")));

for (const page of LIST_PAGES) {
  describe(`page ${page.path}`, () => {
    it("paramètres hostiles : la page s'affiche (sans erreur), rien d'une autre plateforme", async () => {
      const role = page.action && page.action !== "public" ? roleFor(page.action) : null;
      expect(role, `aucun compte de démonstration n'a « ${page.action} »`).not.toBeNull();
      const email = ACCOUNTS.find(([r]) => r === role)![1];
      const user = await db.user.findUniqueOrThrow({ where: { email } });
      const render = (await import(/* @vite-ignore */ path.join(ROOT, page.file)) as { default: PageFn }).default;
      const cases: Record<string, string | string[]>[] = [];
      // Keyset lists: forged cursors, and real ones of every list (another list, another platform).
      if (KEYSET_PAGES.has(page.path)) {
        const cursors = forgedCursors().filter((_, i) => i % 6 === 0);
        for (const other of targets.filter((o) => o.keys.includes("after"))) {
          const c = await realCursor(other);
          const f = SCOPED.has(other.role) ? await realCursor(other, foreignToken) : null;
          for (const x of [c, f]) if (x) cursors.push(x, ...cursorsLike(x).filter((_, i) => i % 12 === 0));
        }
        cursors.forEach((c, i) => cases.push(i % 2 ? { after: c } : { before: c, last: "true", page: "2" }));
      }
      for (const v of PAGE) cases.push({ page: v, pageSize: v });
      for (const v of [...LAST, ...SORT]) cases.push({ last: v, sort: v });
      for (const v of [...Q, ...ANY.filter((_, i) => i % 3 === 0)]) cases.push({ q: v, statut: v, status: v, platformId: v, annee: v, year: v, month: v, after: v });
      const failures: string[] = [];
      current.cookie = await sessionCookieFor(user.id);
      current.headers = new Headers({ host: "localhost" });
      try {
        const one = async (sp: Record<string, string | string[]>) => {
          const label = JSON.stringify(Object.fromEntries(Object.entries(sp).map(([k, v]) => [k, typeof v === "string" && v.length > 60 ? `${v.slice(0, 40)}…(${v.length})` : v])));
          try {
            const text = tree(await render({ searchParams: Promise.resolve(sp) }));
            if (SCOPED.has(role!)) {
              const leaked = [...new Set(text.match(UUID) ?? [])].filter((id) => foreignIds.has(id.toLowerCase()));
              if (leaked.length) failures.push(`${label} → ${leaked.length} id(s) d'une autre plateforme`);
            }
          } catch (e) {
            failures.push(`${label} → ${e instanceof Error ? `${e.name}: ${e.message.slice(0, 160)}` : String(e)}`);
          }
        };
        for (let i = 0; i < cases.length; i += 4) await Promise.all(cases.slice(i, i + 4).map(one));
        pageTally.set(page.path, { cases: cases.length, failures });
        expect(failures).toEqual([]);
        // A keyset list says why it shows its first page (lib/search-params.ts readListPage).
        if (KEYSET_PAGES.has(page.path)) {
          expect(tree(await render({ searchParams: Promise.resolve({ after: "garbage", page: "4" }) }))).toContain(CURSOR_RESET_NOTICE);
        }
        // Then the page with no parameter still renders.
        expect(tree(await render({ searchParams: Promise.resolve({}) })).length).toBeGreaterThan(100);
      } finally {
        current.cookie = undefined;
      }
    }, 120_000);
  });
}

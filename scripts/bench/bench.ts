// `npm run bench` (issue 8; not part of `npm test`): the production app on the region-scale
// database, measured with autocannon, next to the SQL the same requests run, timed directly on
// PostgreSQL. Database: BENCH_DATABASE_URL, else DATABASE_URL, else the embedded one; it is
// migrated and, when empty, filled with the region scale. The SQL of each request is captured by
// running the request's own service function in this process on a Prisma client that logs its
// queries; they are then replayed with pg inside BEGIN … ROLLBACK (writes such as audit events
// included, not kept). Prints a table and writes bench/results/<timestamp>.json.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import { mkdirSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { PrismaPg } from "@prisma/adapter-pg";
import { format, subMonths } from "date-fns";
import { encode } from "next-auth/jwt";
import pg from "pg";
import { loadPrincipal, type CurrentUser } from "@/lib/auth/principal";
import { exportMonthlyBilan } from "@/lib/bilans/bilan-export";
import { dashboardData } from "@/lib/bilans/dashboard.query";
import { listCompanies } from "@/lib/companies/company.query";
import { companyListQuerySchema } from "@/lib/companies/company.schema";
import { env, processEnv } from "@/lib/env";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { getJobSeeker, listJobSeekers } from "@/lib/job-seekers/job-seeker.query";
import { jobSeekerListQuerySchema } from "@/lib/job-seekers/job-seeker.schema";
import { listOffers } from "@/lib/offers/offer.query";
import { offerListQuerySchema } from "@/lib/offers/offer.schema";
import { startDryRun } from "@/lib/retention/purge-run.query";
import { SCALE_DPO_EMAIL, SCALE_FT_REVIEWER_EMAIL, SCALE_REFERENT_EMAIL, scaleManagerEmail, seedScale, hasData } from "@/prisma/seed/scale/scale";
import { resolveDatabaseUrl } from "@/scripts/lib/database";
import { applyMigrations } from "@/scripts/lib/migrations";
import { buildIsStale } from "@/scripts/lib/next-build";
import { print, printError } from "@/scripts/lib/print";

type AutocannonResult = { requests: { average: number }; errors: number; timeouts: number; non2xx: number; duration: number };
type AutocannonInstance = { on(event: "response", fn: (client: unknown, status: number, bytes: number, ms: number) => void): void };
type Autocannon = ((opts: Record<string, unknown>, cb: (err: Error | null, res: AutocannonResult) => void) => AutocannonInstance) & {
  track?: unknown;
};
const autocannon = createRequire(import.meta.url)("autocannon") as Autocannon;

const NEXT_BIN = "node_modules/next/dist/bin/next";
const SQL_RUNS = 30;

type Kind = "api" | "page" | "dashboard" | "export" | "retention";
const TARGET_P95: Record<Kind, number> = { api: 50, page: 100, dashboard: 100, export: 2000, retention: 2000 };
const TARGET_OVERHEAD_MS = 25;
const TARGET_THROUGHPUT = 300;

interface Scenario {
  name: string;
  kind: Kind;
  method?: "GET" | "POST";
  path: string;
  auth: { bearer: string } | { cookie: string };
  body?: string;
  /** Load: a duration (lists) or a number of requests (heavy ones), one connection. */
  load: { duration: number } | { amount: number };
  /** A throughput run with several connections (list APIs). */
  throughput?: boolean;
  /** Runs the request's service function once in process (its queries are captured). */
  capture?: (db: PrismaClient) => Promise<unknown>;
}

interface Row {
  name: string;
  kind: Kind;
  path: string;
  status: "ok" | "n/a (route absent)" | "error";
  requests: number;
  p50: number | null;
  p95: number | null;
  p99: number | null;
  reqPerSec: number | null;
  errors: number;
  throughput?: { connections: number; reqPerSec: number; errors: number };
  sql?: { queries: number; replayed: number; writesIncluded: boolean; p50: number; p95: number };
  overheadMs?: number;
  ratio?: number;
  targetP95: number;
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i]!;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.on("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const a = srv.address();
      const port = typeof a === "object" && a ? a.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

async function waitForHealth(base: string, server: ChildProcess, timeoutMs = 180_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`le serveur s'est arrêté (code ${server.exitCode})`);
    try {
      const r = await fetch(`${base}/api/health`);
      if (r.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error("le serveur ne répond pas sur /api/health");
}

/** A personal API token written directly in the database (only its SHA-256 is stored, as lib/tokens does). */
async function createApiToken(client: pg.Client, userId: string): Promise<string> {
  const token = `pe_${randomBytes(32).toString("base64url")}`;
  const hash = createHash("sha256").update(token).digest("hex");
  await client.query(
    `INSERT INTO "ApiToken" (id, "userId", name, "tokenHash", prefix, "expiresAt") VALUES (gen_random_uuid(), $1, 'bench', $2, $3, now() + interval '1 day')`,
    [userId, hash, token.slice(0, 10)],
  );
  return token;
}

/** A next-auth session cookie for the server-rendered pages (same claims as lib/auth/options.ts). */
async function sessionCookie(secret: string, user: { id: string; email: string }): Promise<string> {
  const jwt = await encode({ token: { sub: user.id, email: user.email, authTime: Math.floor(Date.now() / 1000) }, secret, maxAge: 3600 });
  return `next-auth.session-token=${jwt}`;
}

function runAutocannon(opts: Record<string, unknown>): Promise<{ result: AutocannonResult; latencies: number[] }> {
  return new Promise((resolve, reject) => {
    const latencies: number[] = [];
    const inst = autocannon(opts, (err, result) => (err ? reject(err) : resolve({ result, latencies })));
    inst.on("response", (_c, status, _b, ms) => {
      if (status < 400) latencies.push(ms);
    });
  });
}

interface Captured {
  query: string;
  params: unknown[];
}

const TX_CONTROL = /^\s*(BEGIN|COMMIT|ROLLBACK|SAVEPOINT|RELEASE)\b/i;
const READ = /^\s*(SELECT|WITH)\b/i;

/**
 * Replays the captured statements `runs` times (at most ~15 s), each time inside BEGIN … ROLLBACK
 * so that writes (audit events, purge-run records) cost what they cost without being kept. When a
 * write cannot be replayed outside the app, falls back to the reads only. Returns sorted ms per request.
 */
async function timeSql(client: pg.Client, queries: Captured[], runs: number): Promise<{ times: number[]; replayed: number; writes: boolean }> {
  const once = async (list: Captured[]) => {
    await client.query("BEGIN");
    try {
      const t = performance.now();
      for (const q of list) await client.query(q.query, q.params as unknown[]);
      return performance.now() - t;
    } finally {
      await client.query("ROLLBACK");
    }
  };
  let list = queries.filter((q) => !TX_CONTROL.test(q.query));
  let writes = list.some((q) => !READ.test(q.query));
  try {
    await once(list); // warm-up
  } catch {
    list = list.filter((q) => READ.test(q.query));
    writes = false;
    await once(list);
  }
  const times: number[] = [];
  const budget = performance.now() + 15_000;
  for (let i = 0; i < runs && (i < 5 || performance.now() < budget); i++) times.push(await once(list));
  return { times: times.sort((a, b) => a - b), replayed: list.length, writes };
}

const fmt = (v: number | null | undefined, digits = 1) => (v === null || v === undefined || Number.isNaN(v) ? "—" : v.toFixed(digits));

function printTable(rows: Row[]): string {
  const header = ["Mesure", "p50 ms", "p95 ms", "p99 ms", "req/s", "err", "SQL p50", "surcoût ms", "ratio", "cible p95", "verdict"];
  const lines = rows.map((r) => {
    if (r.status !== "ok") return [r.name, r.status, "", "", "", "", "", "", "", `≤ ${r.targetP95}`, r.status === "error" ? "ÉCHEC" : "n/a"];
    const okP95 = (r.p95 ?? Infinity) <= r.targetP95;
    const okOverhead = r.overheadMs === undefined || r.overheadMs <= TARGET_OVERHEAD_MS || r.kind === "export" || r.kind === "retention";
    const okErrors = r.errors === 0;
    return [
      r.name, fmt(r.p50), fmt(r.p95), fmt(r.p99), fmt(r.reqPerSec, 0), String(r.errors), fmt(r.sql?.p50), fmt(r.overheadMs), r.ratio ? `×${r.ratio.toFixed(1)}` : "—",
      `≤ ${r.targetP95}`, okP95 && okOverhead && okErrors ? "OK" : "AU-DESSUS",
    ];
  });
  for (const r of rows.filter((x) => x.throughput)) {
    const t = r.throughput!;
    lines.push([`Débit — ${r.name} (${t.connections} connexions)`, "", "", "", fmt(t.reqPerSec, 0), String(t.errors), "", "", "", `≥ ${TARGET_THROUGHPUT} req/s`, t.reqPerSec >= TARGET_THROUGHPUT && t.errors === 0 ? "OK" : "AU-DESSOUS"]);
  }
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => (l[i] ?? "").length)));
  const row = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(" | ")} |`;
  return [row(header), `|${widths.map((w) => "-".repeat(w + 2)).join("|")}|`, ...lines.map(row)].join("\n");
}

async function main(): Promise<number> {
  const started = Date.now();
  const benchUrl = env.BENCH_DATABASE_URL ?? env.DATABASE_URL;
  const database = benchUrl ? { url: benchUrl, stop: async () => undefined } : await resolveDatabaseUrl({ database: "proch_emploi_bench" });
  let server: ChildProcess | null = null;
  const admin = new pg.Client({ connectionString: database.url });
  try {
    await applyMigrations(database.url);
    await admin.connect();
    if (!(await hasData(admin))) {
      print("Base vide : chargement de l'échelle « region »…");
      const r = await seedScale(database.url, "region", { password: env.DEMO_PASSWORD, log: print });
      print(`Échelle chargée en ${r.seconds.toFixed(1)} s.`);
    }
    const userId = async (email: string) => {
      const r = await admin.query<{ id: string; email: string }>(`SELECT id, email FROM "User" WHERE email = $1`, [email]);
      if (!r.rows[0]) throw new Error(`compte ${email} absent : la base n'est pas une base de volumétrie (npm run db:seed:scale).`);
      return r.rows[0];
    };
    const manager = await userId(scaleManagerEmail(0));
    const referent = await userId(SCALE_REFERENT_EMAIL);
    const dpo = await userId(SCALE_DPO_EMAIL);
    const reviewer = await userId(SCALE_FT_REVIEWER_EMAIL);
    const platformId = (await admin.query<{ platformId: string }>(`SELECT "platformId" FROM "PlatformMembership" WHERE "userId" = $1`, [manager.id])).rows[0]!.platformId;
    // A common surname of the platform's active job seekers, a company word, a job seeker with proposals.
    const surname = (await admin.query<{ lastName: string }>(
      `SELECT "lastName" FROM "JobSeeker" WHERE "platformId" = $1 AND lifecycle = 'ACTIVE' GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1`, [platformId],
    )).rows[0]!.lastName;
    const companyWord = (await admin.query<{ w: string }>(`SELECT split_part(name, ' ', 1) AS w FROM "Company" WHERE "platformId" = $1 ORDER BY id LIMIT 1`, [platformId])).rows[0]!.w;
    const seekerId = (await admin.query<{ id: string }>(
      `SELECT j.id FROM "JobSeeker" j JOIN "Proposal" p ON p."jobSeekerId" = j.id WHERE j."platformId" = $1 AND j.lifecycle = 'ACTIVE' GROUP BY j.id ORDER BY count(*) DESC, j.id LIMIT 1`, [platformId],
    )).rows[0]!.id;
    const month = format(subMonths(new Date(), 1), "yyyy-MM");
    const ftFile = (await admin.query<{ id: string }>(
      `SELECT id FROM "SubsidyFile" WHERE "platformId" = $1 AND funder = 'FRANCE_TRAVAIL' ORDER BY year DESC LIMIT 1`, [platformId],
    )).rows[0]?.id ?? "00000000-0000-0000-0000-000000000000";
    const counts: Record<string, number> = {};
    for (const t of ["Platform", "Company", "CompanyContact", "JobSeeker", "JobOffer", "Proposal", "Visit", "CircuitCourtEvent", "EventJobSeekerParticipation", "MonthlySnapshot"]) {
      counts[t] = Number((await admin.query<{ n: string }>(`SELECT count(*) AS n FROM "${t}"`)).rows[0]!.n);
    }

    const secret = env.NEXTAUTH_SECRET ?? randomBytes(32).toString("hex");
    const tokens = {
      manager: await createApiToken(admin, manager.id),
      referent: await createApiToken(admin, referent.id),
      dpo: await createApiToken(admin, dpo.id),
      reviewer: await createApiToken(admin, reviewer.id),
    };
    const cookies = { manager: await sessionCookie(secret, manager), referent: await sessionCookie(secret, referent) };

    // Capturing Prisma client: the same service functions as the routes, their SQL recorded.
    const captured: Captured[] = [];
    const capture = new PrismaClient({ adapter: new PrismaPg({ connectionString: database.url, max: 2 }), log: [{ emit: "event", level: "query" }] });
    capture.$on("query", (e) => captured.push({ query: e.query, params: JSON.parse(e.params) as unknown[] }));
    const principal = async (id: string): Promise<CurrentUser> => (await loadPrincipal(capture, id))!;
    const [pManager, pReferent, pDpo] = [await principal(manager.id), await principal(referent.id), await principal(dpo.id)];
    const purpose = { purpose: "banc de performance" };

    const allScenarios: Scenario[] = [
      {
        name: "Demandeurs : recherche par nom (API)", kind: "api", path: `/api/v1/job-seekers?q=${encodeURIComponent(surname)}&pageSize=50`,
        auth: { bearer: tokens.manager }, load: { duration: 8 }, throughput: true,
        capture: (db) => listJobSeekers(db, pManager, jobSeekerListQuerySchema.parse({ q: surname, pageSize: 50 }), purpose),
      },
      {
        name: "Demandeurs : recherche par nom (page)", kind: "page", path: `/demandeurs?q=${encodeURIComponent(surname)}`,
        auth: { cookie: cookies.manager }, load: { duration: 8 },
        capture: (db) => listJobSeekers(db, pManager, jobSeekerListQuerySchema.parse({ q: surname }), purpose),
      },
      {
        name: "Offres : liste filtrée (API)", kind: "api", path: `/api/v1/offers?status=OPEN&contractType=CDI&pageSize=50`,
        auth: { bearer: tokens.manager }, load: { duration: 8 }, throughput: true,
        capture: (db) => listOffers(db, pManager, offerListQuerySchema.parse({ status: "OPEN", contractType: "CDI", pageSize: 50 })),
      },
      {
        name: "Entreprises : recherche (API)", kind: "api", path: `/api/v1/companies?q=${encodeURIComponent(companyWord)}&pageSize=50`,
        auth: { bearer: tokens.manager }, load: { duration: 8 }, throughput: true,
        capture: (db) => listCompanies(db, pManager, companyListQuerySchema.parse({ q: companyWord, pageSize: 50 })),
      },
      {
        name: "Demandeur : fiche (API)", kind: "api", path: `/api/v1/job-seekers/${seekerId}`,
        auth: { bearer: tokens.manager }, load: { duration: 8 },
        capture: (db) => getJobSeeker(db, pManager, seekerId, purpose),
      },
      {
        name: "Bilans région, 12 mois (page)", kind: "dashboard", path: `/bilans?period=rolling12`,
        auth: { cookie: cookies.referent }, load: { duration: 8 },
        capture: (db) => dashboardData(db, pReferent, { period: "rolling12" }, new Date()),
      },
      {
        name: "Bilan mensuel XLSX d'une plateforme (API)", kind: "export", path: `/api/v1/reports/monthly/export?platformId=${platformId}&month=${month}`,
        auth: { bearer: tokens.manager }, load: { amount: 10 },
        capture: (db) => exportMonthlyBilan(db, pManager, { platformId, month, format: "xlsx" }),
      },
      {
        name: "France Travail : fichier indicateurs (API)", kind: "export", path: `/api/v1/france-travail/${ftFile}/monthly?month=${month}&file=indicators`,
        auth: { bearer: tokens.reviewer }, load: { amount: 10 },
      },
      {
        name: "France Travail : fichier bénéficiaires (API)", kind: "export", path: `/api/v1/france-travail/${ftFile}/monthly?month=${month}&file=beneficiaries`,
        auth: { bearer: tokens.reviewer }, load: { amount: 10 },
      },
      {
        name: "Conservation : simulation sur toute la base (API)", kind: "retention", method: "POST", path: `/api/v1/purge-runs/dry-run`, body: "{}",
        auth: { bearer: tokens.dpo }, load: { amount: 5 },
        capture: (db) => startDryRun(db, pDpo),
      },
    ];

    // `--only <text>` (repeatable): the scenarios whose name contains one of the texts (case-insensitive).
    const only = process.argv.flatMap((a, i) => (a === "--only" && process.argv[i + 1] ? [process.argv[i + 1]!.toLowerCase()] : []));
    const scenarios = only.length === 0 ? allScenarios : allScenarios.filter((s) => only.some((o) => s.name.toLowerCase().includes(o)));
    if (scenarios.length === 0) throw new Error(`--only ${only.join(", ")} : aucune mesure ne correspond.`);

    // ── the production app ──
    if (buildIsStale()) {
      print("Construction de l'application (next build)…");
      const build = spawnSync(process.execPath, [NEXT_BIN, "build"], { stdio: "inherit", env: { ...processEnv(), NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" } });
      if (build.status !== 0) throw new Error("La construction de l'application a échoué.");
    }
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    server = spawn(process.execPath, [NEXT_BIN, "start", "-p", String(port), "-H", "127.0.0.1"], {
      stdio: ["ignore", "ignore", "inherit"],
      env: {
        ...processEnv(), NODE_ENV: "production", DATABASE_URL: database.url, NEXTAUTH_SECRET: secret, NEXTAUTH_URL: base,
        NEXT_TELEMETRY_DISABLED: "1", JOBS_ENABLED: "false", LOG_LEVEL: "warn",
      },
    });
    await waitForHealth(base, server);
    print(`Application démarrée sur ${base} ; mesures…`);

    const sqlClient = new pg.Client({ connectionString: database.url });
    await sqlClient.connect();
    const rows: Row[] = [];
    for (const s of scenarios) {
      const headers: Record<string, string> = "bearer" in s.auth ? { authorization: `Bearer ${s.auth.bearer}` } : { cookie: s.auth.cookie };
      if (s.body) headers["content-type"] = "application/json";
      if (s.method === "POST") headers.origin = base;
      const url = `${base}${s.path}`;
      const row: Row = { name: s.name, kind: s.kind, path: s.path, status: "ok", requests: 0, p50: null, p95: null, p99: null, reqPerSec: null, errors: 0, targetP95: TARGET_P95[s.kind] };
      const probe = await fetch(url, { method: s.method ?? "GET", headers, body: s.body, redirect: "manual" });
      await probe.arrayBuffer();
      if (probe.status === 404 && s.path.startsWith("/api/v1/france-travail/")) {
        row.status = "n/a (route absent)";
        rows.push(row);
        print(`  ${s.name} : n/a (route absente, 404)`);
        continue;
      }
      if (probe.status >= 300) {
        row.status = "error";
        rows.push(row);
        printError(`  ${s.name} : HTTP ${probe.status} au premier appel`);
        continue;
      }
      // Warm-up, then one connection for latency.
      await runAutocannon({ url, method: s.method ?? "GET", headers, body: s.body, connections: 1, amount: 3 });
      const { result, latencies } = await runAutocannon({ url, method: s.method ?? "GET", headers, body: s.body, connections: 1, timeout: 60, ...s.load });
      latencies.sort((a, b) => a - b);
      Object.assign(row, {
        requests: latencies.length, p50: percentile(latencies, 50), p95: percentile(latencies, 95), p99: percentile(latencies, 99),
        reqPerSec: result.requests.average, errors: result.errors + result.timeouts + result.non2xx,
      });
      if (s.throughput) {
        const t = await runAutocannon({ url, headers, connections: 10, duration: 8 });
        row.throughput = { connections: 10, reqPerSec: t.result.requests.average, errors: t.result.errors + t.result.timeouts + t.result.non2xx };
      }
      if (s.capture) {
        captured.length = 0;
        await s.capture(capture);
        const queries = [...captured];
        const { times, replayed, writes } = await timeSql(sqlClient, queries, s.kind === "retention" || s.kind === "export" ? 5 : SQL_RUNS);
        row.sql = { queries: queries.filter((q) => !TX_CONTROL.test(q.query)).length, replayed, writesIncluded: writes, p50: percentile(times, 50), p95: percentile(times, 95) };
        row.overheadMs = row.p50! - row.sql.p50;
        row.ratio = row.sql.p50 > 0 ? row.p50! / row.sql.p50 : undefined;
      }
      rows.push(row);
      print(`  ${s.name} : p50 ${fmt(row.p50)} ms, p95 ${fmt(row.p95)} ms, SQL p50 ${fmt(row.sql?.p50)} ms`);
    }
    await sqlClient.end();
    await capture.$disconnect();
    await admin.query(`UPDATE "ApiToken" SET "revokedAt" = now() WHERE name = 'bench' AND "revokedAt" IS NULL`);

    const table = printTable(rows);
    const machine = { cores: os.cpus().length, cpuModel: os.cpus()[0]?.model ?? "?", totalMemBytes: os.totalmem(), platform: `${os.platform()} ${os.release()}`, node: process.version };
    print(`\n${table}\n`);
    print(`Machine : ${machine.cores} cœurs (${machine.cpuModel}), ${(machine.totalMemBytes / 2 ** 30).toFixed(1)} Gio ; charge moyenne ${os.loadavg().map((l) => l.toFixed(1)).join(" / ")}.`);
    print(`Cibles : API p95 ≤ 50 ms, pages p95 ≤ 100 ms, bilans région 12 mois p95 ≤ 100 ms, surcoût app − SQL ≤ ${TARGET_OVERHEAD_MS} ms, XLSX ≤ 2 s, simulation ≤ 2 s, débit ≥ ${TARGET_THROUGHPUT} req/s.`);
    const dir = path.join("bench", "results");
    mkdirSync(dir, { recursive: true });
    const file = path.join(dir, `${new Date().toISOString().replace(/[:.]/g, "-")}.json`);
    writeFileSync(file, `${JSON.stringify({ at: new Date().toISOString(), machine, loadAverage: os.loadavg(), counts, targets: { p95: TARGET_P95, overheadMs: TARGET_OVERHEAD_MS, throughput: TARGET_THROUGHPUT }, results: rows, table }, null, 2)}\n`);
    print(`Résultats : ${file} (${((Date.now() - started) / 1000).toFixed(0)} s).`);
    return rows.some((r) => r.status === "error") ? 1 : 0;
  } finally {
    if (server && server.exitCode === null) {
      server.kill("SIGTERM");
      await new Promise((r) => server?.once("exit", r));
    }
    await admin.end().catch(() => undefined);
    await database.stop();
  }
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    printError(`Échec du banc : ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    process.exitCode = 1;
  },
);

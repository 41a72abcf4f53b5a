// `npm run bench` (issue 8; not part of `npm test`): the production app on the region-scale
// database, measured with autocannon, next to the SQL the same requests run, timed directly on
// PostgreSQL. Database: BENCH_DATABASE_URL, else DATABASE_URL, else the embedded one; it is
// migrated and, when empty, filled with the region scale. The SQL of each request is captured by
// running the request's own service function in this process on a Prisma client that logs its
// queries; they are then replayed with pg inside BEGIN … ROLLBACK (writes such as audit events
// included, not kept; every statement the app sends — authentication, SAVEPOINT/RELEASE — is
// replayed, only the capture's own BEGIN/COMMIT are replaced by BEGIN … ROLLBACK). Each row runs
// `--rounds` times (default 3): median and spread (min–max), the load average at the start and the
// end of the row, the CPU time per request of the Node server and of the PostgreSQL backends
// (/proc), and, during the runs with several connections, the share of 50 ms samples where a backend
// waited for an advisory lock (pg_locks). Prints a table and writes bench/results/<timestamp>.json.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { loadPrincipal, loadPrincipalByToken, type CurrentUser } from "@/lib/auth/principal";
import { exportMonthlyBilan } from "@/lib/bilans/bilan-export";
import { dashboardData } from "@/lib/bilans/dashboard.query";
import { listCompanies } from "@/lib/companies/company.query";
import { companyListQuerySchema } from "@/lib/companies/company.schema";
import { env, processEnv } from "@/lib/env";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { getJobSeekerJson, listJobSeekers } from "@/lib/job-seekers/job-seeker.query";
import { jobSeekerListQuerySchema } from "@/lib/job-seekers/job-seeker.schema";
import { listOffers } from "@/lib/offers/offer.query";
import { offerListQuerySchema } from "@/lib/offers/offer.schema";
import { addMonths, currentMonth } from "@/lib/indicators/period.rules";
import { encodeCursor } from "@/lib/pagination/keyset";
import { getFtBilans } from "@/lib/france-travail/ft-bilan.service";
import { listFtIndicators } from "@/lib/france-travail/ft-indicator.service";
import { startDryRun } from "@/lib/retention/purge-run.query";
import { listReceipts } from "@/lib/subsidy/receipt.service";
import { getSubsidyFileDetail } from "@/lib/subsidy/subsidy-file.service";
import { SCALE_DPO_EMAIL, SCALE_FT_REVIEWER_EMAIL, SCALE_REFERENT_EMAIL, scaleManagerEmail, seedScale, hasData } from "@/prisma/seed/scale/scale";
import { resolveDatabaseUrl } from "@/scripts/lib/database";
import { applyMigrations } from "@/scripts/lib/migrations";
import { appServerArgs } from "@/scripts/lib/next-build";
import { print, printError } from "@/scripts/lib/print";
import { benchSubjects, BROWSER_ACCEPT_ENCODING, buildIfStale, createApiToken, freePort, runAutocannon, scaleUser, sessionCookie, waitForHealth } from "@/scripts/bench/helpers";
import { type Kind, rowVerdict, TARGETS, throughputVerdict } from "@/scripts/bench/targets";


const SQL_RUNS = 30;


interface Scenario {
  name: string;
  kind: Kind;
  method?: "GET" | "POST";
  path: string;
  auth: { bearer: string } | { cookie: string };
  body?: string;
  /** Load: a duration (lists) or a number of requests (heavy ones), one connection. */
  load: { duration: number } | { amount: number };
  /** Throughput runs with these numbers of connections. */
  throughput?: number[];
  /** An audited personal-data read (its throughput target is the audited reads', not the lists'). */
  audited?: boolean;
  /** Its own ceiling of Node CPU per request, ms (the job-seeker search page). */
  nodeCpuTargetMs?: number;
  /** Runs the request's service function once in process (its queries are captured). */
  capture?: (db: PrismaClient) => Promise<unknown>;
}

/** One run of a row: latency at one connection, CPU per request (ms) of Node and of PostgreSQL. */
interface Round {
  requests: number;
  p50: number;
  p95: number;
  p99: number;
  reqPerSec: number;
  errors: number;
  nodeCpuMs: number | null;
  pgCpuMs: number | null;
  /** Median size of a response (headers and body), bytes. */
  responseBytes: number | null;
}

interface ThroughputRound {
  reqPerSec: number;
  p95: number;
  errors: number;
  /** Share of 50 ms pg_locks samples where at least one backend waited for an advisory lock. */
  lockWaitShare: number;
  meanLockWaiters: number;
  /**
   * Share of samples where a backend waited for a lock of any kind (row, relation, transaction id,
   * advisory): since the audit chain is sealed after the fact (try-lock only), the advisory count
   * is 0 by construction, and this one says whether requests queue on anything else instead.
   */
  anyLockWaitShare: number;
}

type Stat = { median: number; min: number; max: number };

interface Row {
  name: string;
  kind: Kind;
  path: string;
  status: "ok" | "n/a (route absent)" | "error";
  /** Load average (1, 5, 15 min) when the row starts and when it ends. */
  load: { start: number[]; end: number[] };
  rounds: Round[];
  p50: Stat | null;
  p95: Stat | null;
  p99: Stat | null;
  reqPerSec: Stat | null;
  nodeCpuMs: Stat | null;
  pgCpuMs: Stat | null;
  responseBytes: Stat | null;
  errors: number;
  throughput: { connections: number; rounds: ThroughputRound[]; reqPerSec: Stat; p95: Stat; lockWaitShare: Stat; anyLockWaitShare: Stat; errors: number }[];
  sql?: { queries: number; replayed: number; writesIncluded: boolean; p50: number; p95: number };
  overheadMs?: number;
  ratio?: number;
  audited: boolean;
  nodeCpuTargetMs?: number;
}

function stat(values: number[]): Stat {
  const v = [...values].sort((a, b) => a - b);
  return { median: v.length % 2 ? v[(v.length - 1) / 2]! : (v[v.length / 2 - 1]! + v[v.length / 2]!) / 2, min: v[0]!, max: v[v.length - 1]! };
}

const CLK_TCK = Number(spawnSync("getconf", ["CLK_TCK"], { encoding: "utf8" }).stdout.trim()) || 100;

/** CPU time (ms, user + system) of processes, from /proc/<pid>/stat; 0 for a process that is gone. */
function cpuMs(pids: number[]): number {
  let ticks = 0;
  for (const pid of pids) {
    try {
      const f = readFileSync(`/proc/${pid}/stat`, "utf8");
      const fields = f.slice(f.lastIndexOf(")") + 2).split(" ");
      ticks += Number(fields[11]) + Number(fields[12]); // utime, stime (fields 14 and 15)
    } catch {
      // exited
    }
  }
  return (ticks * 1000) / CLK_TCK;
}

/** A process and its descendants (the Next server may fork workers). */
function processTree(root: number): number[] {
  const parent = new Map<number, number>();
  for (const d of readdirSync("/proc")) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const f = readFileSync(`/proc/${d}/stat`, "utf8");
      parent.set(Number(d), Number(f.slice(f.lastIndexOf(")") + 2).split(" ")[1]));
    } catch {
      // exited
    }
  }
  const out = [root];
  for (let i = 0; i < out.length; i++) for (const [pid, pp] of parent) if (pp === out[i]) out.push(pid);
  return out;
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i]!;
}






interface Captured {
  query: string;
  params: unknown[];
}

/** The capture's own transaction brackets, replaced by the replay's BEGIN … ROLLBACK. SAVEPOINT and
 *  RELEASE (nested transactions) are sent by the app, so they are replayed. */
const TX_CONTROL = /^\s*(BEGIN|COMMIT|ROLLBACK)\b/i;
/** Statements that write (the audit append is a plain INSERT since issue 18's sealer). */
const WRITE = /^\s*(INSERT|UPDATE|DELETE)\b/i;
const read = (q: Captured) => !WRITE.test(q.query);

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
  let writes = list.some((q) => !read(q));
  try {
    await once(list); // warm-up
  } catch {
    list = list.filter(read);
    writes = false;
    await once(list);
  }
  const times: number[] = [];
  const budget = performance.now() + 15_000;
  for (let i = 0; i < runs && (i < 5 || performance.now() < budget); i++) times.push(await once(list));
  return { times: times.sort((a, b) => a - b), replayed: list.length, writes };
}

const fmt = (v: number | null | undefined, digits = 1) => (v === null || v === undefined || Number.isNaN(v) ? "—" : v.toFixed(digits));

const fmtStat = (v: Stat | null, digits = 1) => (v ? `${fmt(v.median, digits)} [${fmt(v.min, digits)}–${fmt(v.max, digits)}]` : "—");
const fmtLoad = (l: { start: number[]; end: number[] }) => `${fmt(l.start[0])} → ${fmt(l.end[0])}`;

function printTable(rows: Row[], rounds: number): string {
  const header = ["Mesure", `p50 ms (médiane [min–max], ${rounds} passages)`, "p95 ms", "req/s", "err", "CPU Node ms/req", "CPU PG ms/req", "SQL p50", "surcoût ms", "charge début → fin", "cible", "verdict"];
  const lines = rows.map((r) => {
    const v = rowVerdict({ kind: r.kind, p95: r.p95?.median ?? null, errors: r.errors, overheadMs: r.overheadMs, nodeCpuMs: r.nodeCpuMs?.median ?? null, pgCpuMs: r.pgCpuMs?.median ?? null, nodeCpuTargetMs: r.nodeCpuTargetMs });
    if (r.status !== "ok") return [r.name, r.status, "", "", "", "", "", "", "", fmtLoad(r.load), v.target, r.status === "error" ? "ÉCHEC" : "n/a"];
    return [
      r.name, fmtStat(r.p50), fmtStat(r.p95), fmtStat(r.reqPerSec, 0), String(r.errors), fmtStat(r.nodeCpuMs), fmtStat(r.pgCpuMs), fmt(r.sql?.p50), fmt(r.overheadMs),
      fmtLoad(r.load), v.target, v.ok ? "OK" : "NON ATTEINTE",
    ];
  });
  for (const r of rows) {
    for (const t of r.throughput) {
      const v = throughputVerdict({ audited: r.audited, connections: t.connections, reqPerSec: t.reqPerSec.median, p95: t.p95.median, lockWaitShare: t.lockWaitShare.median, errors: t.errors });
      lines.push([
        `Débit — ${r.name} (${t.connections} connexions)`, "", fmtStat(t.p95), fmtStat(t.reqPerSec, 0), String(t.errors), "", "",
        `verrou : ${fmt(t.lockWaitShare.median * 100, 0)} % (tous verrous ${fmt(t.anyLockWaitShare.median * 100, 0)} %)`, "", fmtLoad(r.load), v?.target ?? "(pas de cible)",
        v ? (v.ok ? "OK" : "NON ATTEINTE") : "—",
      ]);
    }
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
    const userId = (email: string) => scaleUser(admin, email);
    const manager = await userId(scaleManagerEmail(0));
    const referent = await userId(SCALE_REFERENT_EMAIL);
    const dpo = await userId(SCALE_DPO_EMAIL);
    const reviewer = await userId(SCALE_FT_REVIEWER_EMAIL);
    const platformId = (await admin.query<{ platformId: string }>(`SELECT "platformId" FROM "PlatformMembership" WHERE "userId" = $1`, [manager.id])).rows[0]!.platformId;
    // A common surname of the platform's active job seekers, a company word, a job seeker with proposals.
    const { surname, companyWord, seekerId } = await benchSubjects(admin, platformId);
    const month = addMonths(currentMonth(new Date()), -1);
    const ftFile = (await admin.query<{ id: string }>(
      `SELECT id FROM "SubsidyFile" WHERE "platformId" = $1 AND funder = 'FRANCE_TRAVAIL' ORDER BY year DESC LIMIT 1`, [platformId],
    )).rows[0]?.id ?? "00000000-0000-0000-0000-000000000000";
    // The subsidy file page: the platform's signed file of the latest year (France Travail on the scale data).
    const subsidyFile = (await admin.query<{ id: string }>(
      `SELECT id FROM "SubsidyFile" WHERE "platformId" = $1 ORDER BY ("signedAt" IS NOT NULL) DESC, year DESC, id LIMIT 1`, [platformId],
    )).rows[0]?.id;
    const counts: Record<string, number> = {};
    for (const t of ["Platform", "Company", "CompanyContact", "JobSeeker", "JobOffer", "Proposal", "Visit", "CircuitCourtEvent", "EventJobSeekerParticipation", "MonthlySnapshot"]) {
      counts[t] = Number((await admin.query<{ n: string }>(`SELECT count(*) AS n FROM "${t}"`)).rows[0]!.n);
    }

    const secret = env.NEXTAUTH_SECRET ?? randomBytes(32).toString("hex");
    // Personal API tokens only for the roles that may hold one (API_TOKEN_ROLES, issue 22 §6: the
    // manager, the France Travail reviewer); the referent and the DPO reach the API through their
    // signed-in session, as in real use (their tokens are refused at authentication).
    const tokens = {
      manager: await createApiToken(admin, manager.id),
      reviewer: await createApiToken(admin, reviewer.id),
    };
    // The reviewer's session too: the beneficiaries' file (personal data) is refused to API tokens.
    const cookies = { manager: await sessionCookie(secret, manager), referent: await sessionCookie(secret, referent), dpo: await sessionCookie(secret, dpo), reviewer: await sessionCookie(secret, reviewer) };

    // Capturing Prisma client: the same service functions as the routes, their SQL recorded.
    const captured: Captured[] = [];
    const capture = new PrismaClient({ adapter: new PrismaPg({ connectionString: database.url, max: 2 }), log: [{ emit: "event", level: "query" }] });
    capture.$on("query", (e) => captured.push({ query: e.query, params: JSON.parse(e.params) as unknown[] }));
    const principal = async (id: string): Promise<CurrentUser> => (await loadPrincipal(capture, id))!;
    const [pManager, pReferent, pDpo] = [await principal(manager.id), await principal(referent.id), await principal(dpo.id)];
    const purpose = { purpose: "banc de performance" };
    /** The authentication statements the app sends before the service (replayed with it). */
    const authBearer = (token: string) => async (db: PrismaClient) => {
      await loadPrincipalByToken(db, createHash("sha256").update(token).digest("hex"));
    };
    const authCookie = (id: string) => async (db: PrismaClient) => {
      await loadPrincipal(db, id, { issuedAt: Math.floor(Date.now() / 1000) });
    };
    const withAuth = (auth: (db: PrismaClient) => Promise<void>, run: (db: PrismaClient) => Promise<unknown>) => async (db: PrismaClient) => {
      await auth(db);
      return run(db);
    };
    // Region-wide offers list (referent, 150 000 offers): page 1, 500 and the last one.
    const offerTotal = Number((await admin.query<{ n: string }>(`SELECT count(*) AS n FROM "JobOffer"`)).rows[0]!.n);
    const lastOfferPage = Math.max(1, Math.ceil(offerTotal / 50));
    const shortTerm = surname.slice(0, 2);
    // The `next` cursor of page 500 (its last offer in the list's order: reception time, then id, descending).
    const at500 = (await admin.query<{ id: string; at: string }>(
      `SELECT id, to_char("receivedAt", 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS at FROM "JobOffer" ORDER BY "receivedAt" DESC, id DESC OFFSET 24999 LIMIT 1`,
    )).rows[0]!;
    const offerCursor = encodeCursor(new Date(at500.at), at500.id);

    const bearer = (t: string) => ({ bearer: t });
    const allScenarios: Scenario[] = [
      {
        name: "Demandeurs : recherche par nom (API)", kind: "api", path: `/api/v1/job-seekers?q=${encodeURIComponent(surname)}&pageSize=50`,
        auth: bearer(tokens.manager), load: { duration: 5 }, throughput: [10, 50], audited: true,
        capture: withAuth(authBearer(tokens.manager), (db) => listJobSeekers(db, pManager, jobSeekerListQuerySchema.parse({ q: surname, pageSize: 50 }), purpose)),
      },
      {
        name: "Demandeurs : recherche 2 lettres (API)", kind: "api", path: `/api/v1/job-seekers?q=${encodeURIComponent(shortTerm)}&pageSize=50`,
        auth: bearer(tokens.manager), load: { duration: 5 },
        capture: withAuth(authBearer(tokens.manager), (db) => listJobSeekers(db, pManager, jobSeekerListQuerySchema.parse({ q: shortTerm, pageSize: 50 }), purpose)),
      },
      {
        name: "Demandeurs : recherche par nom (page)", kind: "page", path: `/demandeurs?q=${encodeURIComponent(surname)}`,
        auth: { cookie: cookies.manager }, load: { duration: 5 }, nodeCpuTargetMs: TARGETS.searchPageNodeCpuMs,
        capture: withAuth(authCookie(manager.id), (db) => listJobSeekers(db, pManager, jobSeekerListQuerySchema.parse({ q: surname }), purpose)),
      },
      {
        name: "Demandeur : fiche (API)", kind: "api", path: `/api/v1/job-seekers/${seekerId}`,
        auth: bearer(tokens.manager), load: { duration: 5 }, throughput: [10, 50], audited: true,
        capture: withAuth(authBearer(tokens.manager), (db) => getJobSeekerJson(db, pManager, seekerId, purpose)),
      },
      {
        name: "Offres : liste filtrée (API)", kind: "api", path: `/api/v1/offers?status=OPEN&contractType=CDI&pageSize=50`,
        auth: bearer(tokens.manager), load: { duration: 5 }, throughput: [10],
        capture: withAuth(authBearer(tokens.manager), (db) => listOffers(db, pManager, offerListQuerySchema.parse({ status: "OPEN", contractType: "CDI", pageSize: 50 }))),
      },
      // Page numbers (an OFFSET on the ordered index), the last page (read backwards from the end,
      // `last=true`) and the page a reader reaches with the `next` cursor.
      ...[
        { label: "page 1", query: { page: 1 } },
        { label: "page 500", query: { page: 500 } },
        { label: `page ${lastOfferPage} (dernière)`, query: { page: lastOfferPage, last: "true" } },
        { label: "page 501 par curseur « next »", query: { page: 501, after: offerCursor } },
      ].map(({ label, query }): Scenario => ({
        name: `Offres région, ${label} (API)`, kind: "api", path: `/api/v1/offers?${new URLSearchParams({ pageSize: "50", ...Object.fromEntries(Object.entries(query).map(([k, v]) => [k, String(v)])) })}`,
        auth: { cookie: cookies.referent }, load: { duration: 5 },
        capture: withAuth(authCookie(referent.id), (db) => listOffers(db, pReferent, offerListQuerySchema.parse({ pageSize: 50, ...query }))),
      })),
      {
        name: "Entreprises : recherche (API)", kind: "api", path: `/api/v1/companies?q=${encodeURIComponent(companyWord)}&pageSize=50`,
        auth: bearer(tokens.manager), load: { duration: 5 }, throughput: [10],
        capture: withAuth(authBearer(tokens.manager), (db) => listCompanies(db, pManager, companyListQuerySchema.parse({ q: companyWord, pageSize: 50 }))),
      },
      {
        name: "Bilans région, 12 mois (page)", kind: "dashboard", path: `/bilans?period=rolling12`,
        auth: { cookie: cookies.referent }, load: { duration: 5 },
        capture: withAuth(authCookie(referent.id), (db) => dashboardData(db, pReferent, { period: "rolling12" }, new Date())),
      },
      ...(subsidyFile ? [{
        name: "Dossier de subvention (page)", kind: "page" as const, path: `/financement/${subsidyFile}`,
        auth: { cookie: cookies.manager }, load: { duration: 5 },
        capture: withAuth(authCookie(manager.id), async (db) => {
          // What app/(app)/financement/[id]/page.tsx reads (outside a render the scoped file is
          // looked up by each part: a few statements more than the page sends).
          const file = await getSubsidyFileDetail(db, pManager, subsidyFile);
          await listReceipts(db, pManager, subsidyFile);
          if (file.funder === "FRANCE_TRAVAIL") {
            await listFtIndicators(db, pManager, subsidyFile);
            if (file.signedAt) await getFtBilans(db, pManager, subsidyFile);
          }
        }),
      }] : []),
      {
        name: "Bilan mensuel XLSX d'une plateforme (API)", kind: "export", path: `/api/v1/reports/monthly/export?platformId=${platformId}&month=${month}`,
        auth: bearer(tokens.manager), load: { amount: 10 },
        capture: withAuth(authBearer(tokens.manager), (db) => exportMonthlyBilan(db, pManager, { platformId, month, format: "xlsx" })),
      },
      {
        name: "France Travail : fichier indicateurs (API)", kind: "export", path: `/api/v1/france-travail/${ftFile}/monthly?month=${month}&file=indicators`,
        auth: bearer(tokens.reviewer), load: { amount: 10 },
      },
      {
        name: "France Travail : fichier bénéficiaires (API)", kind: "export", path: `/api/v1/france-travail/${ftFile}/monthly?month=${month}&file=beneficiaries`,
        auth: { cookie: cookies.reviewer }, load: { amount: 10 },
      },
      {
        name: "Conservation : simulation sur toute la base (API)", kind: "retention", method: "POST", path: `/api/v1/purge-runs/dry-run`, body: "{}",
        auth: { cookie: cookies.dpo }, load: { amount: 5 },
        capture: withAuth(authCookie(dpo.id), (db) => startDryRun(db, pDpo)),
      },
    ];

    // `--only <text>` (repeatable): the scenarios whose name contains one of the texts (case-insensitive).
    const only = process.argv.flatMap((a, i) => (a === "--only" && process.argv[i + 1] ? [process.argv[i + 1]!.toLowerCase()] : []));
    const scenarios = only.length === 0 ? allScenarios : allScenarios.filter((s) => only.some((o) => s.name.toLowerCase().includes(o)));
    if (scenarios.length === 0) throw new Error(`--only ${only.join(", ")} : aucune mesure ne correspond.`);
    const roundsArg = process.argv.indexOf("--rounds");
    const ROUNDS = roundsArg > 0 ? Math.max(1, Number(process.argv[roundsArg + 1]) || 3) : 3;

    // ── the production app ──
    buildIfStale();
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    server = spawn(process.execPath, appServerArgs({ port, host: "127.0.0.1" }), {
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
    const nodePids = processTree(server.pid!);
    const pgPids = async () =>
      (await admin.query<{ pid: number }>(`SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND backend_type = 'client backend' AND pid <> pg_backend_pid()`)).rows.map((r) => r.pid);
    /** Samples pg_locks every 50 ms while `run` lasts: share of samples with an advisory-lock waiter. */
    const sampleLocks = async <T>(run: Promise<T>): Promise<{ result: T; share: number; meanWaiters: number; anyShare: number }> => {
      let samples = 0;
      let withWaiter = 0;
      let withAnyWaiter = 0;
      let waiters = 0;
      let done = false;
      const loop = (async () => {
        while (!done) {
          // Waiters of any lock type among this database's backends (a transaction-id lock has no
          // database in pg_locks, hence the join on the backend).
          const r = await admin.query<{ n: number; any: number }>(
            `SELECT count(*) FILTER (WHERE l.locktype = 'advisory')::int AS n, count(*)::int AS any
               FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
              WHERE a.datname = current_database() AND NOT l.granted`,
          );
          samples++;
          waiters += r.rows[0]!.n;
          if (r.rows[0]!.n > 0) withWaiter++;
          if (r.rows[0]!.any > 0) withAnyWaiter++;
          await new Promise((res) => setTimeout(res, 50));
        }
      })();
      const result = await run;
      done = true;
      await loop;
      return { result, share: samples ? withWaiter / samples : 0, meanWaiters: samples ? waiters / samples : 0, anyShare: samples ? withAnyWaiter / samples : 0 };
    };
    const rows: Row[] = [];
    for (const s of scenarios) {
      const headers: Record<string, string> = "bearer" in s.auth ? { authorization: `Bearer ${s.auth.bearer}` } : { cookie: s.auth.cookie };
      // A page is measured as a browser gets it: compressed (what Chrome and Firefox accept over https).
      if (s.kind === "page" || s.kind === "dashboard") headers["accept-encoding"] = BROWSER_ACCEPT_ENCODING;
      if (s.body) headers["content-type"] = "application/json";
      if (s.method === "POST") {
        // A signed-in browser's write: same origin (the proxy's CSRF check).
        headers.origin = base;
        headers["sec-fetch-site"] = "same-origin";
      }
      const url = `${base}${s.path}`;
      const row: Row = {
        name: s.name, kind: s.kind, path: s.path, status: "ok", load: { start: os.loadavg(), end: [] }, rounds: [], p50: null, p95: null, p99: null,
        reqPerSec: null, nodeCpuMs: null, pgCpuMs: null, responseBytes: null, errors: 0, throughput: [], audited: s.audited ?? false, nodeCpuTargetMs: s.nodeCpuTargetMs,
      };
      const probe = await fetch(url, { method: s.method ?? "GET", headers, body: s.body, redirect: "manual" });
      await probe.arrayBuffer();
      if (probe.status === 404 && s.path.startsWith("/api/v1/france-travail/")) {
        row.status = "n/a (route absent)";
        row.load.end = os.loadavg();
        rows.push(row);
        print(`  ${s.name} : n/a (route absente, 404)`);
        continue;
      }
      if (probe.status >= 300) {
        row.status = "error";
        row.load.end = os.loadavg();
        rows.push(row);
        printError(`  ${s.name} : HTTP ${probe.status} au premier appel`);
        continue;
      }
      // Warm-up, then per round: one connection for latency and CPU per request, then the throughput runs.
      await runAutocannon({ url, method: s.method ?? "GET", headers, body: s.body, connections: 1, amount: 3 });
      const tputRounds = new Map<number, ThroughputRound[]>((s.throughput ?? []).map((c) => [c, []]));
      for (let round = 0; round < ROUNDS; round++) {
        const pgBefore = await pgPids();
        const cpu0 = { node: cpuMs(nodePids), pg: new Map(pgBefore.map((p) => [p, cpuMs([p])])) };
        const { result, latencies, bytes } = await runAutocannon({ url, method: s.method ?? "GET", headers, body: s.body, connections: 1, timeout: 60, ...s.load });
        const n = latencies.length;
        const nodeCpu = n ? (cpuMs(nodePids) - cpu0.node) / n : null;
        // Backends alive at the end: their CPU since the start (whole, for those opened during the
        // run); a backend closed during the run is left out (its last figures are gone with it).
        const pgCpu = n ? (await pgPids()).reduce((sum, p) => sum + cpuMs([p]) - (cpu0.pg.get(p) ?? 0), 0) / n : null;
        latencies.sort((a, b) => a - b);
        row.rounds.push({
          requests: n, p50: percentile(latencies, 50), p95: percentile(latencies, 95), p99: percentile(latencies, 99), reqPerSec: result.requests.average,
          errors: result.errors + result.timeouts + result.non2xx, nodeCpuMs: nodeCpu, pgCpuMs: pgCpu,
          responseBytes: bytes.length ? bytes.sort((a, b) => a - b)[Math.floor(bytes.length / 2)]! : null,
        });
        for (const connections of s.throughput ?? []) {
          const t = await sampleLocks(runAutocannon({ url, method: s.method ?? "GET", headers, body: s.body, connections, duration: 5, timeout: 60 }));
          t.result.latencies.sort((a, b) => a - b);
          // Let the server drain what the connections left queued before anything else is timed.
          await (await fetch(url, { method: s.method ?? "GET", headers, body: s.body, redirect: "manual" })).arrayBuffer();
          await new Promise((r) => setTimeout(r, 1000));
          tputRounds.get(connections)!.push({
            reqPerSec: t.result.result.requests.average, p95: percentile(t.result.latencies, 95),
            errors: t.result.result.errors + t.result.result.timeouts + t.result.result.non2xx, lockWaitShare: t.share, meanLockWaiters: t.meanWaiters, anyLockWaitShare: t.anyShare,
          });
        }
      }
      const of = (k: keyof Round) => {
        const v = row.rounds.map((r) => r[k]).filter((x): x is number => typeof x === "number" && !Number.isNaN(x));
        return v.length ? stat(v) : null;
      };
      Object.assign(row, { p50: of("p50"), p95: of("p95"), p99: of("p99"), reqPerSec: of("reqPerSec"), nodeCpuMs: of("nodeCpuMs"), pgCpuMs: of("pgCpuMs"), responseBytes: of("responseBytes"), errors: row.rounds.reduce((a, r) => a + r.errors, 0) });
      row.throughput = [...tputRounds].map(([connections, rs]) => ({
        connections, rounds: rs, reqPerSec: stat(rs.map((r) => r.reqPerSec)), p95: stat(rs.map((r) => r.p95)), lockWaitShare: stat(rs.map((r) => r.lockWaitShare)), anyLockWaitShare: stat(rs.map((r) => r.anyLockWaitShare)),
        errors: rs.reduce((a, r) => a + r.errors, 0),
      }));
      if (s.capture) {
        captured.length = 0;
        await s.capture(capture);
        const queries = [...captured];
        const { times, replayed, writes } = await timeSql(sqlClient, queries, s.kind === "retention" || s.kind === "export" ? 5 : SQL_RUNS);
        row.sql = { queries: queries.filter((q) => !TX_CONTROL.test(q.query)).length, replayed, writesIncluded: writes, p50: percentile(times, 50), p95: percentile(times, 95) };
        row.overheadMs = row.p50!.median - row.sql.p50;
        row.ratio = row.sql.p50 > 0 ? row.p50!.median / row.sql.p50 : undefined;
      }
      row.load.end = os.loadavg();
      rows.push(row);
      print(`  ${s.name} : p50 ${fmtStat(row.p50)} ms, p95 ${fmtStat(row.p95)} ms, CPU Node ${fmtStat(row.nodeCpuMs)} ms/req, PG ${fmtStat(row.pgCpuMs)} ms/req, SQL p50 ${fmt(row.sql?.p50)} ms, réponse ${fmt(row.responseBytes?.median, 0)} o, charge ${fmtLoad(row.load)}`);
      for (const t of row.throughput) print(`    ${t.connections} connexions : ${fmtStat(t.reqPerSec, 0)} req/s, p95 ${fmtStat(t.p95)} ms, attente du verrou d'audit ${fmt(t.lockWaitShare.median * 100, 0)} %, de tout verrou ${fmt(t.anyLockWaitShare.median * 100, 0)} % des relevés`);
    }
    await sqlClient.end();
    await capture.$disconnect();
    await admin.query(`UPDATE "ApiToken" SET "revokedAt" = now() WHERE name = 'bench' AND "revokedAt" IS NULL`);

    const table = printTable(rows, ROUNDS);
    const machine = { cores: os.cpus().length, cpuModel: os.cpus()[0]?.model ?? "?", totalMemBytes: os.totalmem(), platform: `${os.platform()} ${os.release()}`, node: process.version };
    print(`\n${table}\n`);
    print(`Machine : ${machine.cores} cœurs (${machine.cpuModel}), ${(machine.totalMemBytes / 2 ** 30).toFixed(1)} Gio ; charge moyenne ${os.loadavg().map((l) => l.toFixed(1)).join(" / ")}.`);
    print(`Cibles : API p95 ≤ ${TARGETS.p95.api} ms et CPU Node ≤ ${String(TARGETS.nodeToPgCpu).replace(".", ",")} × PG, pages p95 ≤ ${TARGETS.p95.page} ms, bilans région 12 mois p95 ≤ ${TARGETS.p95.dashboard} ms, surcoût app − SQL ≤ ${TARGETS.overheadMs} ms, XLSX ≤ 2 s, simulation ≤ 2 s ; débit à ${TARGETS.audited.connections} connexions : lectures auditées ≥ ${TARGETS.audited.reqPerSec} req/s, p95 ≤ ${TARGETS.audited.p95} ms, verrou d'audit < ${TARGETS.audited.lockWaitShare * 100} % des relevés ; listes ≥ ${TARGETS.list.reqPerSec} req/s.`);
    const dir = path.join("bench", "results");
    mkdirSync(dir, { recursive: true });
    const file = path.join(dir, `${new Date().toISOString().replace(/[:.]/g, "-")}.json`);
    writeFileSync(file, `${JSON.stringify({ at: new Date().toISOString(), machine, rounds: ROUNDS, loadAverage: os.loadavg(), counts, targets: TARGETS, results: rows, table }, null, 2)}\n`);
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
    // Not `process.exitCode = 1`: after a failed migration the process still ended with code 0
    // (an exit hook saw exitCode 0 once this handler had set 1; whatever resets it is in the
    // migration engine's path, not found). main() has run its `finally` by now.
    process.exit(1);
  },
);

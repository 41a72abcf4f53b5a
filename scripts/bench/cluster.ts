// `npm run bench:cluster`: one app instance against two, behind a real nginx (Debian package), on the
// same PostgreSQL (issue 18, « use both cores »). Also checks what several instances must keep:
// a session (cookie) and an API token are accepted by both instances, requests through the proxy
// reach both, and every scheduled job runs once per tick (JobRun) although both instances run the
// scheduler. Exit code 1 when a check fails. Not part of `npm test` (it needs the build and ≥ 2 min).
//
//   BENCH_DATABASE_URL=… npm run bench:cluster [-- --rounds 3 --seconds 5]
//
// nginx: `NGINX_BIN`, else `nginx` on the PATH (`apt-get install nginx-light`). It runs as the current
// user with its configuration, logs and temporary files in a throw-away directory.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { env, processEnv } from "@/lib/env";
import { SCALE_REFERENT_EMAIL, scaleManagerEmail } from "@/prisma/seed/scale/scale";
import { createApiToken, freePort, runAutocannon, sessionCookie, waitForHealth } from "@/scripts/bench/helpers";
import { applyMigrations } from "@/scripts/lib/migrations";
import { appServerArgs, buildIsStale, NEXT_BIN } from "@/scripts/lib/next-build";
import { print, printError } from "@/scripts/lib/print";

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Math.max(1, Number(process.argv[i + 1]) || fallback) : fallback;
};
const ROUNDS = arg("rounds", 3);
const SECONDS = arg("seconds", 5);
const CONNECTIONS = [10, 50];
/** Both instances run the scheduler at least this long, so that every-minute jobs tick twice. */
const MIN_JOB_WINDOW_MS = 130_000;

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? (s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2) : NaN;
};
const load = () => os.loadavg().map((l) => Number(l.toFixed(2)));

function nginxBin(): string {
  const bin = env.NGINX_BIN ?? spawnSync("sh", ["-c", "command -v nginx"], { encoding: "utf8" }).stdout.trim();
  if (!bin) throw new Error("nginx introuvable : installer le paquet Debian (apt-get install nginx-light) ou donner NGINX_BIN.");
  return bin;
}

/** Two listeners: `single` → instance 1 only; `pair` → both instances (least connections). */
function nginxConf(dir: string, ports: { single: number; pair: number }, upstreams: number[]): string {
  const temp = ["client_body", "proxy", "fastcgi", "uwsgi", "scgi"].map((t) => `${t}_temp_path ${path.join(dir, t)};`).join("\n  ");
  const server = (port: number, upstream: string) => `
  server {
    listen 127.0.0.1:${port};
    location / {
      proxy_pass http://${upstream};
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host $host;
      proxy_set_header X-Forwarded-For $remote_addr;
      add_header X-Upstream $upstream_addr always;
    }
  }`;
  return `worker_processes 1;
pid ${path.join(dir, "nginx.pid")};
error_log ${path.join(dir, "error.log")} warn;
events { worker_connections 1024; }
http {
  access_log off;
  ${temp}
  upstream single { server 127.0.0.1:${upstreams[0]}; keepalive 64; }
  upstream pair { least_conn; ${upstreams.map((p) => `server 127.0.0.1:${p};`).join(" ")} keepalive 64; }
${server(ports.single, "single")}
${server(ports.pair, "pair")}
}
`;
}

function startInstance(name: string, port: number, databaseUrl: string, secret: string): ChildProcess {
  return spawn(process.execPath, appServerArgs({ port, host: "127.0.0.1" }), {
    stdio: ["ignore", "ignore", "inherit"],
    env: {
      ...processEnv(), NODE_ENV: "production", DATABASE_URL: databaseUrl, NEXTAUTH_SECRET: secret, NEXTAUTH_URL: `http://127.0.0.1:${port}`,
      NEXT_TELEMETRY_DISABLED: "1", JOBS_ENABLED: "true", INSTANCE_NAME: name, LOG_LEVEL: "warn", TRUST_PROXY: "1",
    },
  });
}

async function main(): Promise<number> {
  const databaseUrl = env.BENCH_DATABASE_URL ?? env.DATABASE_URL;
  if (!databaseUrl) throw new Error("BENCH_DATABASE_URL (ou DATABASE_URL) : une base de volumétrie (npm run db:seed:scale).");
  const nginx = nginxBin();
  await applyMigrations(databaseUrl);
  if (buildIsStale()) {
    print("Construction de l'application (next build)…");
    if (spawnSync(process.execPath, [NEXT_BIN, "build"], { stdio: "inherit", env: { ...processEnv(), NODE_ENV: "production" } }).status !== 0) throw new Error("next build a échoué.");
  }
  const admin = new pg.Client({ connectionString: databaseUrl });
  await admin.connect();
  const dir = mkdtempSync(path.join(os.tmpdir(), "proch-cluster-"));
  const children: ChildProcess[] = [];
  const failures: string[] = [];
  try {
    const user = async (email: string) => {
      const r = await admin.query<{ id: string; email: string }>(`SELECT id, email FROM "User" WHERE email = $1`, [email]);
      if (!r.rows[0]) throw new Error(`compte ${email} absent : la base n'est pas une base de volumétrie.`);
      return r.rows[0];
    };
    const manager = await user(scaleManagerEmail(0));
    const referent = await user(SCALE_REFERENT_EMAIL);
    const secret = env.NEXTAUTH_SECRET ?? randomBytes(32).toString("hex");
    // A personal API token for the manager only (API_TOKEN_ROLES, issue 22 §6); the referent reads
    // through a session, as in real use (a referent's token is refused at authentication).
    const token = { manager: await createApiToken(admin, manager.id) };
    const cookie = await sessionCookie(secret, manager);
    const referentCookie = await sessionCookie(secret, referent);
    const seekerId = (await admin.query<{ id: string }>(
      `SELECT j.id FROM "JobSeeker" j JOIN "PlatformMembership" m ON m."platformId" = j."platformId" WHERE m."userId" = $1 AND j.lifecycle = 'ACTIVE' ORDER BY j.id LIMIT 1`, [manager.id],
    )).rows[0]!.id;

    const ports = [await freePort(), await freePort()];
    const started = new Date();
    // One after the other: the first start creates pg-boss's schema if needed.
    for (const [i, port] of ports.entries()) {
      const child = startInstance(`web-${i + 1}`, port, databaseUrl, secret);
      children.push(child);
      await waitForHealth(`http://127.0.0.1:${port}`, child);
    }
    const front = { single: await freePort(), pair: await freePort() };
    for (const t of ["client_body", "proxy", "fastcgi", "uwsgi", "scgi"]) mkdirSync(path.join(dir, t));
    writeFileSync(path.join(dir, "nginx.conf"), nginxConf(dir, front, ports));
    const proxy = spawn(nginx, ["-p", dir, "-c", path.join(dir, "nginx.conf"), "-g", "daemon off;"], { stdio: ["ignore", "ignore", "inherit"] });
    children.push(proxy);
    await waitForHealth(`http://127.0.0.1:${front.pair}`, proxy, 20_000);
    print(`Deux instances (${ports.join(", ")}) derrière nginx (${nginx}) : ${front.single} → web-1 seule, ${front.pair} → les deux.`);

    // ── sessions and tokens on both instances, and the proxy spreading requests ──
    for (const port of ports) {
      for (const [how, headers] of [["cookie de session", { cookie }], ["jeton d'API", { authorization: `Bearer ${token.manager}` }]] as const) {
        const r = await fetch(`http://127.0.0.1:${port}/api/v1/me`, { headers });
        const body = r.ok ? ((await r.json()) as { email?: string }) : null;
        if (!r.ok || body?.email !== manager.email) failures.push(`instance ${port} : ${how} refusé (${r.status}).`);
      }
    }
    const seen = new Map<string, number>();
    for (let i = 0; i < 40; i++) {
      const r = await fetch(`http://127.0.0.1:${front.pair}/api/v1/me`, { headers: { cookie } });
      if (!r.ok) failures.push(`proxy : /api/v1/me ${r.status}.`);
      await r.arrayBuffer();
      const up = r.headers.get("x-upstream") ?? "?";
      seen.set(up, (seen.get(up) ?? 0) + 1);
    }
    print(`Session : acceptée par les deux instances ; 40 requêtes par le proxy → ${[...seen].map(([u, n]) => `${u} × ${n}`).join(", ")}.`);
    if (seen.size < 2) failures.push("le proxy n'a servi qu'une instance.");

    // ── throughput: one instance vs two, same proxy ──
    const rows: { name: string; connections: number; single: { reqPerSec: number[]; p95: number[]; load: number[][] }; pair: { reqPerSec: number[]; p95: number[]; load: number[][] } }[] = [];
    const scenarios = [
      { name: "Entreprises : liste (API)", path: "/api/v1/companies?pageSize=50", auth: { authorization: `Bearer ${token.manager}` } },
      { name: "Offres région, page 1 (API)", path: "/api/v1/offers?pageSize=50", auth: { cookie: referentCookie } },
      { name: "Demandeur : fiche (API, lecture auditée)", path: `/api/v1/job-seekers/${seekerId}`, auth: { authorization: `Bearer ${token.manager}` } },
    ];
    for (const s of scenarios) {
      for (const connections of CONNECTIONS) {
        const row = { name: s.name, connections, single: { reqPerSec: [] as number[], p95: [] as number[], load: [] as number[][] }, pair: { reqPerSec: [] as number[], p95: [] as number[], load: [] as number[][] } };
        for (let round = 0; round < ROUNDS; round++) {
          for (const which of ["single", "pair"] as const) {
            const before = load();
            const { result, latencies } = await runAutocannon({ url: `http://127.0.0.1:${front[which]}${s.path}`, connections, duration: SECONDS, headers: s.auth, timeout: 10 });
            const sorted = latencies.sort((a, b) => a - b);
            row[which].reqPerSec.push(result.requests.average);
            row[which].p95.push(sorted[Math.max(0, Math.ceil(sorted.length * 0.95) - 1)] ?? NaN);
            row[which].load.push([before[0]!, load()[0]!]);
            if (result.errors || result.non2xx) failures.push(`${s.name} (${which}, ${connections} connexions) : ${result.errors} erreurs, ${result.non2xx} réponses non 2xx.`);
          }
        }
        rows.push(row);
        print(`${s.name}, ${connections} connexions : une instance ${median(row.single.reqPerSec).toFixed(0)} req/s (p95 ${median(row.single.p95).toFixed(0)} ms), deux ${median(row.pair.reqPerSec).toFixed(0)} req/s (p95 ${median(row.pair.p95).toFixed(0)} ms) ; charge ${row.single.load[0]![0]} → ${row.pair.load.at(-1)![1]}.`);
      }
    }

    // ── scheduled jobs: once per tick although both instances schedule them ──
    const wait = MIN_JOB_WINDOW_MS - (Date.now() - started.getTime());
    if (wait > 0) {
      print(`Attente de ${Math.ceil(wait / 1000)} s pour que les tâches « chaque minute » passent au moins deux fois…`);
      await new Promise((r) => setTimeout(r, wait));
    }
    const runs = (await admin.query<{ name: string; minute: string; n: number; instances: string }>(
      `SELECT name, to_char(date_trunc('minute', "startedAt"), 'HH24:MI') AS minute, count(*)::int AS n, string_agg(DISTINCT instance, ', ') AS instances
         FROM "JobRun" WHERE "startedAt" >= $1 GROUP BY 1, 2 ORDER BY 2, 1`, [started],
    )).rows;
    const twice = runs.filter((r) => r.n > 1);
    const byInstance = new Set(runs.flatMap((r) => r.instances.split(", ")));
    print(`Tâches : ${runs.length} exécutions (nom × minute) ; instances : ${[...byInstance].join(", ") || "aucune"} ; en double : ${twice.length}.`);
    if (runs.length < 2) failures.push("aucune tâche planifiée n'a tourné pendant la mesure.");
    for (const r of twice) failures.push(`tâche ${r.name} exécutée ${r.n} fois à ${r.minute} (${r.instances}).`);

    mkdirSync("bench/results", { recursive: true });
    const file = path.join("bench/results", `cluster-${new Date().toISOString().replace(/[:.]/g, "-")}.json`);
    writeFileSync(file, `${JSON.stringify({ at: new Date().toISOString(), cores: os.cpus().length, nginx, rounds: ROUNDS, seconds: SECONDS, loadAverage: load(), spread: Object.fromEntries(seen), rows, jobRuns: runs, failures }, null, 2)}\n`);
    print(`Résultats : ${file}`);
  } finally {
    for (const c of children.reverse()) {
      if (c.exitCode === null) {
        c.kill("SIGTERM");
        await new Promise((r) => setTimeout(r, 2000));
        if (c.exitCode === null) c.kill("SIGKILL");
      }
    }
    await admin.end();
    rmSync(dir, { recursive: true, force: true });
  }
  for (const f of failures) printError(`✖ ${f}`);
  return failures.length ? 1 : 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    printError(`Échec : ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    process.exitCode = 1;
  },
);

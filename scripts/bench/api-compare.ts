// `npm run bench:api` (issue 18; not part of `npm test`): the Node CPU per request and the throughput
// of the API rows of `npm run bench`, for this build and, with `--compare <dir>`, another build (a
// checkout of another commit with its `.next`) started beside it. Their rounds alternate (each round
// in another order), so that a before / after comparison sees the same load on a shared machine —
// what `npm run bench`, one build at a time, cannot give.
//
// Per API row and round, for each build: N requests one after the other (the server's CPU time per
// request, from /proc, and the median latency), then `--connections` connections for `--seconds`
// (requests per second and CPU per request under load), with the 1-minute load average at the start
// and the end of the round. Medians over the rounds; every round printed.
//
//   BENCH_DATABASE_URL=… npm run bench:api -- [--rounds 3] [--requests 200] [--connections 10] [--seconds 5] [--only offres] [--compare <dir>]
//
// The database must be a region-scale base (npm run bench seeds it). Writes bench/results/api-<timestamp>.json.
import { randomBytes } from "node:crypto";
import os from "node:os";
import { env } from "@/lib/env";
import { scaleManagerEmail } from "@/prisma/seed/scale/scale";
import {
  argValue, argValues, benchSubjects, buildIfStale, createApiToken, inRoundOrder, load1, median, runAutocannon, runBench, sequentialRequests, startBuilds, treeCpuMs, writeResults,
} from "@/scripts/bench/helpers";
import { print } from "@/scripts/lib/print";

const ROUNDS = Math.max(1, Number(argValue("rounds")) || 3);
const REQUESTS = Math.max(1, Number(argValue("requests")) || 200);
const CONNECTIONS = Math.max(0, Number(argValue("connections") ?? 10));
const SECONDS = Math.max(1, Number(argValue("seconds")) || 5);
const ONLY = argValues("only").map((o) => o.toLowerCase());
const COMPARE = argValues("compare");
/** `--compare-node <binary>` (repeatable): this build again under another Node.js. */
const COMPARE_NODES = argValues("compare-node");

interface Round {
  loadStart: number;
  loadEnd: number;
  cpuMsPerRequest: number;
  p50Ms: number;
  reqPerSec: number | null;
  cpuMsPerRequestLoaded: number | null;
}

runBench(async ({ url, admin, servers }) => {
  const manager = (await admin.query<{ id: string }>(`SELECT id FROM "User" WHERE email = $1`, [scaleManagerEmail(0)])).rows[0];
  if (!manager) throw new Error("La base n'est pas une base de volumétrie (npm run bench la prépare).");
  const platformId = (await admin.query<{ platformId: string }>(`SELECT "platformId" FROM "PlatformMembership" WHERE "userId" = $1`, [manager.id])).rows[0]!.platformId;
  // The same terms and record as npm run bench (scripts/bench/bench.ts).
  const { surname, companyWord, seekerId } = await benchSubjects(admin, platformId);
  const token = await createApiToken(admin, manager.id);
  const all = [
    { name: "Demandeurs : recherche par nom (API)", path: `/api/v1/job-seekers?q=${encodeURIComponent(surname)}&pageSize=50` },
    { name: "Demandeurs : recherche 2 lettres (API)", path: `/api/v1/job-seekers?q=${encodeURIComponent(surname.slice(0, 2))}&pageSize=50` },
    { name: "Demandeur : fiche (API)", path: `/api/v1/job-seekers/${seekerId}` },
    { name: "Offres : liste filtrée (API)", path: `/api/v1/offers?status=OPEN&contractType=CDI&pageSize=50` },
    { name: "Entreprises : recherche (API)", path: `/api/v1/companies?q=${encodeURIComponent(companyWord)}&pageSize=50` },
    { name: "Moi : authentification seule (API)", path: `/api/v1/me` },
  ];
  const rows = ONLY.length ? all.filter((r) => ONLY.some((o) => r.name.toLowerCase().includes(o) || r.path.includes(o))) : all;
  if (rows.length === 0) throw new Error(`--only ${ONLY.join(", ")} : aucune ligne ne correspond.`);

  buildIfStale();
  const secret = env.NEXTAUTH_SECRET ?? randomBytes(32).toString("hex");
  const builds = await startBuilds({ compare: COMPARE, compareNodes: COMPARE_NODES, url, secret, servers });
  print(`Machine : ${os.cpus().length} cœurs (${os.cpus()[0]?.model ?? "?"}) ; ${builds.map((b) => `${b.label || "courant"} ${b.base}`).join(", ")}.`);
  print(`${ROUNDS} passages ; par passage et par construction : ${REQUESTS} requêtes l'une après l'autre, puis ${CONNECTIONS} connexions pendant ${SECONDS} s.`);

  const headers = { authorization: `Bearer ${token}` };
  const get = async (base: string, p: string) => {
    const r = await fetch(`${base}${p}`, { headers });
    await r.arrayBuffer();
    if (r.status !== 200) throw new Error(`${p} : HTTP ${r.status}`);
  };
  const results: { build: string; name: string; path: string; rounds: Round[] }[] = [];
  for (const row of rows) {
    const measured = new Map<string, Round[]>(builds.map((b) => [b.label, []]));
    for (const b of builds) for (let i = 0; i < 20; i++) await get(b.base, row.path); // warm-up
    for (let round = 0; round < ROUNDS; round++) {
      for (const b of inRoundOrder(builds, round)) {
        const loadStart = load1();
        const { cpuMsPerRequest, times } = await sequentialRequests(b.proc, REQUESTS, () => get(b.base, row.path));
        let reqPerSec: number | null = null;
        let cpuMsPerRequestLoaded: number | null = null;
        if (CONNECTIONS > 0) {
          const cpu0 = treeCpuMs(b.proc.pid!);
          const { result } = await runAutocannon({ url: `${b.base}${row.path}`, connections: CONNECTIONS, duration: SECONDS, headers });
          if (result.non2xx > 0 || result.errors > 0) throw new Error(`${row.path} : ${result.non2xx} réponses en erreur, ${result.errors} erreurs sous charge.`);
          const total = result.requests.average * SECONDS;
          reqPerSec = Math.round(result.requests.average);
          cpuMsPerRequestLoaded = Number(((treeCpuMs(b.proc.pid!) - cpu0) / total).toFixed(2));
        }
        measured.get(b.label)!.push({
          loadStart, loadEnd: load1(), cpuMsPerRequest: Number(cpuMsPerRequest.toFixed(2)), p50Ms: Number(median(times).toFixed(2)), reqPerSec, cpuMsPerRequestLoaded,
        });
      }
    }
    print(`\n${row.name} (${row.path.split("?")[0]})`);
    for (const b of builds) {
      const rounds = measured.get(b.label)!;
      results.push({ build: b.label || "courant", name: row.name, path: row.path, rounds });
      const tag = b.label ? `  [${b.label}]` : "";
      const rps = rounds.map((r) => r.reqPerSec).filter((x): x is number => x !== null);
      print(`${tag}  CPU Node ms/req : ${median(rounds.map((r) => r.cpuMsPerRequest)).toFixed(2)} ; p50 ${median(rounds.map((r) => r.p50Ms)).toFixed(2)} ms${rps.length ? ` ; ${CONNECTIONS} connexions : ${median(rps)} req/s` : ""}`);
      for (const r of rounds) print(`${tag}    ${r.cpuMsPerRequest} ms/req, p50 ${r.p50Ms} ms${r.reqPerSec !== null ? `, ${r.reqPerSec} req/s (${r.cpuMsPerRequestLoaded} ms/req)` : ""} [charge ${r.loadStart} → ${r.loadEnd}]`);
    }
  }
  const file = writeResults("api-", { cpu: os.cpus()[0]?.model, rounds: ROUNDS, requests: REQUESTS, connections: CONNECTIONS, seconds: SECONDS, results });
  print(`\nRésultats : ${file}`);
  return 0;
});

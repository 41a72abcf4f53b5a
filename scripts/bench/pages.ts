// `npm run bench:pages` (issue 18, « less work per page »; not part of `npm test`): the server
// rendering cost of the heaviest pages — job-seeker search, region bilans, a subsidy file — in the
// production app on the region-scale database. For each page, per round: N requests one after the
// other, the Node server's CPU time per request (/proc/<pid>/stat, user + system), the median
// latency, and the load average at the start and the end of the round; once per page: the HTML size,
// the part of it that is the inline RSC payload (`self.__next_f.push`), the RSC payload of a client
// navigation (`RSC: 1`), the client components it references and its largest rows (what is
// serialized for the browser). `--cpu-prof <dir>` starts the server with V8's CPU profiler (a
// .cpuprofile per process on exit) and prints where the time went during each page's rounds, by
// package and by function. The profiler samples wall time: on a loaded machine a frame where the
// process was preempted (a socket write that wakes the reader) looks heavier than its CPU; the
// /proc figure is the CPU.
//
//   BENCH_DATABASE_URL=… npm run bench:pages [-- --requests 40 --rounds 3 --warmup 50 --only demandeurs --cpu-prof .data/prof --compare <dir> --save-html .data/html]
//
// `--compare <dir>` (repeatable): a second build (another commit's checkout with its `.next`, started
// as that commit started it: server/main.ts, or `next start` before it existed) started beside this one; the rounds alternate between the two, so that a
// before / after comparison sees the same load on a shared machine. `--compare-node <binary>`
// (repeatable): this build started once more under another Node.js, in the same rotation.
// It builds the app when the build is stale (like npm run bench) and writes
// bench/results/pages-<timestamp>.json.
import { randomBytes } from "node:crypto";
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { env } from "@/lib/env";
import { SCALE_REFERENT_EMAIL, scaleManagerEmail } from "@/prisma/seed/scale/scale";
import { argValue, argValues, BROWSER_ACCEPT_ENCODING, buildIfStale, inRoundOrder, load1, median, runBench, scaleUser, sequentialRequests, sessionCookie, startBuilds, writeResults } from "@/scripts/bench/helpers";
import { print } from "@/scripts/lib/print";

const REQUESTS = Math.max(1, Number(argValue("requests")) || 40);
const ROUNDS = Math.max(1, Number(argValue("rounds")) || 3);
/** Requests per build and page before the rounds (JIT warm-up: with 5, the first rounds ran 20–40 % higher). */
const WARMUP = Math.max(0, Number(argValue("warmup") ?? 50));
const ONLY = argValues("only").map((o) => o.toLowerCase());
const PROF_DIR = argValue("cpu-prof");
/** `--save-html <dir>`: each page's HTML and RSC payload as the measured build served them (to read what a page sends). */
const SAVE_DIR = argValue("save-html");
/** `--compare <dir>` (repeatable): other builds measured beside this one. */
const COMPARE = argValues("compare");
/** `--compare-node <binary>` (repeatable): this build again under another Node.js. */
const COMPARE_NODES = argValues("compare-node");


/** The inline RSC payload of a server-rendered page: the strings pushed to `self.__next_f`. */
function inlineFlight(html: string): string {
  let out = "";
  for (const m of html.matchAll(/self\.__next_f\.push\(\[1,("(?:[^"\\]|\\.)*")\]\)/g)) out += JSON.parse(m[1]!) as string;
  return out;
}

/** Rows of a flight payload (`<id>:<tag><json>`), split on the row boundaries. */
function flightRows(flight: string): { id: string; tag: string; body: string }[] {
  const rows: { id: string; tag: string; body: string }[] = [];
  for (const line of flight.split("\n")) {
    const m = /^([0-9a-f]+):([A-Z]?)(.*)$/s.exec(line);
    if (m) rows.push({ id: m[1]!, tag: m[2]!, body: m[3]! });
    else if (rows.length) rows[rows.length - 1]!.body += `\n${line}`;
  }
  return rows;
}

/** Where a .cpuprofile's samples went (self time), by package or bundle, the top 25. */
function profileSummary(file: string, windows: { name: string; from: number; to: number; requests: number }[]): string {
  const prof = JSON.parse(readFileSync(file, "utf8")) as {
    nodes: { id: number; callFrame: { functionName: string; url: string } }[]; samples: number[]; timeDeltas: number[];
  };
  const byNode = new Map(prof.nodes.map((n) => [n.id, n]));
  const where = (url: string, fn: string) => {
    if (!url) return fn.startsWith("(") ? fn : "(natif)";
    const nm = /node_modules\/((?:@[^/]+\/)?[^/]+)\/(?:dist\/compiled\/([^/]+)|dist\/server\/([^/]+))?/.exec(url);
    if (nm) return nm[2] ? `${nm[1]}/compiled/${nm[2]}` : nm[3] ? `${nm[1]}/server/${nm[3]}` : nm[1]!;
    if (url.includes("/.next/server/")) return `.next/server/${url.split("/.next/server/")[1]!.split("/")[0]}`;
    if (url.startsWith("node:")) return url;
    return url.replace(/^.*\/wt-[^/]+\//, "");
  };
  const out: string[] = [];
  for (const w of windows) {
    const totals = new Map<string, number>();
    const fns = new Map<string, number>();
    let all = 0;
    // Sample times from the profile's start (≈ the server's start): only those of the window's requests.
    let t = 0;
    prof.samples.forEach((id, i) => {
      t += (prof.timeDeltas[i] ?? 0) / 1000;
      if (t < w.from || t > w.to) return;
      const n = byNode.get(id)!;
      const k = where(n.callFrame.url, n.callFrame.functionName);
      const dt = prof.timeDeltas[i] ?? 0;
      all += dt;
      totals.set(k, (totals.get(k) ?? 0) + dt);
      const f = `${n.callFrame.functionName || "(anonyme)"} — ${k}`;
      fns.set(f, (fns.get(f) ?? 0) + dt);
    });
    const busy = all - (totals.get("(idle)") ?? 0);
    const lines = [...totals].filter(([k]) => k !== "(idle)").sort((a, b) => b[1] - a[1]).slice(0, 25)
      .map(([k, v]) => `  ${(v / 1000 / w.requests).toFixed(2).padStart(7)} ms/req  ${((100 * v) / busy).toFixed(1).padStart(5)} %  ${k}`);
    const top = [...fns].filter(([k]) => !k.startsWith("(idle)")).sort((a, b) => b[1] - a[1]).slice(0, 25)
      .map(([k, v]) => `  ${(v / 1000 / w.requests).toFixed(2).padStart(7)} ms/req  ${((100 * v) / busy).toFixed(1).padStart(5)} %  ${k}`);
    out.push(`${w.name} — ${path.basename(file)} : ${(busy / 1000 / w.requests).toFixed(1)} ms de CPU par requête (profileur actif)`, ...lines, "  fonctions :", ...top);
  }
  return out.join("\n");
}

interface PageResult {
  name: string;
  path: string;
  rounds: { loadStart: number; loadEnd: number; requests: number; nodeCpuMsPerRequest: number; p50Ms: number }[];
  nodeCpuMsPerRequest: number;
  p50Ms: number;
  htmlBytes: number;
  inlineFlightBytes: number;
  rscBytes: number;
  clientComponents: string[];
  largestRows: { bytes: number; start: string }[];
}

runBench(async ({ url, admin, servers }) => {
  const manager = await scaleUser(admin, scaleManagerEmail(0));
  const referent = await scaleUser(admin, SCALE_REFERENT_EMAIL);
  const platformId = (await admin.query<{ platformId: string }>(`SELECT "platformId" FROM "PlatformMembership" WHERE "userId" = $1`, [manager.id])).rows[0]!.platformId;
  // The same search term as npm run bench: the platform's most common surname.
  const surname = (await admin.query<{ lastName: string }>(
    `SELECT "lastName" FROM "JobSeeker" WHERE "platformId" = $1 AND lifecycle = 'ACTIVE' GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1`, [platformId],
  )).rows[0]!.lastName;
  // The platform's signed file with the most to show (France Travail on the scale data: bilans, indicators).
  const fileId = (await admin.query<{ id: string }>(
    `SELECT id FROM "SubsidyFile" WHERE "platformId" = $1 ORDER BY ("signedAt" IS NOT NULL) DESC, year DESC, id LIMIT 1`, [platformId],
  )).rows[0]?.id;

  const secret = env.NEXTAUTH_SECRET ?? randomBytes(32).toString("hex");
  const cookies = { manager: await sessionCookie(secret, manager), referent: await sessionCookie(secret, referent) };
  const all = [
    // The floor: the application's layout (header, navigation) around a short form, no data.
    { name: "Plancher : mise en page et formulaire court (page)", path: "/gouvernance/nouvelle", cookie: cookies.manager },
    { name: "Demandeurs : recherche par nom (page)", path: `/demandeurs?q=${encodeURIComponent(surname)}`, cookie: cookies.manager },
    { name: "Bilans région, 12 mois (page)", path: `/bilans?period=rolling12`, cookie: cookies.referent },
    { name: "Bilans d'une plateforme, 12 mois (page)", path: `/bilans?period=rolling12&platformId=${platformId}`, cookie: cookies.manager },
    ...(fileId ? [{ name: "Dossier de subvention (page)", path: `/financement/${fileId}`, cookie: cookies.manager }] : []),
  ];
  const pages = ONLY.length ? all.filter((p) => ONLY.some((o) => p.name.toLowerCase().includes(o) || p.path.includes(o))) : all;
  if (pages.length === 0) throw new Error(`--only ${ONLY.join(", ")} : aucune page ne correspond.`);

  buildIfStale();
  if (PROF_DIR) mkdirSync(PROF_DIR, { recursive: true });
  // The build measured, and with `--compare <dir>` another build (a checkout of the reference
  // commit with its .next): both run side by side and their rounds alternate, so that both see the
  // same load on a shared machine. Only this build is profiled.
  const builds = await startBuilds({ compare: COMPARE, compareNodes: COMPARE_NODES, url, secret, servers, nodeArgs: PROF_DIR ? ["--cpu-prof", `--cpu-prof-dir=${path.resolve(PROF_DIR)}`] : [] });
  print(`Application démarrée (${builds.map((b) => `${b.label || "courant"} ${b.base}`).join(", ")}) ; ${REQUESTS} requêtes × ${ROUNDS} passages par page.`);

  const get = async (base: string, p: string, cookie: string, extra: Record<string, string> = {}) => {
    // A client navigation's RSC request may be redirected to carry its cache-busting parameter.
    // The encodings a browser accepts over https (Node's fetch alone says « gzip, deflate »).
    const r = await fetch(`${base}${p}`, { headers: { cookie, "accept-encoding": BROWSER_ACCEPT_ENCODING, ...extra }, redirect: extra.RSC ? "follow" : "manual" });
    const text = await r.text();
    if (r.status !== 200) throw new Error(`${p} : HTTP ${r.status}`);
    return text;
  };
  const results: (PageResult & { build: string })[] = [];
  const windows: { name: string; from: number; to: number; requests: number }[] = [];
  for (const page of pages) {
    const measured = new Map<string, { html: string; rsc: string; rounds: PageResult["rounds"] }>();
    for (const b of builds) {
      for (let i = 0; i < WARMUP; i++) await get(b.base, page.path, page.cookie);
      measured.set(b.label, { html: await get(b.base, page.path, page.cookie), rsc: await get(b.base, page.path, page.cookie, { RSC: "1" }), rounds: [] });
      if (SAVE_DIR && b === builds[0]) {
        mkdirSync(SAVE_DIR, { recursive: true });
        const slug = page.path.replace(/[^a-z0-9]+/gi, "-").replace(/^-|-$/g, "") || "accueil";
        writeFileSync(path.join(SAVE_DIR, `${slug}.html`), measured.get(b.label)!.html);
        writeFileSync(path.join(SAVE_DIR, `${slug}.rsc`), measured.get(b.label)!.rsc);
      }
    }
    const from = performance.now() - builds[0]!.spawnedAt;
    for (let round = 0; round < ROUNDS; round++) {
      // Each round in another order (rotation): no build always runs first or last.
      for (const b of inRoundOrder(builds, round)) {
        const loadStart = load1();
        const { cpuMsPerRequest: cpu, times } = await sequentialRequests(b.proc, REQUESTS, () => get(b.base, page.path, page.cookie));
        measured.get(b.label)!.rounds.push({ loadStart, loadEnd: load1(), requests: REQUESTS, nodeCpuMsPerRequest: Number(cpu.toFixed(1)), p50Ms: Number(median(times).toFixed(1)) });
      }
    }
    windows.push({ name: page.name, from, to: performance.now() - builds[0]!.spawnedAt, requests: REQUESTS * ROUNDS });
    print(`\n${page.name} (${page.path})`);
    for (const b of builds) {
      const { html, rsc, rounds } = measured.get(b.label)!;
      const flight = inlineFlight(html);
      // What the HTML carries: its inline payload (the same rows as the navigation's).
      const rows = flightRows(flight);
      const clientComponents = [...new Set(rows.filter((r) => r.tag === "I").map((r) => {
        try {
          const ref = JSON.parse(r.body) as unknown[];
          return `${String(ref[2] ?? "?")} (${String(ref[0])})`;
        } catch {
          return r.body.slice(0, 60);
        }
      }))].sort();
      const largestRows = rows.map((r) => ({ bytes: Buffer.byteLength(r.body), start: `${r.id}:${r.tag}${r.body.slice(0, 140)}` })).sort((a, c) => c.bytes - a.bytes).slice(0, 5);
      const r = {
        build: b.label || "courant", name: page.name, path: page.path, rounds,
        nodeCpuMsPerRequest: Number(median(rounds.map((x) => x.nodeCpuMsPerRequest)).toFixed(2)), p50Ms: Number(median(rounds.map((x) => x.p50Ms)).toFixed(2)),
        htmlBytes: Buffer.byteLength(html), inlineFlightBytes: Buffer.byteLength(flight), rscBytes: Buffer.byteLength(rsc), clientComponents, largestRows,
      };
      results.push(r);
      const tag = b.label ? `  [${b.label}]` : "";
      print(`${tag}  CPU Node ms/req : ${r.nodeCpuMsPerRequest} (passages ${rounds.map((x) => `${x.nodeCpuMsPerRequest} [charge ${x.loadStart} → ${x.loadEnd}]`).join(", ")})`);
      print(`${tag}  p50 ms : ${r.p50Ms} ; HTML ${r.htmlBytes} o dont RSC en ligne ${r.inlineFlightBytes} o ; RSC (navigation) ${r.rscBytes} o`);
      print(`${tag}  composants client (${clientComponents.length}) : ${clientComponents.join(", ")}`);
      for (const l of largestRows) print(`      ${l.bytes} o  ${l.start.replace(/\s+/g, " ")}`);
    }
  }

  if (PROF_DIR) {
    const profiled = builds[0]!.proc;
    profiled.kill("SIGINT");
    await new Promise((res) => profiled.once("exit", res));
    print(`\nProfils CPU : ${PROF_DIR}`);
    for (const f of readdirSync(PROF_DIR).filter((n) => n.endsWith(".cpuprofile"))) print(profileSummary(path.join(PROF_DIR, f), windows));
  }
  const file = writeResults("pages-", { requests: REQUESTS, rounds: ROUNDS, results });
  print(`\nRésultats : ${file}`);
  return 0;
});

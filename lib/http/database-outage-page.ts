// Pages while PostgreSQL is unreachable (issue 16, reliability under faults). A server-rendered page
// cannot choose its status once rendering has started (Next.js streams; an error boundary is
// rendered with 500), so the decision is taken before rendering, in the application server (server/app-server.ts): when the database
// does not answer, a page request gets a French « Service momentanément indisponible » page with
// 503 and Retry-After instead of a 500. The API answers its own 503 (lib/api/handler.ts).
//
// Cost when all is well: none on the request. The server reads the last known state; a probe
// (connect + SELECT 1, bounded) runs in the background at most once per UP_TTL_MS. When the state is
// « down », or a request has just failed on the database (noteDatabaseUnavailable, from
// instrumentation's onRequestError), the request waits for a fresh probe (one at a time, shared).
// No "server-only": the application server (outside the Next.js bundles) imports it, and the tests.
import pg from "pg";
import { DATABASE_RETRY_AFTER_SECONDS } from "@/lib/db-unavailable";

/** A healthy answer is trusted this long before the next background probe. */
const UP_TTL_MS = 1000;
/** A « down » answer is trusted this long: then the next page request probes again. */
const DOWN_TTL_MS = 500;
/** A probe that takes longer than this counts as « down ». */
const PROBE_TIMEOUT_MS = 1500;

export type DatabaseProbe = () => Promise<boolean>;

/** Connects, runs SELECT 1, disconnects; false on any error or after PROBE_TIMEOUT_MS. */
export function pgProbe(connectionString: string): DatabaseProbe {
  return async () => {
    const client = new pg.Client({ connectionString, connectionTimeoutMillis: PROBE_TIMEOUT_MS, query_timeout: PROBE_TIMEOUT_MS, application_name: "probe" });
    // A connection error after connect() resolved must not become an unhandled 'error' event.
    client.on("error", () => undefined);
    try {
      await client.connect();
      await client.query("SELECT 1");
      return true;
    } catch {
      return false;
    } finally {
      void client.end().catch(() => undefined);
    }
  };
}

interface State { up: boolean; checkedAt: number; suspect: boolean; probing: Promise<boolean> | null }
// On globalThis: the application server, the route handlers and instrumentation are separate module
// graphs (Next.js bundles and the server's own) of one process.
type Shared = { states: Map<DatabaseProbe, State>; lastSuspectAt: number };
const shared = ((globalThis as { __dbOutage?: Shared }).__dbOutage ??= { states: new Map(), lastSuspectAt: 0 });
const states = shared.states;

/** Called when a request failed because the database is unreachable: the next page request re-checks. */
export function noteDatabaseUnavailable(): void {
  shared.lastSuspectAt = Date.now();
  for (const s of states.values()) s.suspect = true;
}

function probeOnce(probe: DatabaseProbe, s: State): Promise<boolean> {
  s.probing ??= probe()
    .catch(() => false)
    .then((up) => {
      s.up = up;
      s.checkedAt = Date.now();
      s.suspect = false;
      s.probing = null;
      return up;
    });
  return s.probing;
}

/** Is the database answering, as far as a page request needs to know (see the header comment)? */
export async function databaseAnswers(probe: DatabaseProbe, now = Date.now()): Promise<boolean> {
  let s = states.get(probe);
  if (!s) {
    s = { up: true, checkedAt: 0, suspect: shared.lastSuspectAt > 0 && now - shared.lastSuspectAt < UP_TTL_MS, probing: null };
    states.set(probe, s);
  }
  // Never checked (first request of this server): wait for the answer.
  if (s.checkedAt === 0) return probeOnce(probe, s);
  if (!s.up || s.suspect) {
    if (!s.up && now - s.checkedAt < DOWN_TTL_MS) return false;
    return probeOnce(probe, s);
  }
  if (now - s.checkedAt >= UP_TTL_MS) void probeOnce(probe, s);
  return true;
}

const escape = (v: string) => v.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** The page itself: self-contained (no database, no React), French, reloads itself after Retry-After. */
export function outagePageHtml(nonce: string): string {
  const n = escape(nonce);
  return `<!DOCTYPE html>
<html lang="fr">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="refresh" content="${DATABASE_RETRY_AFTER_SECONDS}">
<title>Service momentanément indisponible — SI Proch'Emploi</title>
<style nonce="${n}">body{font-family:system-ui,sans-serif;color:#1f2937;margin:0}main{max-width:36rem;margin:15vh auto;padding:1.5rem}h1{font-size:1.5rem}p.code{font-size:.875rem;font-weight:600;color:#4b5563}</style>
</head>
<body>
<main id="contenu">
<p class="code">Erreur 503</p>
<h1>Service momentanément indisponible</h1>
<p>La base de données ne répond pas pour l'instant (redémarrage ou maintenance). Aucune donnée n'a été perdue.</p>
<p>Cette page se rechargera d'elle-même dans quelques secondes ; vous pouvez aussi <a href="">réessayer</a>.</p>
</main>
</body>
</html>
`;
}

/** The application server's answer for a page request while the database does not answer; null otherwise (go on). */
export async function databaseOutagePage(pathname: string, nonce: string, probe: DatabaseProbe | null): Promise<Response | null> {
  // The API answers its own 503 in JSON; Next.js's assets need no database.
  if (!probe || pathname.startsWith("/api/") || pathname.startsWith("/_next/")) return null;
  if (await databaseAnswers(probe)) return null;
  return new Response(outagePageHtml(nonce), {
    status: 503,
    headers: { "content-type": "text/html; charset=utf-8", "retry-after": String(DATABASE_RETRY_AFTER_SECONDS), "cache-control": "no-store" },
  });
}

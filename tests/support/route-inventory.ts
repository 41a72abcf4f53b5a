// The route inventory of the security suites (issue 9), read from the file system so that a new
// page, API route or server action cannot be missed: every one must declare the policy action it
// requires (lib/authz/policy.ts) or be listed below as deliberately public.
// Plain Node (fs + regular expressions): used by the unit tests and by the Playwright matrix spec.
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { ACTIONS, type Action } from "../../lib/authz/policy";

const ROOT = path.resolve(import.meta.dirname, "../..");
const APP = path.join(ROOT, "app");

export type Method = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
const METHODS: readonly Method[] = ["GET", "POST", "PUT", "PATCH", "DELETE"];

/**
 * Routes reachable without a session, on purpose. Keep this list short and commented:
 * anything not here must declare a policy action.
 */
export const PUBLIC_PAGES: Record<string, string> = {
  "/connexion": "login form",
  "/mot-de-passe/definir": "set a password from a one-time invitation / reset link (the token is the credential)",
  "/mot-de-passe/oublie": "forgotten password form (answers the same whether the account exists or not)",
  "/docs/api": "static API documentation (no data)",
  "/invitation": "answer to a circuit-court invitation: the single-use personal link is the credential; shows only the event's public details and the first name",
  // Signed-in users only, but before the charter is accepted: checks the session itself (getCurrentUser → /connexion).
  "/charte": "confidentiality charter, asked of every signed-in user before anything else",
  // Issue 23: the public intake (no account). They show no stored data; the acknowledgement is the
  // same page for every request.
  "/vous-recrutez": "public intake form for companies (rate-limited, honeypot, information notice)",
  "/vous-cherchez-un-emploi": "public intake form for job seekers (rate-limited, honeypot, information notice)",
  "/demande-envoyee": "acknowledgement of a public intake request (reveals nothing stored)",
};
export const PUBLIC_API: Record<string, string> = {
  "/api/auth/[...nextauth]": "next-auth endpoints (csrf, credentials callback, session, signout), login throttled in lib/auth/throttle.ts",
  "/api/calendar": "a staff member's private ICS feed: the secret in the URL (hashed, revocable from « Mon profil ») is the credential; no job-seeker data",
  "/api/email/callback": "e-mail relay's events (late bounces), authenticated by the secret in the URL (EMAIL_WEBHOOK_SECRET)",
  "/api/health": "liveness / readiness probe (no data)",
  "/api/sms/callback": "SMS provider's delivery reports, authenticated by the secret in the URL (SMS_CALLBACK_SECRET)",
  "/api/v1/openapi.json": "OpenAPI document (no data)",
  "/api/v1/public/communes": "commune picker of the public intake forms (INSEE reference data only)",
  "/api/v1/public/entreprises": "company picker of the public form (SIRENE register's name, commune, SIRET only; rate-limited per client address)",
};
/** "use server" files whose actions are reachable without a session (publicAction, lib/actions/public-action.ts). */
export const PUBLIC_ACTION_FILES: Record<string, string> = {
  "app/(auth)/mot-de-passe/actions.ts": "set a password through a one-time link; forgotten password request",
  "app/(public)/actions.ts": "public intake requests (issue 23): honeypot, size limit, per-address and per-IP rate limits",
  "app/invitation/actions.ts": "confirm / decline a circuit-court invitation or stop messages through the personal link (rate limited per address)",
};

export interface PageRoute {
  kind: "page";
  file: string;
  /** URL pattern, route groups removed: /entreprises/[id] */
  path: string;
  action: Action | "public" | null;
  /** Why the action is missing or unknown (the test fails with it). */
  problem?: string;
}
export interface ApiRoute {
  kind: "api";
  file: string;
  path: string;
  method: Method;
  action: Action | "public" | null;
  problem?: string;
}
export interface ActionRoute {
  kind: "action";
  file: string;
  /** Exported function name (what a client can call). */
  name: string;
  action: Action | "public" | null;
  problem?: string;
}

function walk(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) walk(full, out);
    else out.push(full);
  }
  return out;
}

const rel = (f: string, root = ROOT) => path.relative(root, f).split(path.sep).join("/");

/** app/(app)/entreprises/[id]/page.tsx → /entreprises/[id] */
export function urlPattern(file: string, root = ROOT): string {
  const parts = rel(path.dirname(file), root).split("/").slice(1).filter((p) => !(p.startsWith("(") && p.endsWith(")")));
  return "/" + parts.join("/");
}

const isAction = (a: string): a is Action => (ACTIONS as readonly string[]).includes(a);

function checked(found: string | undefined, where: string): { action: Action | null; problem?: string } {
  if (found === undefined) return { action: null, problem: `${where}: aucune action de la politique trouvée` };
  if (!isAction(found)) return { action: null, problem: `${where}: action « ${found} » absente de lib/authz/policy.ts` };
  return { action: found };
}

export function listPages(): PageRoute[] {
  return walk(APP)
    .filter((f) => /\/page\.tsx?$/.test(f))
    .map((file) => {
      const p = urlPattern(file);
      const src = readFileSync(file, "utf8");
      const calls = [...src.matchAll(/requirePageUser\(\s*(?:"([^"]*)")?\s*\)/g)].map((m) => m[1] ?? "home.view");
      if (PUBLIC_PAGES[p] !== undefined) {
        return { kind: "page" as const, file: rel(file), path: p, action: calls[0] && isAction(calls[0]) ? calls[0] : ("public" as const) };
      }
      if (calls.length !== 1) {
        return { kind: "page" as const, file: rel(file), path: p, action: null, problem: `${rel(file)}: ${calls.length} appels requirePageUser("<action>") (1 attendu)` };
      }
      return { kind: "page" as const, file: rel(file), path: p, ...checked(calls[0], rel(file)) };
    })
    .sort((a, b) => a.path.localeCompare(b.path));
}

/** `root`: the checkout to read (a temporary copy in the inventory's own self-test). */
export function listApiRoutes(root = ROOT): ApiRoute[] {
  const out: ApiRoute[] = [];
  for (const file of walk(path.join(root, "app", "api")).filter((f) => /\/route\.ts$/.test(f))) {
    const p = urlPattern(file, root);
    const src = readFileSync(file, "utf8");
    if (PUBLIC_API[p] !== undefined) {
      const methods = [...src.matchAll(/export\s+(?:const|async function|function)\s+(GET|POST|PUT|PATCH|DELETE)\b/g)].map((m) => m[1] as Method);
      // next-auth exports `handler as GET, handler as POST`
      for (const m of src.matchAll(/\bas\s+(GET|POST|PUT|PATCH|DELETE)\b/g)) methods.push(m[1] as Method);
      for (const method of new Set(methods)) out.push({ kind: "api", file: rel(file, root), path: p, method, action: "public" });
      continue;
    }
    // Each exported method is `export const METHOD = apiRoute({ permission: "<action>", ... }, …)`.
    const exports = [...src.matchAll(/export\s+(const|async function|function)\s+(GET|POST|PUT|PATCH|DELETE)\b/g)];
    if (exports.length === 0) out.push({ kind: "api", file: rel(file, root), path: p, method: "GET", action: null, problem: `${rel(file, root)}: aucune méthode exportée reconnue` });
    exports.forEach((m, i) => {
      const method = m[2] as Method;
      const chunk = src.slice(m.index, exports[i + 1]?.index ?? src.length);
      const wrapped = /^export\s+const\s+\w+\s*=\s*apiRoute\s*\(\s*\{/.test(chunk);
      const perm = /permission:\s*"([^"]+)"/.exec(chunk)?.[1];
      if (!wrapped) {
        out.push({ kind: "api", file: rel(file, root), path: p, method, action: null, problem: `${rel(file, root)} ${method}: n'est pas « export const ${method} = apiRoute({ permission: … }) »` });
        return;
      }
      out.push({ kind: "api", file: rel(file, root), path: p, method, ...checked(perm, `${rel(file, root)} ${method}`) });
    });
  }
  return out.sort((a, b) => a.path.localeCompare(b.path) || METHODS.indexOf(a.method) - METHODS.indexOf(b.method));
}

/**
 * Every exported function of a "use server" file is callable by any browser: each must call a
 * constant built with serverAction({ permission: "<action>", … }) (or publicAction in a listed file).
 */
export function listServerActions(): ActionRoute[] {
  const out: ActionRoute[] = [];
  const files = [...walk(APP), ...walk(path.join(ROOT, "lib")), ...walk(path.join(ROOT, "components"))].filter((f) => /\.(ts|tsx)$/.test(f) && !f.includes("/generated/"));
  for (const file of files) {
    const src = readFileSync(file, "utf8");
    const topLevel = /^\s*(?:\/\/[^\n]*\n\s*)*["']use server["']/.test(src);
    const inline = /\{\s*["']use server["']/.test(src);
    if (inline) out.push({ kind: "action", file: rel(file), name: "(inline)", action: null, problem: `${rel(file)}: "use server" en ligne — utiliser un fichier actions.ts avec serverAction()` });
    if (!topLevel) continue;
    const isPublicFile = PUBLIC_ACTION_FILES[rel(file)] !== undefined;
    // const name = serverAction({ permission: "x", … }  (possibly over several lines)
    const wrappers = new Map<string, string>();
    for (const m of src.matchAll(/const\s+(\w+)\s*=\s*serverAction\s*\(\s*\{\s*permission:\s*"([^"]+)"/g)) wrappers.set(m[1] ?? "", m[2] ?? "");
    const publics = new Set([...src.matchAll(/const\s+(\w+)\s*=\s*publicAction\s*\(/g)].map((m) => m[1]));
    const declared = [...src.matchAll(/=\s*serverAction\s*\(/g)].length;
    if (declared !== wrappers.size) out.push({ kind: "action", file: rel(file), name: "(serverAction)", action: null, problem: `${rel(file)}: un serverAction() sans « permission: "<action>" » littérale en tête` });
    const exports = [...src.matchAll(/export\s+(?:async\s+)?(?:function\s+(\w+)|const\s+(\w+))/g)];
    exports.forEach((m, i) => {
      const name = m[1] ?? m[2] ?? "?";
      const body = src.slice(m.index, exports[i + 1]?.index ?? src.length);
      const calls = [...body.matchAll(/\b(\w+)\s*\(/g)].map((c) => c[1] ?? "");
      const perm = calls.map((c) => wrappers.get(c)).find((x) => x !== undefined);
      if (perm !== undefined) out.push({ kind: "action", file: rel(file), name, ...checked(perm, `${rel(file)} ${name}`) });
      else if (isPublicFile && calls.some((c) => publics.has(c))) out.push({ kind: "action", file: rel(file), name, action: "public" });
      else out.push({ kind: "action", file: rel(file), name, action: null, problem: `${rel(file)} ${name}: n'appelle aucun serverAction({ permission }) du fichier` });
    });
  }
  return out.sort((a, b) => a.file.localeCompare(b.file) || a.name.localeCompare(b.name));
}

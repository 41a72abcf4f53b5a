// Prisma Migrate without Prisma's native schema engine (never downloadable here, shared/STACK.md):
// the same engine compiled to WASM (@prisma/schema-engine-wasm) driven through @prisma/adapter-pg.
// It reads and writes the standard `_prisma_migrations` table, so a database migrated here stays
// compatible with the native `prisma migrate deploy`. scripts/migrate.ts is the CLI over this module.
import { randomBytes } from "node:crypto";
import { mkdir, readdir, readFile, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { PrismaPg } from "@prisma/adapter-pg";
import {
  bindMigrationAwareSqlAdapterFactory,
  ColumnTypeEnum,
  DriverAdapterError,
  type ErrorRegistry,
  type SqlDriverAdapter,
  type SqlMigrationAwareDriverAdapterFactory,
  type SqlQuery,
  type SqlResultSet,
} from "@prisma/driver-adapter-utils";
import type * as Engine from "@prisma/schema-engine-wasm";
import pg from "pg";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
export const SCHEMA_PATH = path.join(ROOT, "prisma", "schema.prisma");
export const MIGRATIONS_DIR = path.join(ROOT, "prisma", "migrations");
const LOCKFILE = "migration_lock.toml";
const NO_FILTER: Engine.SchemaFilter = { externalTables: [], externalEnums: [] };

// ─────────────────────────── adapter (three adapter-pg 7.10 quirks) ───────────────────────────

/** Database URL → discrete pg fields: with `connectionString`, pg lets it override `database`, so the
 *  "shadow" pool would silently hit the main database (quirk 2). */
function connectionFields(databaseUrl: string): pg.PoolConfig & { database: string } {
  const url = new URL(databaseUrl);
  if (url.protocol !== "postgresql:" && url.protocol !== "postgres:") {
    throw new Error(`DATABASE_URL must be a postgresql:// URL (got ${url.protocol})`);
  }
  const database = decodeURIComponent(url.pathname.slice(1));
  if (!database) throw new Error("DATABASE_URL must name a database");
  const sslmode = url.searchParams.get("sslmode");
  return {
    host: url.searchParams.get("host") ?? (url.hostname.replace(/^\[|\]$/g, "") || "localhost"),
    port: Number(url.port || 5432),
    user: decodeURIComponent(url.username) || undefined,
    password: decodeURIComponent(url.password) || undefined,
    database,
    ssl: sslmode && sslmode !== "disable" ? { rejectUnauthorized: sslmode.startsWith("verify") } : undefined,
    // Idle pools would otherwise keep the process alive ≈10 s after the work is done (quirk 3).
    allowExitOnIdle: true,
  };
}

const quoteIdent = (name: string) => `"${name.replaceAll('"', '""')}"`;

async function adminQuery(fields: pg.PoolConfig, sql: string): Promise<void> {
  const client = new pg.Client(fields);
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

// PostgreSQL's internal `"char"` type (OID 18) appears in the engine's catalog queries and adapter-pg
// rejects it ("Column type 'char' could not be deserialized"); the engine wants it as Character
// (STACK.md saw Text panic). So: relabel those fields as text for adapter-pg, remember their
// positions (keyed by the rows array, which queryRaw passes through), report them as Character.
const PG_CHAR_OID = 18;
const PG_TEXT_OID = 25;
const charColumns = new WeakMap<unknown[], number[]>();

function relabelCharFields<R extends pg.QueryResult | pg.QueryResult[]>(results: R): R {
  // A multi-statement script (executeScript below) yields one result per statement.
  for (const result of (Array.isArray(results) ? results : [results]) as pg.QueryResult[]) {
    const indexes = result.fields.flatMap((f, i) => (f.dataTypeID === PG_CHAR_OID ? [i] : []));
    for (const i of indexes) result.fields[i]!.dataTypeID = PG_TEXT_OID;
    if (indexes.length > 0) charColumns.set(result.rows, indexes);
  }
  return results;
}

/** Every pooled client (plain queries and transactions alike) relabels "char" fields. */
function patchClientQuery(client: pg.PoolClient): void {
  const query = client.query.bind(client) as (...args: unknown[]) => Promise<pg.QueryResult>;
  client.query = ((...args: unknown[]) => {
    const callback = typeof args.at(-1) === "function" ? (args.pop() as (e: unknown, r?: unknown) => void) : null;
    const result = query(...args).then(relabelCharFields);
    if (!callback) return result;
    result.then((r) => callback(null, r), callback);
  }) as typeof client.query;
}

function withCharColumns(queryRaw: (q: SqlQuery) => Promise<SqlResultSet>) {
  return async (q: SqlQuery): Promise<SqlResultSet> => {
    const result = await queryRaw(q);
    for (const i of charColumns.get(result.rows) ?? []) result.columnTypes[i] = ColumnTypeEnum.Character;
    return result;
  };
}

/** Migration-aware factory over adapter-pg that owns its shadow databases (created next to the main
 *  one, dropped WITH (FORCE) once its pool is closed) and can dispose every pool it opened. */
class MigrationAdapterFactory implements SqlMigrationAwareDriverAdapterFactory {
  readonly provider = "postgres" as const;
  readonly adapterName = "@prisma/adapter-pg";
  private readonly open = new Set<SqlDriverAdapter>();

  constructor(private readonly fields: pg.PoolConfig & { database: string }) {}

  connect(): Promise<SqlDriverAdapter> {
    return this.adapterFor(this.fields);
  }

  async connectToShadowDb(): Promise<SqlDriverAdapter> {
    // Named after the main database so it is obvious whose it is if a crash ever leaves one behind.
    const database = `${this.fields.database.slice(0, 40)}_shadow_${randomBytes(4).toString("hex")}`;
    await adminQuery(this.fields, `CREATE DATABASE ${quoteIdent(database)}`);
    return this.adapterFor({ ...this.fields, database }, () =>
      adminQuery(this.fields, `DROP DATABASE IF EXISTS ${quoteIdent(database)} WITH (FORCE)`),
    );
  }

  async disposeAll(): Promise<void> {
    for (const adapter of [...this.open]) await adapter.dispose();
  }

  private async adapterFor(fields: pg.PoolConfig, afterDispose?: () => Promise<void>): Promise<SqlDriverAdapter> {
    const pool = new pg.Pool(fields);
    pool.on("connect", patchClientQuery);
    const adapter = await new PrismaPg(pool, { disposeExternalPool: true }).connect();
    const dispose = adapter.dispose.bind(adapter);
    const startTransaction = adapter.startTransaction.bind(adapter);
    let disposed = false;
    // Patched before bindMigrationAwareSqlAdapterFactory binds the methods.
    Object.assign(adapter, {
      queryRaw: withCharColumns(adapter.queryRaw.bind(adapter)),
      startTransaction: async (...args: Parameters<typeof startTransaction>) => {
        const tx = await startTransaction(...args);
        return Object.assign(tx, { queryRaw: withCharColumns(tx.queryRaw.bind(tx)) });
      },
      // adapter-pg splits scripts on every ";" (breaks strings, DO blocks). Like the native engine,
      // send the script whole: PostgreSQL then runs it as one implicit transaction.
      executeScript: async (script: string) => {
        try {
          await pool.query(script);
        } catch (e) {
          throw toAdapterError(e);
        }
      },
      dispose: async () => {
        if (disposed) return;
        disposed = true;
        this.open.delete(adapter);
        await dispose();
        await afterDispose?.();
      },
    });
    this.open.add(adapter);
    return adapter;
  }
}

function toAdapterError(e: unknown): unknown {
  if (!(e instanceof pg.DatabaseError)) return e;
  const { code = "N/A", severity = "N/A", message, detail, column, hint } = e;
  return new DriverAdapterError({ kind: "postgres", code, severity, message, detail, column, hint });
}

// ─────────────────────────── engine ───────────────────────────

type Bindings = typeof import("@prisma/schema-engine-wasm/schema_engine_bg");
let bindings: Promise<Bindings> | undefined;
let openEngines = 0;

// The engine races database work against timers (e.g. the 10 s advisory-lock timeout) and has no
// way to cancel them: each one would keep the process alive long after the work is done. Track
// them, and clear the leftovers once no engine is open.
const engineTimers = new Set<NodeJS.Timeout>();
function engineSetTimeout(callback: () => void, ms: number): NodeJS.Timeout {
  const timer = setTimeout(() => {
    engineTimers.delete(timer);
    callback();
  }, ms >>> 0);
  engineTimers.add(timer);
  return timer;
}

/** The package's entry imports the .wasm as an ES module, which Node cannot do without a flag:
 *  instantiate it ourselves with the generated JS glue as its import object. */
function loadBindings(): Promise<Bindings> {
  bindings ??= (async () => {
    const glue = await import("@prisma/schema-engine-wasm/schema_engine_bg");
    const imports: WebAssembly.ModuleImports = { ...(glue as unknown as WebAssembly.ModuleImports) };
    for (const name of Object.keys(glue)) if (name.startsWith("__wbg_setTimeout_")) imports[name] = engineSetTimeout;
    const entry = createRequire(import.meta.url).resolve("@prisma/schema-engine-wasm");
    const bytes = await readFile(path.join(path.dirname(entry), "schema_engine_bg.wasm"));
    const { instance } = await WebAssembly.instantiate(bytes, { "./schema_engine_bg.js": imports });
    glue.__wbg_set_wasm(instance.exports);
    (instance.exports.__wbindgen_start as () => void)();
    return glue;
  })();
  return bindings;
}

// On a Rust panic the glue hands the message to `globalThis.PRISMA_WASM_PANIC_REGISTRY`, then throws
// an opaque RuntimeError. Prisma Client installs its own registry (which throws) when loaded, and
// the start script loads both: ours is installed only for the duration of each engine call.
const panics = { message: "", set_message(m: string) { this.message = m; } };
type PanicGlobal = { PRISMA_WASM_PANIC_REGISTRY?: unknown };

/** Runs an engine call and makes its errors readable: engine errors carry a Rust span trace after
 *  the message, panics say only "unreachable", and the adapter's own errors come back as
 *  "External error id#N", to be looked up in its registry. */
async function callEngine<T>(call: () => Promise<T>, adapterErrors: ErrorRegistry): Promise<T> {
  const g = globalThis as PanicGlobal;
  const previous = g.PRISMA_WASM_PANIC_REGISTRY;
  g.PRISMA_WASM_PANIC_REGISTRY = panics;
  panics.message = "";
  try {
    return await call();
  } catch (e) {
    const external = e instanceof Error ? /External error id#(\d+)/.exec(e.message) : null;
    const original = external ? adapterErrors.consumeError(Number(external[1]))?.error : undefined;
    if (original !== undefined) throw original instanceof Error ? original : new Error(JSON.stringify(original));
    if (e instanceof WebAssembly.RuntimeError) throw new Error(`Schema engine panic: ${panics.message || e.message}`);
    if (!(e instanceof Error)) throw new Error(String(e));
    const message = e.message.split(/\n\s+0: /)[0]!.trim();
    const code = (e as { code?: unknown }).code;
    throw new Error(typeof code === "string" ? `${code}: ${message}` : message, { cause: e });
  } finally {
    g.PRISMA_WASM_PANIC_REGISTRY = previous;
  }
}

async function listMigrations(): Promise<Engine.MigrationList> {
  const lockfile = await readFile(path.join(MIGRATIONS_DIR, LOCKFILE), "utf8").catch(() => null);
  const entries = await readdir(MIGRATIONS_DIR, { withFileTypes: true }).catch(() => []);
  const names = entries.filter((e) => e.isDirectory()).map((e) => e.name).sort();
  const migrationDirectories = await Promise.all(
    names.map(async (name): Promise<Engine.MigrationDirectory> => {
      const content = await readFile(path.join(MIGRATIONS_DIR, name, "migration.sql"), "utf8").then(
        (value) => ({ tag: "ok" as const, value }),
        (err: Error) => ({ tag: "error" as const, value: err.message }),
      );
      return { path: name, migrationFile: { path: "migration.sql", content } };
    }),
  );
  return { baseDir: MIGRATIONS_DIR, lockfile: { path: LOCKFILE, content: lockfile }, shadowDbInitScript: "", migrationDirectories };
}

export interface MigrationStatus {
  local: string[];
  applied: string[];
  pending: string[];
  failed: string[];
  /** Applied, but migration.sql changed since (checksum mismatch). */
  edited: string[];
  /** Recorded in the database, absent from prisma/migrations. */
  unknown: string[];
}

export class Migrator {
  private closed = false;

  private constructor(
    private readonly engine: Engine.SchemaEngine,
    private readonly factory: MigrationAdapterFactory,
    private readonly schema: Engine.SchemasContainer,
    private readonly adapterErrors: ErrorRegistry,
  ) {}

  /** Opens the engine on `databaseUrl` (the database must exist). Always `close()` it. */
  static async open(databaseUrl: string): Promise<Migrator> {
    const content = await readFile(SCHEMA_PATH, "utf8");
    const factory = new MigrationAdapterFactory(connectionFields(databaseUrl));
    const { SchemaEngine } = await loadBindings();
    const adapter = bindMigrationAwareSqlAdapterFactory(factory);
    try {
      const engine = await callEngine(
        () => SchemaEngine.new({ datamodels: [[SCHEMA_PATH, content]] }, () => {}, adapter),
        adapter.errorRegistry,
      );
      openEngines++;
      return new Migrator(engine, factory, { files: [{ path: SCHEMA_PATH, content }] }, adapter.errorRegistry);
    } catch (e) {
      await factory.disposeAll();
      throw e;
    }
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    try {
      this.engine.free();
    } catch {
      // After a panic the instance refuses to be freed ("…while it was borrowed"): nothing to do.
    }
    if (--openEngines === 0) {
      for (const timer of engineTimers) clearTimeout(timer);
      engineTimers.clear();
    }
    await this.factory.disposeAll();
  }

  /** `prisma migrate deploy`. */
  async deploy(): Promise<string[]> {
    const migrationsList = await listMigrations();
    const { appliedMigrationNames } = await this.run((e) => e.applyMigrations({ migrationsList, filters: NO_FILTER }));
    return appliedMigrationNames;
  }

  /** `prisma migrate status`, without the shadow database. */
  async status(): Promise<MigrationStatus> {
    const migrationsList = await listMigrations();
    const local = migrationsList.migrationDirectories.map((d) => d.path);
    const d = await this.run((e) =>
      e.diagnoseMigrationHistory({ migrationsList, optInToShadowDatabase: false, filters: NO_FILTER }),
    );
    const h = d.history;
    const pending = !d.hasMigrationsTable ? local : h && h.diagnostic !== "migrationsDirectoryIsBehind" ? h.unappliedMigrationNames : [];
    const unknown = h && h.diagnostic !== "databaseIsBehind" ? h.unpersistedMigrationNames : [];
    const failed = d.failedMigrationNames;
    const applied = local.filter((n) => !pending.includes(n) && !failed.includes(n));
    return { local, applied, pending, failed, edited: d.editedMigrationNames, unknown };
  }

  /** `prisma migrate dev --name <name>`: apply pending migrations, then create and apply a migration
   *  for what schema.prisma adds (`created`: its directory, null when nothing changed). Data-losing
   *  steps need `acceptDataLoss` (there is no interactive prompt). */
  async createMigration(name: string, { acceptDataLoss = false } = {}): Promise<{ created: string | null; applied: string[] }> {
    const migrationsList = await listMigrations();
    const { action } = await this.run((e) => e.devDiagnostic({ migrationsList, filters: NO_FILTER }));
    if (action.tag === "reset") {
      throw new Error(`${action.reason}\nThe database must be reset: drop and recreate it (all data is lost), then run again.`);
    }
    const applied = await this.deploy();
    const loss = await this.run((e) => e.evaluateDataLoss({ migrationsList, schema: this.schema, filters: NO_FILTER }));
    const problems = [...loss.unexecutableSteps, ...(acceptDataLoss ? [] : loss.warnings)].map((f) => `  • ${f.message}`);
    if (problems.length > 0) {
      throw new Error(`The migration would lose data or cannot run:\n${problems.join("\n")}` +
        (loss.unexecutableSteps.length ? "" : "\nRe-run with --accept-data-loss if that is intended."));
    }
    if (loss.migrationSteps === 0) return { created: null, applied };

    const out = await this.run((e) =>
      e.createMigration({ draft: false, migrationName: name, migrationsList, schema: this.schema, filters: NO_FILTER }),
    );
    if (out.migrationScript === null) return { created: null, applied };
    const dir = path.join(MIGRATIONS_DIR, out.generatedMigrationName);
    await mkdir(MIGRATIONS_DIR, { recursive: true });
    await mkdir(dir); // fails if it exists: never overwrite a migration
    await writeFile(path.join(dir, `migration.${out.extension}`), out.migrationScript, "utf8");
    await writeFile(
      path.join(MIGRATIONS_DIR, LOCKFILE),
      `# Please do not edit this file manually\n# It should be added in your version-control system (e.g., Git)\nprovider = "${out.connectorType}"\n`,
      "utf8",
    );
    applied.push(...(await this.deploy()));
    return { created: out.generatedMigrationName, applied };
  }

  /** `prisma migrate resolve --rolled-back`: after fixing a failed migration, lets deploy retry it. */
  async markRolledBack(name: string): Promise<void> {
    await this.run((e) => e.markMigrationRolledBack({ migrationName: name }));
  }

  /** SQL that would take the migrations' end state to schema.prisma; null when they match. */
  async schemaDrift(): Promise<string | null> {
    return this.diff(await this.migrationsTarget(), this.schemaTarget());
  }

  /** SQL that would bring the live database back to the migrations' end state; null when it matches.
   *  Once schemaDrift() is null, comparing with schema.prisma instead is equivalent and much cheaper
   *  (no shadow database to replay the migrations into). */
  async databaseDrift(reference: "migrations" | "schema" = "migrations"): Promise<string | null> {
    const live: Engine.DiffTarget = { tag: "schemaDatasource", ...this.schema, configDir: ROOT };
    return this.diff(live, reference === "schema" ? this.schemaTarget() : await this.migrationsTarget());
  }

  private schemaTarget(): Engine.DiffTarget {
    return { tag: "schemaDatamodel", ...this.schema };
  }

  private async migrationsTarget(): Promise<Engine.DiffTarget> {
    const list = await listMigrations();
    // Without any migration there is no lockfile, and the engine refuses a "migrations" source.
    return list.migrationDirectories.length > 0 ? { tag: "migrations", ...list } : { tag: "empty" };
  }

  private async diff(from: Engine.DiffTarget, to: Engine.DiffTarget): Promise<string | null> {
    const { exitCode, stdout } = await this.run((e) => e.diff({ from, to, script: true, exitCode: true, filters: NO_FILTER }));
    return exitCode === 0 ? null : (stdout ?? "").trim();
  }

  private run<T>(call: (engine: Engine.SchemaEngine) => Promise<T>): Promise<T> {
    return callEngine(() => call(this.engine), this.adapterErrors);
  }
}

/** Apply pending migrations; used by the start script and the test runner. */
export async function applyMigrations(databaseUrl: string): Promise<{ applied: string[] }> {
  const migrator = await Migrator.open(databaseUrl);
  try {
    return { applied: await migrator.deploy() };
  } finally {
    await migrator.close();
  }
}

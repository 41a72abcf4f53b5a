// Offline replacement for `prisma migrate deploy | dev | status` (+ a CI `check`) over the WASM
// schema engine: Prisma's CLI would download a native engine, unreachable here (shared/STACK.md).
//   tsx scripts/migrate.ts deploy                 apply pending migrations
//   tsx scripts/migrate.ts dev --name <name>      create a migration from schema.prisma and apply it
//                          [--accept-data-loss]   (needed when the migration drops data)
//   tsx scripts/migrate.ts status                 applied / pending; exit 1 unless up to date
//   tsx scripts/migrate.ts check                  exit 1 on schema drift or an out-of-date database
import path from "node:path";
import { env } from "@/lib/env";
import { MIGRATIONS_DIR, Migrator, type MigrationStatus } from "@/scripts/lib/migrations";

const print = (line = "") => process.stdout.write(`${line}\n`);
const list = (names: string[]) => names.map((n) => `  - ${n}`).join("\n");

class UsageError extends Error {}

function parseArgs(argv: string[]) {
  const [command, ...rest] = argv;
  let name: string | undefined;
  let acceptDataLoss = false;
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i]!;
    if (arg === "--name" || arg === "-n") name = rest[++i];
    else if (arg.startsWith("--name=")) name = arg.slice("--name=".length);
    else if (arg === "--accept-data-loss") acceptDataLoss = true;
    else throw new UsageError(`Unknown argument: ${arg}`);
  }
  return { command, name, acceptDataLoss };
}

/** A given DATABASE_URL always wins; otherwise the project's embedded PostgreSQL, loaded lazily so
 *  that nothing of it runs (or needs to exist) when a URL is given. */
async function database(): Promise<{ url: string; stop?: () => Promise<void> }> {
  if (env.DATABASE_URL) return { url: env.DATABASE_URL };
  const { resolveDatabaseUrl } = await import("@/scripts/lib/database");
  return resolveDatabaseUrl();
}

function problems(s: MigrationStatus): string[] {
  return [
    s.pending.length ? `pending migrations:\n${list(s.pending)}` : "",
    s.failed.length ? `failed migrations (fix, then \`prisma migrate resolve\`):\n${list(s.failed)}` : "",
    s.edited.length ? `applied migrations edited since:\n${list(s.edited)}` : "",
    s.unknown.length ? `migrations recorded in the database but missing from prisma/migrations:\n${list(s.unknown)}` : "",
  ].filter(Boolean);
}

async function deploy(m: Migrator): Promise<number> {
  const applied = await m.deploy();
  print(applied.length ? `Applied ${applied.length} migration(s):\n${list(applied)}` : "No pending migration.");
  return 0;
}

async function dev(m: Migrator, name: string | undefined, acceptDataLoss: boolean): Promise<number> {
  // The name becomes part of a directory name that lives forever in version control.
  if (!name || !/^[a-z0-9_]+$/.test(name)) throw new UsageError("dev needs --name <snake_case_name>");
  const { created, applied } = await m.createMigration(name, { acceptDataLoss });
  const previously = applied.filter((n) => n !== created);
  if (previously.length) print(`Applied pending migration(s) first:\n${list(previously)}`);
  if (!created) {
    print("No schema change: no migration created. The database is in sync with schema.prisma.");
    return 0;
  }
  print(`Created and applied ${path.relative(process.cwd(), path.join(MIGRATIONS_DIR, created, "migration.sql"))}`);
  return 0;
}

async function status(m: Migrator): Promise<number> {
  const s = await m.status();
  print(`${s.local.length} migration(s) in prisma/migrations.`);
  if (s.applied.length) print(`Applied:\n${list(s.applied)}`);
  const issues = problems(s);
  for (const issue of issues) print(issue.charAt(0).toUpperCase() + issue.slice(1));
  if (!issues.length) print("Database schema is up to date.");
  return issues.length ? 1 : 0;
}

async function check(m: Migrator): Promise<number> {
  const failures: string[] = [];
  const schemaDrift = await m.schemaDrift();
  if (schemaDrift) {
    failures.push(
      "schema.prisma has changes that no migration contains: run `npm run db:migrate:dev -- --name <name>` " +
        `and commit the migration. Missing SQL:\n${schemaDrift}`,
    );
  }
  const s = await m.status();
  failures.push(...problems(s).map((p) => `database: ${p}`));
  // Only meaningful once the history matches: otherwise the difference is just the pending work.
  if (!failures.some((f) => f.startsWith("database:"))) {
    const dbDrift = await m.databaseDrift();
    if (dbDrift) failures.push(`database drifted from the migrations (changed by hand?). SQL to undo it:\n${dbDrift}`);
  }
  if (failures.length) {
    process.stderr.write(`db:check FAILED\n${failures.map((f) => `✗ ${f}`).join("\n\n")}\n`);
    return 1;
  }
  print(`db:check OK — ${s.local.length} migration(s) match schema.prisma and are all applied, no drift.`);
  return 0;
}

async function main(): Promise<number> {
  const args = parseArgs(process.argv.slice(2));
  const commands = { deploy, status, check, dev: (m: Migrator) => dev(m, args.name, args.acceptDataLoss) };
  const run = commands[args.command as keyof typeof commands];
  if (!run) throw new UsageError(`Usage: tsx scripts/migrate.ts <${Object.keys(commands).join("|")}>`);
  const db = await database();
  try {
    const migrator = await Migrator.open(db.url);
    try {
      return await run(migrator);
    } finally {
      await migrator.close();
    }
  } finally {
    await db.stop?.();
  }
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
    process.exitCode = e instanceof UsageError ? 2 : 1;
  },
);

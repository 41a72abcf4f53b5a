// Offline replacement for `prisma migrate deploy | dev | status` (+ a CI `check`) over the WASM
// schema engine: Prisma's CLI would download a native engine, unreachable here (shared/STACK.md).
//   tsx scripts/migrate.ts deploy                 apply pending migrations
//   tsx scripts/migrate.ts dev --name <name>      create a migration from schema.prisma and apply it
//                          [--accept-data-loss]   (needed when the migration drops data)
//   tsx scripts/migrate.ts status                 applied / pending; exit 1 unless up to date
//   tsx scripts/migrate.ts check                  exit 1 on schema drift or an out-of-date database
//   tsx scripts/migrate.ts resolve --rolled-back <migration>   after fixing a failed migration
import path from "node:path";
import { env } from "@/lib/env";
import { MIGRATIONS_DIR, Migrator, type MigrationStatus } from "@/scripts/lib/migrations";
import { print, printError } from "@/scripts/lib/print";

const list = (names: string[]) => names.map((n) => `  - ${n}`).join("\n");

class UsageError extends Error {}

function parseArgs(argv: string[]) {
  const [command, ...rest] = argv;
  let name: string | undefined;
  let rolledBack: string | undefined;
  let acceptDataLoss = false;
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i]!;
    if (arg === "--name" || arg === "-n") name = rest[++i];
    else if (arg.startsWith("--name=")) name = arg.slice("--name=".length);
    else if (arg === "--accept-data-loss") acceptDataLoss = true;
    else if (arg === "--rolled-back") rolledBack = rest[++i];
    else throw new UsageError(`Unknown argument: ${arg}`);
  }
  // The name becomes part of a directory name that lives forever in version control.
  if (command === "dev" && !/^[a-z0-9_]+$/.test(name ?? "")) throw new UsageError("dev needs --name <snake_case_name>");
  if (command === "resolve" && !rolledBack) throw new UsageError("resolve needs --rolled-back <migration directory name>");
  return { command, name: name ?? "", acceptDataLoss, rolledBack: rolledBack ?? "" };
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
    s.failed.length
      ? `failed migrations (nothing of them was kept: fix the SQL, then \`tsx scripts/migrate.ts resolve --rolled-back <name>\` and deploy again):\n${list(s.failed)}`
      : "",
    s.edited.length ? `applied migrations edited since:\n${list(s.edited)}` : "",
    s.unknown.length ? `migrations recorded in the database but missing from prisma/migrations:\n${list(s.unknown)}` : "",
  ].filter(Boolean);
}

async function deploy(m: Migrator): Promise<number> {
  const applied = await m.deploy();
  print(applied.length ? `Applied ${applied.length} migration(s):\n${list(applied)}` : "No pending migration.");
  return 0;
}

async function dev(m: Migrator, name: string, acceptDataLoss: boolean): Promise<number> {
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
  const history = problems(s);
  failures.push(...history.map((p) => `database: ${p}`));
  // Drift only means something once the history matches (otherwise it is just the pending work).
  if (history.length === 0) {
    const dbDrift = await m.databaseDrift(schemaDrift ? "migrations" : "schema");
    if (dbDrift) {
      failures.push(`database: its schema differs from the migrations (changed by hand?). SQL to bring it back:\n${dbDrift}`);
    }
  }
  if (failures.length) {
    printError(`db:check FAILED\n${failures.map((f) => `✗ ${f}`).join("\n\n")}`);
    return 1;
  }
  print(`db:check OK — ${s.local.length} migration(s) match schema.prisma and are all applied, no drift.`);
  return 0;
}

async function resolve(m: Migrator, name: string): Promise<number> {
  await m.markRolledBack(name);
  print(`Marked ${name} as rolled back: \`npm run db:migrate\` will apply it again.`);
  return 0;
}

async function main(): Promise<number> {
  const args = parseArgs(process.argv.slice(2));
  const commands = {
    deploy,
    status,
    check,
    dev: (m: Migrator) => dev(m, args.name, args.acceptDataLoss),
    resolve: (m: Migrator) => resolve(m, args.rolledBack),
  };
  if (!args.command || !Object.hasOwn(commands, args.command)) throw new UsageError(`Usage: tsx scripts/migrate.ts <${Object.keys(commands).join("|")}>`);
  const run = commands[args.command as keyof typeof commands];
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
    printError(e instanceof Error ? e.message : String(e));
    process.exitCode = e instanceof UsageError ? 2 : 1;
  },
);

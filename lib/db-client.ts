// Prisma client factory without "server-only", so scripts (migrations, seed, bench) can use it.
import { PrismaPg } from "@prisma/adapter-pg";
import type { SqlQuery, Transaction } from "@prisma/driver-adapter-utils";
import { PrismaClient } from "@/lib/generated/prisma/client";

export type Db = PrismaClient;

/** Property by which a proxy in front of a client (lib/db.ts `db`) gives that client. */
export const ROOT_CLIENT = Symbol.for("prochemploi.rootClient");

export interface ClientOptions {
  /**
   * Issue 16: a page already rendering when PostgreSQL restarts cannot answer 503 any more, so a
   * statement that only reads is run again (lib/db-unavailable.ts `retryRead`) instead of turning the
   * page into a 500. Given here, the retry wraps the driver adapter's outside-transaction `queryRaw`
   * for statements that only read (`isPlainSelect`) — a plain function call per statement, where a Prisma query
   * extension cost 2.4 ms of Node CPU per list request (docs/performance.md). Writes (INSERT … RETURNING,
   * `$executeRaw`, among them the audit append) and transactions are never retried.
   */
  retryRead?: <T>(fn: () => Promise<T>) => Promise<T>;
}

/**
 * Words that may stand before « ( » in a statement retried while PostgreSQL restarts: SQL keywords
 * (IN (…), EXISTS (…), CAST (…), JOIN (…), OVER (…)), PostgreSQL built-in functions that cannot
 * write — Prisma's own reads use COUNT, SUM, AVG, MIN, MAX and COALESCE; the principal's statement
 * (lib/auth/principal.ts) json_agg, json_build_object, max and now; the searches lower, replace and
 * concat_ws, and the global search (lib/search/search.service.ts) the unaccent extension's unaccent
 * (STABLE, reads its dictionary only; called directly there rather than through f_unaccent, an SQL
 * wrapper PostgreSQL does not inline, which doubled the cost per row of that sequential match) —
 * and our own read-only functions (OWN_READ_ONLY_FUNCTIONS). Any other call — nextval, setval,
 * pg_try_advisory_lock, set_config, dblink, audit_append — may write or take a lock, so its
 * statement is not run twice.
 */
const READ_ONLY_CALLS = new Set<string>([
  // keywords
  "select", "from", "where", "and", "or", "not", "in", "exists", "any", "all", "some", "array", "cast", "on", "as", "using", "join",
  "lateral", "values", "over", "filter", "within", "by", "is", "like", "ilike", "between", "then", "else", "when", "case", "distinct",
  "union", "intersect", "except", "having", "limit", "offset", "row", "nulls",
  // built-in functions without side effects
  "count", "sum", "avg", "min", "max", "coalesce", "nullif", "greatest", "least", "json_agg", "jsonb_agg", "json_build_object",
  "jsonb_build_object", "array_agg", "string_agg", "bool_and", "bool_or", "lower", "upper", "now", "to_char", "extract", "date_trunc",
  "make_interval", "generate_series", "unnest", "row_number", "percentile_cont", "abs", "round", "replace", "concat_ws",
  // the unaccent extension (created by the migrations)
  "unaccent",
]);

/**
 * The functions our migrations create that a retried read may call: declared IMMUTABLE or STABLE there
 * and writing nothing. f_unaccent (migration 20261123193000, IMMUTABLE: the searches' accent folding)
 * only. Never audit_append (VOLATILE: appends to the audit chain), the trigger functions, nor anything
 * VOLATILE; tests/unit/lib/plain-select.test.ts checks this list against the migrations.
 */
export const OWN_READ_ONLY_FUNCTIONS: readonly string[] = ["f_unaccent"];
for (const f of OWN_READ_ONLY_FUNCTIONS) READ_ONLY_CALLS.add(f);

/** Comments, string literals and quoted identifiers, in one pass (a quote inside one is not the start of another). */
const OPAQUE = /--[^\n]*|\/\*[\s\S]*?\*\/|'(?:[^']|'')*'|"(?:[^"]|"")*"/g;

/**
 * A statement that only reads, as Prisma writes a model read: SELECT first (after comments and
 * spaces), FROM a quoted table, no locking clause, no SELECT … INTO (it creates a table), a single
 * statement, and no call to a function not known to be read-only (READ_ONLY_CALLS) — a SELECT can
 * write through the functions it calls (`SELECT nextval(…)`, `SELECT pg_try_advisory_lock(…)`).
 */
export function isPlainSelect(sql: string): boolean {
  // Prisma's statements are templates (values are parameters): the same texts come back, so the answer is kept.
  let known = PLAIN_SELECT_CACHE.get(sql);
  if (known === undefined) {
    if (PLAIN_SELECT_CACHE.size >= 2000) PLAIN_SELECT_CACHE.clear();
    known = readsOnly(sql);
    PLAIN_SELECT_CACHE.set(sql, known);
  }
  return known;
}

const PLAIN_SELECT_CACHE = new Map<string, boolean>();

function readsOnly(sql: string): boolean {
  const text = sql.replace(/^(\s|--[^\n]*\n|\/\*[\s\S]*?\*\/)+/, "");
  if (!/^select\b/i.test(text)) return false;
  // A backslash (E'…' strings) is never in Prisma's reads: not parsed, not retried.
  if (text.includes("\\")) return false;
  const bare = text.replace(OPAQUE, (m) => (m.startsWith('"') ? '"q"' : m.startsWith("'") ? "''" : " "));
  if (/['"]/.test(bare.replace(/"q"|''/g, ""))) return false; // an unterminated quote
  // One statement; no dollar quote ($$…$$, $tag$…) — only parameters ($1).
  if (bare.includes(";") || /\$(?!\d)/.test(bare)) return false;
  if (!/\bfrom\s+"q"/i.test(bare)) return false;
  if (/\bfor\s+(update|share|no\s+key\s+update|key\s+share)\b/i.test(bare) || /\binto\b/i.test(bare)) return false;
  if (/"q"\s*\(/.test(bare)) return false; // "public"."my_function"(…)
  for (const call of bare.matchAll(/([a-z_][a-z0-9_$]*)\s*\(/gi)) if (!READ_ONLY_CALLS.has(call[1]!.toLowerCase())) return false;
  return true;
}

/**
 * An interactive transaction holds one pooled connection, and a connection runs one statement at a
 * time: node-postgres queues a `client.query()` sent while another runs, which it deprecates (pg 9
 * makes it an error). Prisma 7.10 sends such statements itself inside a transaction: a read or write
 * that loads two or more sibling relations (`include`/`select`) fetches them with `Promise.all` on the
 * transaction's connection (prisma/orm#29407), and so does a batch of `findUnique` on several models
 * sent in one tick (tests/integration/db-transactions.int.test.ts). So a transaction's
 * statements wait for each other here, in the order they were sent — the order node-postgres' queue
 * kept; same connection, same transaction. Outside transactions the pool gives each statement its
 * own connection and nothing waits.
 */
export function oneStatementAtATime(tx: Transaction): Transaction {
  let last: Promise<unknown> = Promise.resolve();
  const inTurn = <T>(fn: () => Promise<T>): Promise<T> => {
    const turn = last.then(fn);
    last = turn.catch(() => undefined);
    return turn;
  };
  const queryRaw = tx.queryRaw.bind(tx);
  const executeRaw = tx.executeRaw.bind(tx);
  // Savepoints go through executeRaw too (adapter-pg calls this.executeRaw), so they wait their turn.
  tx.queryRaw = (query: SqlQuery) => inTurn(() => queryRaw(query));
  tx.executeRaw = (query: SqlQuery) => inTurn(() => executeRaw(query));
  return tx;
}

/**
 * The adapter-pg factory every client of ours is built on: its transactions send one statement at a
 * time (oneStatementAtATime), and with `retryRead` its reads outside transactions are retried.
 * Tests that need Prisma options of their own (query logging) build their client on it too.
 */
export function pgAdapter(connectionString: string, max = 10, options: ClientOptions = {}): PrismaPg {
  const adapter = new PrismaPg({ connectionString, max, allowExitOnIdle: true });
  const retry = options.retryRead;
  const connect = adapter.connect.bind(adapter);
  adapter.connect = async () => {
    const connected = await connect();
    const startTransaction = connected.startTransaction.bind(connected);
    connected.startTransaction = async (isolationLevel) => oneStatementAtATime(await startTransaction(isolationLevel));
    if (retry) {
      const queryRaw = connected.queryRaw.bind(connected);
      connected.queryRaw = (query: SqlQuery) => (isPlainSelect(query.sql) ? retry(() => queryRaw(query)) : queryRaw(query));
    }
    return connected;
  };
  return adapter;
}

export function createPrismaClient(connectionString: string, max = 10, options: ClientOptions = {}): PrismaClient {
  return new PrismaClient({ adapter: pgAdapter(connectionString, max, options) });
}

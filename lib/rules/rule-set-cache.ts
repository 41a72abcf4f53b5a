// The versions of each rule set kind held in memory by a server instance (issue 18: reading the rule
// set in force cost every list request a query, a JSON decode and a zod parse). Never stale by
// construction:
//   * every change to "RuleSet" notifies the channel below at its commit (trigger, migration
//     20261205220000), whoever makes it: this instance, another one, a script, psql;
//   * this instance LISTENs on a connection of its own and drops its copy on each notification;
//   * the copy is used only while that LISTEN is confirmed: before it, after the connection errors
//     or ends, and until it listens again, every read goes to the table (and the copy is dropped
//     when listening stops and again when it starts), so a notification that could not arrive
//     never leaves an old version in use;
//   * a read of the versions that started before a drop is not kept (generation counter): its
//     snapshot may predate the change. PostgreSQL delivers a notification only once its
//     transaction is visible to new snapshots, so a read started after the drop sees the change;
//   * a transaction (Prisma's `tx`) never uses the copy: it must see its own writes;
//   * the writer in this instance drops the copy itself as soon as its transaction commits.
// Only a client registered by `startRuleSetListener` uses a copy (the application's `db`); any other
// client (scripts, tests, the bench's captures) reads the table as before.
// No "server-only": the tests start a listener on their own client.
import { EventEmitter } from "node:events";
import pg from "pg";
import type { DbOrTx } from "@/lib/db";
import { ROOT_CLIENT } from "@/lib/db-client";
import { logger } from "@/lib/logger";
import type { RuleSetKindName } from "@/lib/rules/rule-set.schema";

/** Channel notified by the trigger on "RuleSet" (migration 20261205220000_rule_set_change_notify). */
export const RULE_SET_CHANNEL = "rule_set_changed";

/** One version as held in memory; `parsed` is its payload once validated (frozen, shared). */
export interface CachedRuleSetVersion {
  id: string;
  version: number;
  validFrom: Date;
  validTo: Date | null;
  payload: unknown;
  parsed?: unknown;
}

/** Why the copy was dropped (the `invalidated` event's argument). */
export type InvalidationReason = "notification" | "local" | "listening" | "lost" | "stopped";

export class RuleSetCache {
  /** `invalidated` (reason), `listening`, `lost` (error or undefined): for tests and logs. */
  readonly events = new EventEmitter();
  private listening = false;
  /** Bumped on every drop: a read of the versions started before it is not kept. */
  private generation = 0;
  private readonly kinds = new Map<RuleSetKindName, readonly CachedRuleSetVersion[]>();
  private readonly loading = new Map<RuleSetKindName, { generation: number; promise: Promise<readonly CachedRuleSetVersion[]> }>();

  get isListening(): boolean {
    return this.listening;
  }

  setListening(on: boolean, reason: InvalidationReason): void {
    this.listening = on;
    this.drop(reason);
  }

  drop(reason: InvalidationReason): void {
    this.generation++;
    this.kinds.clear();
    this.loading.clear();
    this.events.emit("invalidated", reason);
  }

  /**
   * The versions of `kind`: held, or being read (one read for concurrent requests), or read now with
   * `read`. Null while not listening: the caller reads the table itself.
   */
  versions(kind: RuleSetKindName, read: () => Promise<CachedRuleSetVersion[]>): readonly CachedRuleSetVersion[] | Promise<readonly CachedRuleSetVersion[]> | null {
    if (!this.listening) return null;
    const held = this.kinds.get(kind);
    if (held) return held;
    const under = this.loading.get(kind);
    if (under && under.generation === this.generation) return under.promise;
    const generation = this.generation;
    const promise = read().then(
      (rows) => {
        // A drop during the read: its snapshot may predate the change, give it to the callers
        // that asked before the drop but do not keep it.
        if (this.listening && generation === this.generation) this.kinds.set(kind, rows);
        if (this.loading.get(kind)?.promise === promise) this.loading.delete(kind);
        return rows;
      },
      (err: unknown) => {
        if (this.loading.get(kind)?.promise === promise) this.loading.delete(kind);
        throw err;
      },
    );
    this.loading.set(kind, { generation, promise });
    return promise;
  }
}

/** Copies by client, shared by every Next.js bundle of the process (like lib/db.ts's client). */
const globalForCache = globalThis as unknown as { __ruleSetCaches?: WeakMap<object, RuleSetCache> };
const caches = (globalForCache.__ruleSetCaches ??= new WeakMap());

const rootOf = (db: DbOrTx): object => ((db as unknown as Record<symbol, object | undefined>)[ROOT_CLIENT] ?? db);

/** The copy `db` may use: none for a transaction (it must read its own writes) or an unregistered client. */
export function ruleSetCacheFor(db: DbOrTx): RuleSetCache | undefined {
  // Prisma's transaction client has no $transaction (Prisma removes it from `tx`).
  if (typeof (db as { $transaction?: unknown }).$transaction !== "function") return undefined;
  return caches.get(rootOf(db));
}

/** Drops the copy of `db`'s client at once: called by the writer right after its commit. */
export function invalidateRuleSets(db: DbOrTx): void {
  caches.get(rootOf(db))?.drop("local");
}

/** The socket under a pg client (pg does not expose it in its types). */
const socketOf = (client: pg.Client) => (client as unknown as { connection?: { stream?: { ref?: () => void; unref?: () => void } } }).connection?.stream;

export interface RuleSetListener {
  /** `invalidated` (reason), `listening`, `lost`. */
  readonly events: EventEmitter;
  readonly isListening: boolean;
  stop(): Promise<void>;
}

export interface RuleSetListenerOptions {
  /** First wait before connecting again after a loss (doubled up to `maxRetryMs`). */
  retryMs?: number;
  maxRetryMs?: number;
  /**
   * A `SELECT 1` on the listening connection this often: a connection that stopped answering
   * (half-open TCP) counts as lost when the previous one has not come back by the next.
   */
  pingMs?: number;
}

/**
 * Starts listening for rule set changes for the client `db`, on a connection of its own to
 * `connectionString` (the database `db` reads). Until the LISTEN is confirmed, and whenever the
 * connection is lost, `db` reads the table on every call; the connection is opened again with backoff.
 */
export function startRuleSetListener(db: DbOrTx, connectionString: string, opts: RuleSetListenerOptions = {}): RuleSetListener {
  const root = rootOf(db);
  if (caches.has(root)) throw new Error("Les jeux de règles de ce client sont déjà écoutés.");
  const cache = new RuleSetCache();
  caches.set(root, cache);
  const retryMs = opts.retryMs ?? 500;
  const maxRetryMs = opts.maxRetryMs ?? 30_000;
  const pingMs = opts.pingMs ?? 10_000;
  let wait = retryMs;
  let stopped = false;
  let current: pg.Client | null = null;
  let retryTimer: NodeJS.Timeout | undefined;
  let pingTimer: NodeJS.Timeout | undefined;
  let failing = false;

  const lost = (client: pg.Client, err?: unknown) => {
    if (current !== client) return;
    current = null;
    clearInterval(pingTimer);
    const wasListening = cache.isListening;
    cache.setListening(false, "lost");
    cache.events.emit("lost", err);
    // One line per outage; meanwhile every read goes to the table, nothing is served stale.
    if (!failing) logger.warn({ err, wasListening }, "rule set listener lost its connection; rule sets are read from the database until it listens again");
    failing = true;
    void client.end().catch(() => undefined);
    if (stopped) return;
    retryTimer = setTimeout(connect, wait);
    retryTimer.unref();
    wait = Math.min(wait * 2, maxRetryMs);
  };

  const connect = () => {
    if (stopped) return;
    const client = new pg.Client({ connectionString, keepAlive: true, application_name: "prochemploi-rule-sets" });
    current = client;
    client.on("notification", (msg) => {
      if (current === client && msg.channel === RULE_SET_CHANNEL) cache.drop("notification");
    });
    // Kept for the client's whole life: an "error" without a listener would end the process.
    client.on("error", (err) => lost(client, err));
    client.on("end", () => lost(client));
    void (async () => {
      try {
        await client.connect();
        await client.query(`LISTEN ${RULE_SET_CHANNEL}`);
      } catch (err) {
        lost(client, err);
        return;
      }
      if (current !== client) return;
      // The socket does not keep the process alive (scripts, tests); the HTTP server does.
      socketOf(client)?.unref?.();
      wait = retryMs;
      if (failing) logger.info("rule set listener listening again");
      failing = false;
      cache.setListening(true, "listening");
      cache.events.emit("listening");
      let pending = false;
      pingTimer = setInterval(() => {
        if (pending) return lost(client, new Error("rule set listener: no answer to the previous ping"));
        pending = true;
        client.query("SELECT 1").then(
          () => { pending = false; },
          (err: unknown) => lost(client, err),
        );
      }, pingMs);
      pingTimer.unref();
    })();
  };

  connect();
  return {
    events: cache.events,
    get isListening() {
      return cache.isListening;
    },
    stop: async () => {
      stopped = true;
      clearTimeout(retryTimer);
      clearInterval(pingTimer);
      const client = current;
      current = null;
      cache.setListening(false, "stopped");
      caches.delete(root);
      // Referenced again so that the process waits for the goodbye it is awaiting.
      if (client) socketOf(client)?.ref?.();
      await client?.end().catch(() => undefined);
    },
  };
}

// Barriers for the concurrency tests (issue 21): competing operations must really overlap, not by
// the chance of the event loop and the connection pool. Two kinds:
// - transactionBarrier: every contender has OPENED its transaction (BEGIN done, connection held)
//   before any of them runs its first statement; then all are released together. For services
//   that serialise with row locks (SELECT … FOR UPDATE) or advisory locks: the lock, not luck,
//   must keep the result right.
// - writeBarrier: every contender has done its reads and reached its write (`updateMany` /
//   `create` on a model) before any write runs: « both read, then both write », for optimistic
//   concurrency (version checks, unique constraints).
// Both fail clearly after a timeout (e.g. a change made the service skip the transaction or the
// write) instead of hanging, and report how many contenders arrived.
import type { Db } from "@/lib/db-client";

function gate(parties: number, what: string, timeoutMs: number) {
  let arrived = 0;
  let release!: () => void;
  const open = new Promise<void>((r) => (release = r));
  return {
    arrived: () => arrived,
    async wait(): Promise<void> {
      // One-shot: the first `parties` arrivals meet; any later call (a second transaction of the same
      // operation, a retry) goes straight through.
      if (arrived >= parties) return;
      if (++arrived === parties) release();
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`barrière (${what}) : ${arrived}/${parties} concurrents arrivés en ${timeoutMs / 1000} s`)), timeoutMs);
      });
      try {
        await Promise.race([open, timeout]);
      } finally {
        clearTimeout(timer);
      }
    },
  };
}

/**
 * A client on the same database whose interactive transactions (`$transaction(async (tx) => …)`)
 * wait, once open, until `parties` of them are open. Pass it to the service instead of `db`.
 */
export function transactionBarrier(db: Db, parties: number, timeoutMs = 10_000): { client: Db; arrived: () => number } {
  const g = gate(parties, "transactions ouvertes", timeoutMs);
  const client = new Proxy(db, {
    get(target, prop) {
      if (prop === "$transaction") {
        return (arg: unknown, opts?: unknown) =>
          typeof arg === "function"
            ? (target.$transaction as (f: (tx: unknown) => Promise<unknown>, o?: unknown) => Promise<unknown>)(async (tx) => {
                await g.wait();
                return (arg as (tx: unknown) => Promise<unknown>)(tx);
              }, opts)
            : (target.$transaction as (a: unknown, o?: unknown) => Promise<unknown>)(arg, opts);
      }
      const v = Reflect.get(target, prop) as unknown;
      return typeof v === "function" ? (v as (...a: unknown[]) => unknown).bind(target) : v;
    },
  });
  return { client, arrived: g.arrived };
}

/**
 * A client on the same database whose `operation` on `model` (inside or outside a transaction)
 * waits until `parties` callers have reached it: all have done their reads, then all write.
 */
export function writeBarrier(db: Db, model: string, operation: "updateMany" | "update" | "create" | "upsert", parties: number, timeoutMs = 10_000): { client: Db; arrived: () => number } {
  const g = gate(parties, `${model}.${operation}`, timeoutMs);
  const hold = {
    async [operation]({ args, query }: { args: unknown; query: (a: unknown) => Promise<unknown> }) {
      await g.wait();
      return query(args);
    },
  };
  const client = db.$extends({ query: { [model]: hold } } as unknown as Parameters<Db["$extends"]>[0]);
  return { client: client as unknown as Db, arrived: g.arrived };
}

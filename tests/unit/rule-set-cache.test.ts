// The copy of the rule sets (lib/rules/rule-set-cache.ts) keeps no read that started before a drop:
// its snapshot may predate the change that caused the drop. Reads are given as plain functions.
import { describe, expect, it } from "vitest";
import { RuleSetCache, type CachedRuleSetVersion } from "@/lib/rules/rule-set-cache";

const row = (version: number): CachedRuleSetVersion => ({ id: `v${version}`, version, validFrom: new Date("2026-01-01"), validTo: null, payload: {} });

function deferred<T>() {
  let resolve!: (v: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

describe("copie des jeux de règles", () => {
  it("ne sert rien tant qu'elle n'écoute pas : l'appelant lit la table", () => {
    const cache = new RuleSetCache();
    expect(cache.versions("DEADLINES", () => Promise.resolve([row(1)]))).toBeNull();
  });

  it("une lecture commencée avant une notification est rendue à ses appelants mais pas gardée", async () => {
    const cache = new RuleSetCache();
    cache.setListening(true, "listening");
    const old = deferred<CachedRuleSetVersion[]>();
    const first = cache.versions("DEADLINES", () => old.promise);
    // A concurrent request joins the same read.
    expect(cache.versions("DEADLINES", () => Promise.reject(new Error("second read")))).toBe(first);
    cache.drop("notification");
    old.resolve([row(1)]);
    expect(await first).toEqual([row(1)]);
    let reads = 0;
    const after = await cache.versions("DEADLINES", () => (reads++, Promise.resolve([row(1), row(2)])));
    expect([reads, after]).toEqual([1, [row(1), row(2)]]);
    // Now held: no further read.
    expect(cache.versions("DEADLINES", () => Promise.reject(new Error("not held")))).toEqual([row(1), row(2)]);
  });

  it("une lecture en cours quand l'écoute est perdue n'est pas gardée, même si l'écoute revient avant sa fin", async () => {
    const cache = new RuleSetCache();
    cache.setListening(true, "listening");
    const old = deferred<CachedRuleSetVersion[]>();
    const first = cache.versions("OPERATIONS", () => old.promise);
    cache.setListening(false, "lost");
    expect(cache.versions("OPERATIONS", () => Promise.resolve([]))).toBeNull();
    cache.setListening(true, "listening");
    old.resolve([row(1)]);
    await first;
    let reads = 0;
    await cache.versions("OPERATIONS", () => (reads++, Promise.resolve([row(2)])));
    expect(reads).toBe(1);
  });

  it("une lecture en échec n'est pas gardée : la suivante relit", async () => {
    const cache = new RuleSetCache();
    cache.setListening(true, "listening");
    await expect(cache.versions("RETENTION", () => Promise.reject(new Error("base indisponible")))).rejects.toThrow("base indisponible");
    expect(await cache.versions("RETENTION", () => Promise.resolve([row(3)]))).toEqual([row(3)]);
  });
});

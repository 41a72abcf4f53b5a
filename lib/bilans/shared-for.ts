// Results shared between requests for a few seconds (issue 8, issue 18): the bilans dashboard is read
// far more often than its provisional figures change. Concurrent requests for the same key share one
// computation; a failed computation is forgotten at once; the map is bounded. Per process: each app
// instance computes at most once per key and period.
const MAX_ENTRIES = 200;

export type SharedFor = <T>(key: string, ttlMs: number, compute: () => Promise<T>) => Promise<T>;

export function sharedComputations(now: () => number = Date.now): SharedFor {
  const entries = new Map<string, { until: number; value: Promise<unknown> }>();
  return <T>(key: string, ttlMs: number, compute: () => Promise<T>): Promise<T> => {
    const at = now();
    const hit = entries.get(key);
    if (hit && hit.until > at) return hit.value as Promise<T>;
    if (entries.size >= MAX_ENTRIES) {
      for (const [k, v] of entries) if (v.until <= at) entries.delete(k);
      if (entries.size >= MAX_ENTRIES) entries.delete(entries.keys().next().value!);
    }
    const value = compute();
    entries.set(key, { until: at + ttlMs, value });
    value.catch(() => {
      if (entries.get(key)?.value === value) entries.delete(key);
    });
    return value;
  };
}

import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { ValidationError } from "@/lib/errors";
import { cappedTotal, COUNT_CAP, decodeCursor, decodeKeysetCursor, encodeCursor, keysetOrderArgs } from "@/lib/pagination/keyset";
import { totalLabel } from "@/lib/pagination/total-label";

describe("totaux des listes", () => {
  it("reads exact, estimated and bounded totals in French", () => {
    expect(totalLabel(1, "exact")).toBe("1 résultat");
    expect(totalLabel(1234)).toBe("1\u202f234 résultats");
    expect(totalLabel(149_612, "about")).toBe("environ 150\u202f000 résultats");
    expect(totalLabel(10_000, "atLeast")).toBe("plus de 10\u202f000 résultats");
  });

  it("counts exactly up to the cap, then estimates or bounds", async () => {
    const asked: number[] = [];
    const count = (n: number) => async (take: number) => (asked.push(take), Math.min(n, take));
    expect(await cappedTotal(count(42))).toEqual({ value: 42, kind: "exact" });
    expect(await cappedTotal(count(COUNT_CAP))).toEqual({ value: COUNT_CAP, kind: "exact" });
    expect(await cappedTotal(count(50_000), async () => 149_612)).toEqual({ value: 149_612, kind: "about" });
    expect(await cappedTotal(count(50_000))).toEqual({ value: COUNT_CAP, kind: "atLeast" });
    // A stale estimate below the cap is not believed.
    expect(await cappedTotal(count(50_000), async () => 900)).toEqual({ value: COUNT_CAP, kind: "atLeast" });
    expect(new Set(asked)).toEqual(new Set([COUNT_CAP + 1]));
  });

  it("from a cursor or from the end, an estimate over the cap is the total without counting again; below it, the count", async () => {
    let counted = 0;
    const count = (n: number) => async (take: number) => (counted++, Math.min(n, take));
    const cursor = { cursor: { values: [], id: randomUUID() }, backwards: false };
    expect(await cappedTotal(count(50_000), async () => 149_612, cursor)).toEqual({ value: 149_612, kind: "about" });
    expect(await cappedTotal(count(50_000), async () => 149_612, { cursor: null, backwards: true })).toEqual({ value: 149_612, kind: "about" });
    expect(counted).toBe(0);
    expect(await cappedTotal(count(42), async () => 40, cursor)).toEqual({ value: 42, kind: "exact" });
    expect(await cappedTotal(count(50_000), undefined, cursor)).toEqual({ value: COUNT_CAP, kind: "atLeast" });
    // The first page (no cursor) always counts.
    expect(await cappedTotal(count(50_000), async () => 149_612, { cursor: null, backwards: false })).toEqual({ value: 149_612, kind: "about" });
    expect(counted).toBe(3);
  });
});

describe("curseurs", () => {
  it("round-trips a date or a text with the id", () => {
    const id = randomUUID();
    const at = new Date("2026-01-02T03:04:05.678Z");
    expect(decodeCursor(encodeCursor(at, id), "date")).toEqual({ value: at, id });
    expect(decodeCursor(encodeCursor("Poste « A »", id), "string")).toEqual({ value: "Poste « A »", id });
  });

  it("refuses an id that only looks like a uuid (36 hex digits and dashes out of place): PostgreSQL would refuse it with a 500", () => {
    for (const id of ["-".repeat(36), "0123456789abcdef0123456789abcdef----"]) {
      expect(() => decodeCursor(encodeCursor("t", id), "string")).toThrow(ValidationError);
    }
    const canonical = "01234567-89ab-cdef-0123-456789abcdef";
    expect(decodeCursor(encodeCursor("t", canonical), "string")).toEqual({ value: "t", id: canonical });
  });

  it("refuses anything else", () => {
    for (const bad of ["", "x", Buffer.from("[1,2]").toString("base64url"), encodeCursor("t", "pas-un-uuid"), encodeCursor(new Date(), randomUUID())]) {
      expect(() => decodeCursor(bad, bad.length > 30 ? "string" : "date")).toThrow(ValidationError);
    }
  });

  it("refuses what PostgreSQL cannot compare (a 500 before): dates outside years 1 to 9999, U+0000 in a text, a bigint id beyond int8", () => {
    const id = randomUUID();
    const raw = (v: unknown[]) => Buffer.from(JSON.stringify(v)).toString("base64url");
    for (const d of ["-271821-04-20T00:00:00.000Z", "0000-06-01T00:00:00.000Z", "+010000-01-01T00:00:00.000Z", "+275760-09-13T00:00:00.000Z"]) {
      expect(() => decodeCursor(raw([{ d }, id]), "date"), d).toThrow(ValidationError);
    }
    for (const d of ["0001-01-01T00:00:00.000Z", "9999-12-31T23:59:59.999Z"]) expect(decodeCursor(raw([{ d }, id]), "date").value).toEqual(new Date(d));
    expect(() => decodeCursor(encodeCursor("a\u0000b", id), "string")).toThrow(ValidationError);
    const order = { keys: [{ field: "at", dir: "desc" as const, kind: "date" as const }], id: "bigint" as const };
    const at = new Date("2026-01-02T03:04:05.678Z");
    expect(decodeKeysetCursor(encodeCursor(at, "9223372036854775807"), order)).toEqual({ values: [at], id: "9223372036854775807" });
    for (const big of ["9223372036854775808", "9999999999999999999"]) expect(() => decodeKeysetCursor(encodeCursor(at, big), order)).toThrow(ValidationError);
  });

  it("names the parameter the refused cursor came in: `after` or `before`", () => {
    const order = { keys: [{ field: "name", dir: "asc" as const, kind: "string" as const }] };
    const fieldsOf = (q: { after?: string; before?: string }) => {
      try {
        keysetOrderArgs(order, { pageSize: 50, ...q });
      } catch (e) {
        return e instanceof ValidationError ? Object.keys(e.fields ?? {}) : ["autre erreur"];
      }
      return [];
    };
    expect(fieldsOf({ after: "x" })).toEqual(["after"]);
    expect(fieldsOf({ before: "x" })).toEqual(["before"]);
    expect(fieldsOf({ before: encodeCursor("Dupont", randomUUID()) })).toEqual([]);
  });
});

import { describe, expect, it } from "vitest";
import { rowVerdict, TARGETS, throughputVerdict } from "@/scripts/bench/targets";

// Figures of the bench of 6 December 2026, 10:36 (bench/results/2026-12-06T10-36-51-976Z.json).
describe("bench verdicts (issue 18 targets)", () => {
  it("judges an audited read at 10 connections against 150 req/s, p95 ≤ 100 ms and lock waits < 10 %", () => {
    const search = { audited: true, connections: 10, reqPerSec: 206, p95: 73.4, lockWaitShare: 0, errors: 0 };
    expect(throughputVerdict(search)).toEqual({ ok: true, target: "≥ 150 req/s ; p95 ≤ 100 ; verrou < 10 %" });
    expect(throughputVerdict({ ...search, reqPerSec: 149 })?.ok).toBe(false);
    expect(throughputVerdict({ ...search, p95: 100.1 })?.ok).toBe(false);
    expect(throughputVerdict({ ...search, lockWaitShare: 0.1 })?.ok).toBe(false);
    expect(throughputVerdict({ ...search, errors: 1 })?.ok).toBe(false);
  });

  it("sets no target for an audited read at 50 connections (measured, not judged)", () => {
    expect(throughputVerdict({ audited: true, connections: 50, reqPerSec: 212, p95: 298.9, lockWaitShare: 0, errors: 0 })).toBeNull();
  });

  it("judges a non-audited list at 10 connections against 300 req/s", () => {
    const offers = { audited: false, connections: 10, reqPerSec: 410, p95: 37.7, lockWaitShare: 0, errors: 0 };
    expect(throughputVerdict(offers)).toEqual({ ok: true, target: "≥ 300 req/s" });
    expect(throughputVerdict({ ...offers, reqPerSec: 299 })?.ok).toBe(false);
  });

  it("holds an API row to Node CPU ≤ 1.5 × PostgreSQL's", () => {
    const record = { kind: "api" as const, p95: 3.9, errors: 0, overheadMs: 1.4, nodeCpuMs: 1.1, pgCpuMs: 1.5 };
    expect(rowVerdict(record)).toEqual({ ok: true, target: "p95 ≤ 50 ; CPU Node ≤ 1,5 × PG" });
    expect(rowVerdict({ ...record, nodeCpuMs: 2.3 }).ok).toBe(false);
    expect(rowVerdict({ ...record, pgCpuMs: null }).ok).toBe(false);
    expect(rowVerdict({ ...record, p95: 51 }).ok).toBe(false);
    expect(rowVerdict({ ...record, overheadMs: 26 }).ok).toBe(false);
  });

  it("holds the search page to its own Node CPU ceiling, not to the API ratio", () => {
    const page = { kind: "page" as const, p95: 27.7, errors: 0, overheadMs: 14.3, nodeCpuMs: 14.6, pgCpuMs: 7.3, nodeCpuTargetMs: TARGETS.searchPageNodeCpuMs };
    expect(rowVerdict(page)).toEqual({ ok: true, target: "p95 ≤ 100 ; CPU Node ≤ 15 ms" });
    expect(rowVerdict({ ...page, nodeCpuMs: 15.5 }).ok).toBe(false);
    // Another page has no CPU target: its Node CPU above PostgreSQL's is no failure.
    expect(rowVerdict({ kind: "page", p95: 36.8, errors: 0, overheadMs: 14.6, nodeCpuMs: 25.6, pgCpuMs: 5.2 })).toEqual({ ok: true, target: "p95 ≤ 100" });
  });

  it("leaves exports and the retention run out of the overhead target", () => {
    expect(rowVerdict({ kind: "retention", p95: 343.8, errors: 0, overheadMs: 95.7, nodeCpuMs: 196, pgCpuMs: 166 }).ok).toBe(true);
    expect(rowVerdict({ kind: "export", p95: 2001, errors: 0, nodeCpuMs: 38, pgCpuMs: 25 }).ok).toBe(false);
  });
});

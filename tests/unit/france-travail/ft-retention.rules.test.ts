import { describe, expect, it } from "vitest";
import { ftConventionEnd, ftDataDestroyBy, ftDataDueForDestruction } from "@/lib/france-travail/ft-retention.rules";

const rules = { durationMonths: 12, destroyMonthsAfterEnd: 2 };

describe("FT convention art. 2 and 11: destruction at most two months after the term", () => {
  it("art. 2: the term is 12 months (rule set) after the signature", () => {
    expect(ftConventionEnd(new Date("2026-06-10"), 12)).toEqual({ y: 2027, m: 6, d: 10 });
  });
  it("art. 11: the data may be held until two months after the term (month ends clamped)", () => {
    expect(ftDataDestroyBy(new Date("2025-12-31"), rules)).toEqual({ y: 2027, m: 2, d: 28 });
  });
  it("the nightly run destroys from the last allowed day on, in Paris time", () => {
    const f = { signedAt: new Date("2025-09-15"), ftDataDestroyedAt: null };
    expect(ftDataDueForDestruction(f, rules, new Date("2026-11-14T22:30:00Z"))).toBe(false); // 14 Nov 23:30 Paris
    expect(ftDataDueForDestruction(f, rules, new Date("2026-11-14T23:30:00Z"))).toBe(true); // 15 Nov 00:30 Paris
  });
  it("never for an unsigned file, never twice", () => {
    expect(ftDataDueForDestruction({ signedAt: null, ftDataDestroyedAt: null }, rules, new Date("2030-01-01"))).toBe(false);
    expect(ftDataDueForDestruction({ signedAt: new Date("2020-01-01"), ftDataDestroyedAt: new Date("2021-03-01") }, rules, new Date("2030-01-01"))).toBe(false);
  });
});

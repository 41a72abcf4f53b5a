// A date field's default and `max` are today in Paris: the UTC day is still yesterday between
// midnight in Paris and midnight UTC (an interaction of today could not be dated today at 00:30).
import { tz, TZDate, tzScan } from "@date-fns/tz";
import { addDays } from "date-fns";
import { afterEach, describe, expect, it, vi } from "vitest";
import { parisToday } from "@/lib/format";
import { parisWallClock } from "@/lib/exports/xlsx-cells";
import { addParisDays, parisDay } from "@/lib/paris-day";

describe("parisToday", () => {
  it("is the Paris day, not the UTC day, in winter and in summer", () => {
    expect(parisToday(new Date("2026-12-04T23:30:00Z"))).toBe("2026-12-05");
    expect(parisToday(new Date("2026-12-04T22:59:00Z"))).toBe("2026-12-04");
    expect(parisToday(new Date("2026-07-14T22:30:00Z"))).toBe("2026-07-15");
    expect(parisToday(new Date("2026-07-14T21:59:00Z"))).toBe("2026-07-14");
    expect(parisToday(new Date("2026-12-31T23:00:00Z"))).toBe("2027-01-01");
  });
});

describe("parisDay", () => {
  // The reference: @date-fns/tz's TZDate, which reads Intl for every instant.
  const reference = (at: Date) => {
    const p = new TZDate(at.getTime(), "Europe/Paris");
    return { y: p.getFullYear(), m: p.getMonth() + 1, d: p.getDate() };
  };

  it("is the day TZDate gives, around every change of Paris's offset from 1946 to 2100 and at every hour of 2026", () => {
    const instants: Date[] = [];
    // Each change of offset (@date-fns/tz tzScan), one millisecond, one minute and one hour either side.
    const changes = tzScan("Europe/Paris", { start: new Date(Date.UTC(1946, 0, 1)), end: new Date(Date.UTC(2100, 0, 1)) });
    for (const c of changes) for (const d of [-3_600_000, -60_000, -1, 0, 1, 60_000, 3_600_000]) instants.push(new Date(c.date.getTime() + d));
    expect(changes.length).toBeGreaterThan(200);
    for (let t = Date.UTC(2026, 0, 1); t < Date.UTC(2027, 0, 1); t += 3_600_000) instants.push(new Date(t), new Date(t + 3_599_999));
    for (const at of instants) expect(parisDay(at), at.toISOString()).toEqual(reference(at));
  });

  it("turns at midnight in Paris: 23:00 UTC in winter, 22:00 UTC in summer, on the days the clocks change", () => {
    // Summer time starts on 29 March 2026 at 01:00 UTC and ends on 25 October 2026 at 01:00 UTC.
    expect(parisDay(new Date("2026-03-28T22:59:59.999Z"))).toEqual({ y: 2026, m: 3, d: 28 });
    expect(parisDay(new Date("2026-03-28T23:00:00.000Z"))).toEqual({ y: 2026, m: 3, d: 29 });
    expect(parisDay(new Date("2026-03-29T21:59:59.999Z"))).toEqual({ y: 2026, m: 3, d: 29 });
    expect(parisDay(new Date("2026-03-29T22:00:00.000Z"))).toEqual({ y: 2026, m: 3, d: 30 });
    expect(parisDay(new Date("2026-10-24T21:59:59.999Z"))).toEqual({ y: 2026, m: 10, d: 24 });
    expect(parisDay(new Date("2026-10-24T22:00:00.000Z"))).toEqual({ y: 2026, m: 10, d: 25 });
    expect(parisDay(new Date("2026-10-25T22:59:59.999Z"))).toEqual({ y: 2026, m: 10, d: 25 });
    expect(parisDay(new Date("2026-10-25T23:00:00.000Z"))).toEqual({ y: 2026, m: 10, d: 26 });
  });
});

describe("parisDay d'une date invalide", () => {
  it("rend des champs NaN, comme TZDate, sans lever d'erreur", () => {
    expect(parisDay(new Date(Number.NaN))).toEqual({ y: Number.NaN, m: Number.NaN, d: Number.NaN });
  });
});

describe("addParisDays", () => {
  afterEach(() => {
    vi.unstubAllEnvs();
  });

  it("is date-fns's addDays in Paris (@date-fns/tz, in a UTC process), landing around every change of Paris's offset from 1977 to 2100, skipped and repeated hours included, in any process zone", () => {
    // The reference in a UTC process: TZDate resolves Paris's ambiguous autumn hour by the process's
    // zone (the summer-time instant under Pacific/Auckland); addParisDays does not.
    vi.stubEnv("TZ", "UTC");
    const paris = tz("Europe/Paris");
    const changes = tzScan("Europe/Paris", { start: new Date(Date.UTC(1977, 0, 1)), end: new Date(Date.UTC(2100, 0, 1)) });
    expect(changes.length).toBeGreaterThan(200);
    const cases: { at: Date; days: number; want: string }[] = [];
    for (const c of changes) {
      for (const days of [-2, -1, 1, 2, 7, 30]) {
        // Instants whose result lands from 2 h 30 before to 2 h 30 after the change, every 30 minutes.
        for (let minutes = -150; minutes <= 150; minutes += 30) {
          const at = new Date(c.date.getTime() - days * 86_400_000 + minutes * 60_000);
          cases.push({ at, days, want: new Date(addDays(at, days, { in: paris }).getTime()).toISOString() });
        }
      }
    }
    expect(cases.length).toBeGreaterThan(15_000);
    for (const zone of ["UTC", "America/Los_Angeles", "Pacific/Auckland"]) {
      vi.stubEnv("TZ", zone);
      for (const { at, days, want } of cases) expect(addParisDays(at, days).toISOString(), `${zone}: ${at.toISOString()} + ${days}`).toBe(want);
    }
  }, 60_000);
});

describe("parisWallClock (Excel cells)", () => {
  it("writes the Paris wall-clock time TZDate gives, to the second, at every 17 minutes of 2026 and around its changes of clocks", () => {
    const reference = (at: Date) => {
      const p = new TZDate(at.getTime(), "Europe/Paris");
      return new Date(Date.UTC(p.getFullYear(), p.getMonth(), p.getDate(), p.getHours(), p.getMinutes(), p.getSeconds())).toISOString();
    };
    const instants: Date[] = [];
    for (let t = Date.UTC(2026, 0, 1); t < Date.UTC(2027, 0, 1); t += 17 * 60_000 + 1_234) instants.push(new Date(t));
    for (const c of tzScan("Europe/Paris", { start: new Date(Date.UTC(2026, 0, 1)), end: new Date(Date.UTC(2027, 0, 1)) })) {
      for (const ms of [-3_600_000, -1_001, -1, 0, 1, 999, 3_600_000]) instants.push(new Date(c.date.getTime() + ms));
    }
    for (const at of instants) expect(parisWallClock(at).toISOString(), at.toISOString()).toBe(reference(at));
  }, 60_000);
});

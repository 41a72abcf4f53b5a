import { describe, expect, it } from "vitest";
import {
  answerDueAt, breachClock, countdownLabel, endOfParisDayAfter, nextClock, parisStartOfDay, rightsRequestClocks, type RightsClockInput,
} from "@/lib/rights/rights.rules";

const rules = { rightsRequestForwardHours: 72, rightsRequestAnswerDays: 30, controllerOrderDays: 15, breachNotifyHours: 36, franceTravailNotifyHours: 36, authorityRequestInformHours: 24 };
const base: RightsClockInput = { receivedAt: new Date("2026-01-31T10:00:00Z"), forwardedAt: null, answeredAt: null, controllerOrderAt: null, executedAt: null, status: "RECEIVED" };

describe("parisStartOfDay", () => {
  it("is 23:00 UTC the day before in winter and 22:00 UTC in summer", () => {
    expect(parisStartOfDay({ y: 2026, m: 1, d: 15 }).toISOString()).toBe("2026-01-14T23:00:00.000Z");
    expect(parisStartOfDay({ y: 2026, m: 7, d: 15 }).toISOString()).toBe("2026-07-14T22:00:00.000Z");
  });
  it("handles the days of the DST switches", () => {
    expect(parisStartOfDay({ y: 2026, m: 3, d: 29 }).toISOString()).toBe("2026-03-28T23:00:00.000Z");
    expect(parisStartOfDay({ y: 2026, m: 10, d: 25 }).toISOString()).toBe("2026-10-24T22:00:00.000Z");
  });
});

describe("answer within 30 days, across month ends", () => {
  it("received 31 January 2026 → due at the end of 2 March 2026 (Paris)", () => {
    expect(answerDueAt(new Date("2026-01-31T10:00:00Z"), rules).toISOString()).toBe("2026-03-02T22:59:59.999Z");
  });
  it("received 31 January 2028 (leap year) → due at the end of 1 March 2028", () => {
    expect(answerDueAt(new Date("2028-01-31T10:00:00Z"), rules).toISOString()).toBe("2028-03-01T22:59:59.999Z");
  });
  it("received late on 31 December in Paris (already 1 January? no: 23:30 Paris is 22:30 UTC) counts from 31 December", () => {
    expect(answerDueAt(new Date("2025-12-31T22:30:00Z"), rules).toISOString()).toBe("2026-01-30T22:59:59.999Z");
  });
  it("received just after midnight Paris on 1 February (still 31 January in UTC) counts from 1 February", () => {
    expect(answerDueAt(new Date("2026-01-31T23:30:00Z"), rules).toISOString()).toBe("2026-03-03T22:59:59.999Z");
  });
  it("received 30 April → due end of 30 May (summer time)", () => {
    expect(answerDueAt(new Date("2026-04-30T08:00:00Z"), rules).toISOString()).toBe("2026-05-30T21:59:59.999Z");
  });
});

describe("controller order executed within 15 calendar days", () => {
  it("ordered 20 February 2026 → due end of 7 March", () => {
    expect(endOfParisDayAfter(new Date("2026-02-20T09:00:00Z"), 15).toISOString()).toBe("2026-03-07T22:59:59.999Z");
  });
  it("ordered 31 December → due end of 15 January next year", () => {
    const clocks = rightsRequestClocks({ ...base, controllerOrderAt: new Date("2026-12-31T09:00:00Z") }, rules, new Date("2027-01-01T00:00:00Z"));
    expect(clocks.find((c) => c.name === "order")!.dueAt.toISOString()).toBe("2027-01-15T22:59:59.999Z");
  });
});

describe("forward within 72 hours", () => {
  it("is an exact duration from reception", () => {
    const [fwd] = rightsRequestClocks(base, rules, new Date("2026-02-01T10:00:00Z"));
    expect(fwd!.dueAt.toISOString()).toBe("2026-02-03T10:00:00.000Z");
    expect(fwd!.remainingMs).toBe(48 * 3_600_000);
    expect(fwd!.overdue).toBe(false);
    expect(countdownLabel(fwd!)).toBe("reste 2 j 0 h");
  });
  it("is overdue one minute after the deadline, and says so in words", () => {
    const [fwd] = rightsRequestClocks(base, rules, new Date("2026-02-03T10:01:00Z"));
    expect(fwd!.overdue).toBe(true);
    expect(countdownLabel(fwd!)).toBe("en retard de 1 min");
  });
  it("stops once forwarded, and records lateness", () => {
    const [fwd] = rightsRequestClocks({ ...base, forwardedAt: new Date("2026-02-04T10:00:00Z"), status: "FORWARDED" }, rules, new Date("2026-02-10T00:00:00Z"));
    expect(fwd!.remainingMs).toBeNull();
    expect(fwd!.overdue).toBe(false);
    expect(fwd!.late).toBe(true);
    expect(countdownLabel(fwd!)).toBe("fait, hors délai");
  });
});

describe("nextClock", () => {
  it("is the earliest running clock, and none once the request is answered", () => {
    const now = new Date("2026-02-05T00:00:00Z");
    const running = rightsRequestClocks({ ...base, forwardedAt: new Date("2026-02-01T00:00:00Z"), status: "FORWARDED" }, rules, now);
    expect(nextClock(running)!.name).toBe("answer");
    const answered = rightsRequestClocks({ ...base, forwardedAt: new Date("2026-02-01T00:00:00Z"), answeredAt: now, status: "ANSWERED" }, rules, now);
    expect(nextClock(answered)).toBeNull();
  });
});

describe("breach: 36 hours to notify the controller", () => {
  it("counts down from detection and is overdue after 36 h", () => {
    const detectedAt = new Date("2026-03-31T20:00:00Z");
    expect(breachClock({ detectedAt, notifiedAt: null }, rules, new Date("2026-04-01T20:00:00Z")).remainingMs).toBe(12 * 3_600_000);
    const late = breachClock({ detectedAt, notifiedAt: null }, rules, new Date("2026-04-02T08:00:01Z"));
    expect(late.dueAt.toISOString()).toBe("2026-04-02T08:00:00.000Z");
    expect(late.overdue).toBe(true);
  });
  it("stops when notified", () => {
    const c = breachClock({ detectedAt: new Date("2026-04-01T00:00:00Z"), notifiedAt: new Date("2026-04-01T10:00:00Z") }, rules, new Date("2026-05-01T00:00:00Z"));
    expect(c.overdue).toBe(false);
    expect(c.late).toBe(false);
  });
});

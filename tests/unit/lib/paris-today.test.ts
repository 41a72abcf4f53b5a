// A date field's default and `max` are today in Paris: the UTC day is still yesterday between
// midnight in Paris and midnight UTC (an interaction of today could not be dated today at 00:30).
import { describe, expect, it } from "vitest";
import { parisToday } from "@/lib/format";

describe("parisToday", () => {
  it("is the Paris day, not the UTC day, in winter and in summer", () => {
    expect(parisToday(new Date("2026-12-04T23:30:00Z"))).toBe("2026-12-05");
    expect(parisToday(new Date("2026-12-04T22:59:00Z"))).toBe("2026-12-04");
    expect(parisToday(new Date("2026-07-14T22:30:00Z"))).toBe("2026-07-15");
    expect(parisToday(new Date("2026-07-14T21:59:00Z"))).toBe("2026-07-14");
    expect(parisToday(new Date("2026-12-31T23:00:00Z"))).toBe("2027-01-01");
  });
});

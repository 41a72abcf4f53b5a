import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  addCalendarMonths,
  candidateCutoff,
  chefDeFileRetentionAction,
  companyContactRetentionAction,
  formatDay,
  jobSeekerRetentionAction,
  jobSeekerRetentionDates,
  latestContact,
  parisDay,
} from "@/lib/retention/retention.rules";
import type { RetentionRules } from "@/lib/rules/rule-set.schema";

const rules: RetentionRules = { jobSeekerArchiveMonths: 18, jobSeekerDestroyMonths: 24, companyContactDestroyMonths: 48, preArchiveNoticeDays: 30, franceTravailDestroyMonthsAfterEnd: 2, closedRightsRequestMonths: 60, breachRecordMonths: 60, auditEventMonths: 12, receiptMonthsAfterYearEnd: 60, companyNoteMonths: 48, soleTraderMonths: 48, rectificationHistoryMonths: 12, intakeRequestMonths: 3, runLeaseMinutes: 15 };

/** Noon in Paris on a calendar day (10:00 or 11:00 UTC), away from any day boundary. */
const paris = (iso: string, time = "12:00") => new Date(`${iso}T${time}:00+01:00`);
// (+01:00 is Paris winter time; in summer it is 13:00 in Paris, still the same day.)

describe("calendar arithmetic", () => {
  it("clamps the day to the end of a shorter month", () => {
    expect(formatDay(addCalendarMonths({ y: 2024, m: 8, d: 31 }, 18))).toBe("2026-02-28");
    expect(formatDay(addCalendarMonths({ y: 2022, m: 8, d: 31 }, 18))).toBe("2024-02-29");
    expect(formatDay(addCalendarMonths({ y: 2024, m: 2, d: 29 }, 24))).toBe("2026-02-28");
    expect(formatDay(addCalendarMonths({ y: 2024, m: 1, d: 31 }, 1))).toBe("2024-02-29");
    expect(formatDay(addCalendarMonths({ y: 2024, m: 12, d: 15 }, 13))).toBe("2026-01-15");
  });

  it("reads the calendar day in Europe/Paris, not UTC", () => {
    // 23:30 UTC on 31 Aug is already 1 Sep in Paris (summer time, UTC+2).
    expect(formatDay(parisDay(new Date("2024-08-31T23:30:00Z")))).toBe("2024-09-01");
    expect(formatDay(parisDay(new Date("2024-08-31T21:59:00Z")))).toBe("2024-08-31");
  });
});

describe("job seeker retention", () => {
  const last = paris("2024-03-15");

  it("keeps a job seeker active one day before 18 months", () => {
    expect(jobSeekerRetentionAction(last, "ACTIVE", rules, new Date("2025-09-14T21:30:00Z") /* 23:30 in Paris */)).toBe("NOTICE");
    expect(jobSeekerRetentionAction(last, "ACTIVE", rules, paris("2025-09-14"))).not.toBe("ARCHIVE");
  });

  it("archives on the very day 18 months are reached, whatever the hour", () => {
    expect(jobSeekerRetentionAction(last, "ACTIVE", rules, new Date("2025-09-14T22:05:00Z") /* 00:05 in Paris */)).toBe("ARCHIVE");
    expect(jobSeekerRetentionAction(last, "ACTIVE", rules, new Date("2025-09-15T21:55:00Z") /* 23:55 in Paris */)).toBe("ARCHIVE");
  });

  it("shows the record as about to go 30 days before archiving, not 31", () => {
    expect(jobSeekerRetentionDates(last, rules).noticeFrom).toEqual({ y: 2025, m: 8, d: 16 });
    expect(jobSeekerRetentionAction(last, "ACTIVE", rules, paris("2025-08-15"))).toBe("KEEP");
    expect(jobSeekerRetentionAction(last, "ACTIVE", rules, paris("2025-08-16"))).toBe("NOTICE");
  });

  it("destroys at 24 months, from the active or the archived base", () => {
    expect(jobSeekerRetentionAction(last, "ARCHIVED", rules, paris("2026-03-14"))).toBe("KEEP");
    expect(jobSeekerRetentionAction(last, "ARCHIVED", rules, paris("2026-03-15"))).toBe("DESTROY");
    // A record the job never archived (e.g. the server was down for months) goes straight to destruction.
    expect(jobSeekerRetentionAction(last, "ACTIVE", rules, paris("2026-03-15"))).toBe("DESTROY");
  });

  it("never acts twice on a destroyed record", () => {
    expect(jobSeekerRetentionAction(last, "DESTROYED", rules, paris("2030-01-01"))).toBe("KEEP");
  });

  it("handles a last contact on 31 August (end of month)", () => {
    const aug31 = paris("2024-08-31");
    expect(jobSeekerRetentionAction(aug31, "ACTIVE", rules, paris("2026-02-27"))).toBe("NOTICE");
    expect(jobSeekerRetentionAction(aug31, "ACTIVE", rules, paris("2026-02-28"))).toBe("ARCHIVE");
    expect(jobSeekerRetentionAction(aug31, "ARCHIVED", rules, paris("2026-08-30"))).toBe("KEEP");
    expect(jobSeekerRetentionAction(aug31, "ARCHIVED", rules, paris("2026-08-31"))).toBe("DESTROY");
  });

  it("handles leap years: 31 August 2022 is archived on 29 February 2024", () => {
    const aug31 = paris("2022-08-31");
    expect(jobSeekerRetentionAction(aug31, "ACTIVE", rules, paris("2024-02-28"))).toBe("NOTICE");
    expect(jobSeekerRetentionAction(aug31, "ACTIVE", rules, paris("2024-02-29"))).toBe("ARCHIVE");
  });

  it("uses the Paris day of a late-evening contact", () => {
    // 31 Aug 2024 at 23:30 in Paris is 21:30 UTC: still the 31st.
    const lateEvening = new Date("2024-08-31T21:30:00Z");
    expect(jobSeekerRetentionAction(lateEvening, "ACTIVE", rules, paris("2026-02-28", "01:00"))).toBe("ARCHIVE");
  });

  it("follows the rule set, not a constant", () => {
    const shorter = { ...rules, jobSeekerArchiveMonths: 12, jobSeekerDestroyMonths: 12 };
    expect(jobSeekerRetentionAction(last, "ACTIVE", shorter, paris("2025-03-15"))).toBe("DESTROY");
  });
});

describe("company contact retention", () => {
  const last = paris("2021-06-10");
  it("keeps a contact at 47 months and destroys it at 48", () => {
    expect(companyContactRetentionAction(last, "ACTIVE", rules, paris("2025-05-10"))).toBe("KEEP");
    expect(companyContactRetentionAction(last, "ACTIVE", rules, paris("2025-06-09"))).toBe("KEEP");
    expect(companyContactRetentionAction(last, "ACTIVE", rules, paris("2025-06-10"))).toBe("DESTROY");
    expect(companyContactRetentionAction(last, "DESTROYED", rules, paris("2030-06-10"))).toBe("KEEP");
  });

  it("counts from the latest of the contact's and the company's last contact", () => {
    expect(latestContact(null, paris("2024-01-01"), paris("2023-01-01"))).toEqual(paris("2024-01-01"));
    expect(latestContact(null, undefined)).toBeNull();
  });
});

describe("candidate cut-off (query narrowing)", () => {
  it("never excludes a record the rules would act on", () => {
    const day = fc.date({ min: new Date("2015-01-01T00:00:00Z"), max: new Date("2035-01-01T00:00:00Z"), noInvalidDate: true });
    fc.assert(
      fc.property(day, day, (lastContact, now) => {
        const action = jobSeekerRetentionAction(lastContact, "ACTIVE", rules, now);
        if (action === "ARCHIVE" || action === "DESTROY") expect(lastContact.getTime()).toBeLessThan(candidateCutoff(now, 18).getTime());
        if (action === "NOTICE") expect(lastContact.getTime()).toBeLessThan(candidateCutoff(now, 18, 30).getTime());
        if (companyContactRetentionAction(lastContact, "ACTIVE", rules, now) === "DESTROY") {
          expect(lastContact.getTime()).toBeLessThan(candidateCutoff(now, 48).getTime());
        }
      }),
      { numRuns: 2000 },
    );
  });
});

describe("chef de file retention (company heads: the company contacts' period, annex 1 art. 3.3)", () => {
  const last = paris("2022-06-15");
  it("keeps a chef de file 47 months and one day before 48 months, destroys at exactly 48", () => {
    expect(chefDeFileRetentionAction(last, "ACTIVE", rules, paris("2026-05-15"))).toBe("KEEP");
    expect(chefDeFileRetentionAction(last, "ACTIVE", rules, paris("2026-06-14"))).toBe("KEEP");
    expect(chefDeFileRetentionAction(last, "ACTIVE", rules, new Date("2026-06-14T22:05:00Z") /* 00:05 on 15 June in Paris */)).toBe("DESTROY");
    expect(chefDeFileRetentionAction(last, "ACTIVE", rules, paris("2026-06-15"))).toBe("DESTROY");
    expect(chefDeFileRetentionAction(last, "DESTROYED", rules, paris("2027-01-01"))).toBe("KEEP");
  });
  it("handles end-of-month dates: 31 October 2022 → 31 October 2026; 29 February 2024 → 29 February 2028; clamped with a 13-month period", () => {
    expect(chefDeFileRetentionAction(paris("2022-10-31"), "ACTIVE", rules, paris("2026-10-30"))).toBe("KEEP");
    expect(chefDeFileRetentionAction(paris("2022-10-31"), "ACTIVE", rules, paris("2026-10-31"))).toBe("DESTROY");
    expect(chefDeFileRetentionAction(paris("2024-02-29"), "ACTIVE", rules, paris("2028-02-28"))).toBe("KEEP");
    expect(chefDeFileRetentionAction(paris("2024-02-29"), "ACTIVE", rules, paris("2028-02-29"))).toBe("DESTROY");
    const short = { ...rules, companyContactDestroyMonths: 13 };
    expect(chefDeFileRetentionAction(paris("2025-01-31"), "ACTIVE", short, paris("2026-02-27"))).toBe("KEEP");
    expect(chefDeFileRetentionAction(paris("2025-01-31"), "ACTIVE", short, paris("2026-02-28"))).toBe("DESTROY");
  });
  it("follows the period of the rule set, not a literal", () => {
    expect(chefDeFileRetentionAction(last, "ACTIVE", { ...rules, companyContactDestroyMonths: 36 }, paris("2025-06-15"))).toBe("DESTROY");
    expect(chefDeFileRetentionAction(last, "ACTIVE", rules, paris("2025-06-15"))).toBe("KEEP");
  });
});

// Calendar correctness does not depend on the server process's zone: every computation below runs
// with TZ=UTC (production), America/Los_Angeles (behind UTC: a stored day, midnight UTC, is the
// local day before at 16:00/17:00) and Pacific/Auckland (ahead, with its own changes of clocks),
// and must give the same instants. date-fns's own addMonths, addDays, format… compute in the
// process's zone: on the code before lib/calendar-day.ts these tests failed in the two other zones
// (and, for the Paris-calendar ones, in UTC as well).
import { addDays, differenceInCalendarDays } from "date-fns";
import { afterEach, describe, expect, it, vi } from "vitest";
import { callbackDueAt } from "@/lib/callbacks/callback.rules";
import {
  addDaysUtc,
  addMonthsUtc,
  addYearsUtc,
  differenceInCalendarDaysUtc,
  differenceInYearsUtc,
  formatUtc,
} from "@/lib/calendar-day";
import { finalBilanCheck, ftBilanPeriod, intermediateBilanCheck } from "@/lib/france-travail/ft-bilan.rules";
import { parseInstant } from "@/lib/fields.schema";
import { formatDate } from "@/lib/format";
import { checkBirthDate, isYoung } from "@/lib/job-seekers/job-seeker.rules";
import { offerStaleness } from "@/lib/offers/offer.rules";
import { buildTrancheSchedule } from "@/lib/subsidy/subsidy-balance.rules";
import { deMinimisCheck, fileDeadlines } from "@/lib/subsidy/subsidy-compliance.rules";
import { terminationEffectiveDate } from "@/lib/subsidy/termination.rules";
import { computeWithholding } from "@/lib/subsidy/tranche.rules";

const day = (iso: string) => new Date(`${iso}T00:00:00.000Z`);
const iso = (d: Date | null | undefined) => d?.toISOString() ?? null;

/** Each zone, with its offset from UTC in January 2026 as getTimezoneOffset gives it (minutes). */
const ZONES = { UTC: 0, "America/Los_Angeles": 480, "Pacific/Auckland": -780 } as const;

afterEach(() => {
  vi.unstubAllEnvs();
});

/** `compute` gives `expected` with the process in each zone (Node reads TZ again when it changes). */
function expectInEveryZone<T>(compute: () => T, expected: T) {
  for (const [zone, offset] of Object.entries(ZONES)) {
    vi.stubEnv("TZ", zone);
    // The zone did change: otherwise the test would prove nothing.
    expect(new Date(Date.UTC(2026, 0, 15)).getTimezoneOffset(), zone).toBe(offset);
    expect(compute(), zone).toEqual(expected);
  }
}

describe("the unit project's zone", () => {
  it("is not UTC (vitest.config.ts): code that reads the process's zone fails in every unit test, not only here", () => {
    expect(new Date(Date.UTC(2026, 0, 15)).getTimezoneOffset()).not.toBe(0);
  });
});

describe("lib/calendar-day: date-fns on stored days, in UTC whatever the process's zone", () => {
  it("adds months with date-fns's end-of-month rule (31 January + 1 month = 28/29 February)", () => {
    expectInEveryZone(
      () => [
        addMonthsUtc(day("2026-01-31"), 1),
        addMonthsUtc(day("2024-01-31"), 1),
        addMonthsUtc(day("2026-03-31"), -1),
        // Across Auckland's change of clocks (5 April 2026): still midnight UTC.
        addMonthsUtc(day("2026-01-31"), 4),
        addMonthsUtc(day("2025-12-31"), 18),
      ].map(iso),
      ["2026-02-28", "2024-02-29", "2026-02-28", "2026-05-31", "2027-06-30"].map((d) => `${d}T00:00:00.000Z`),
    );
  });

  it("adds days and years, and counts calendar days and whole years, across the zones' changes of clocks", () => {
    expectInEveryZone(
      () => [
        iso(addDaysUtc(day("2026-03-07"), 2)), // Los Angeles: summer time on 8 March 2026
        iso(addDaysUtc(day("2026-04-04"), 2)), // Auckland: winter time on 5 April 2026
        iso(addDaysUtc(day("2026-03-30"), -30)),
        iso(addYearsUtc(day("2024-02-29"), 1)),
        iso(addYearsUtc(new Date("2026-03-10T12:00:00.000Z"), -3)),
        differenceInCalendarDaysUtc(day("2026-03-09"), day("2026-03-07")),
        differenceInCalendarDaysUtc(day("2026-04-06"), day("2026-04-04")),
        differenceInYearsUtc(day("2026-03-10"), day("2008-03-10")),
        differenceInYearsUtc(day("2026-03-09"), day("2008-03-10")),
        differenceInYearsUtc(day("2025-02-28"), day("2024-02-29")),
      ],
      [
        "2026-03-09T00:00:00.000Z",
        "2026-04-06T00:00:00.000Z",
        "2026-02-28T00:00:00.000Z",
        "2025-02-28T00:00:00.000Z",
        "2023-03-10T12:00:00.000Z",
        2, 2, 18, 17, 0,
      ],
    );
  });

  it("adds days and counts calendar days as date-fns does in UTC, at any time of day (instants every 7 h 13 min over 2026–2027)", () => {
    const instants: Date[] = [];
    for (let t = Date.UTC(2026, 0, 1); t < Date.UTC(2028, 0, 1); t += 26_000_000) instants.push(new Date(t));
    const compute = () => instants.flatMap((at, i) => {
      const other = instants[(i * 37) % instants.length]!;
      return [iso(addDaysUtc(at, (i % 61) - 30)), differenceInCalendarDaysUtc(at, other)];
    });
    vi.stubEnv("TZ", "UTC");
    const reference = instants.flatMap((at, i) => [iso(addDays(at, (i % 61) - 30)), differenceInCalendarDays(at, instants[(i * 37) % instants.length]!)]);
    expect(instants.length).toBeGreaterThan(2_000);
    expectInEveryZone(compute, reference);
  });

  it("formats a stored day as that day, in French", () => {
    expectInEveryZone(
      () => [formatUtc(day("2026-06-30"), "dd/MM/yyyy"), formatUtc(day("2026-12-01"), "MMMM yyyy"), formatUtc(day("2026-07-01"), "MMM yy")],
      ["30/06/2026", "décembre 2026", "juil. 26"],
    );
  });
});

describe("due dates on stored days, whatever the process's zone", () => {
  it("France Travail bilans: intermediate 6 months after the signature, final 1 month before the meeting, the period up to the day before the due day", () => {
    const rules = { intermediateBilanMonthsAfterSignature: 6, finalBilanMonthsBeforeMeeting: 1 };
    const now = new Date("2026-04-15T10:00:00.000Z");
    expectInEveryZone(
      () => {
        const period = ftBilanPeriod("INTERMEDIATE", { signedAt: day("2025-08-31"), endsAt: day("2027-08-30"), intermediateReportAt: null }, rules, now);
        return [
          iso(intermediateBilanCheck({ signedAt: day("2025-08-31"), intermediateReportAt: null }, rules, now).dueAt),
          iso(finalBilanCheck({ finalReviewMeetingAt: day("2026-03-31"), finalReportAt: null }, rules, now).dueAt),
          iso(period.from),
          iso(period.to),
        ];
      },
      ["2026-02-28T00:00:00.000Z", "2026-02-28T00:00:00.000Z", "2025-08-31T00:00:00.000Z", "2026-02-27T00:00:00.000Z"],
    );
  });

  it("subsidy: tranche due dates, file deadlines and their days left, termination's effective day", () => {
    const tranches = [
      { rank: 1, shareBp: 5000, label: "Avance", condition: "signature", anchor: "SIGNATURE" as const, dueMonthsAfter: 1 },
      { rank: 2, shareBp: 5000, label: "Solde", condition: "bilan", anchor: "SIGNATURE" as const, dueDaysAfter: 30 },
    ];
    const file = {
      fiscalYearEnd: day("2025-08-31"),
      financialReportReceivedAt: null,
      cadre: { notificationDate: day("2025-08-31"), teamRecruitedAt: null },
      tranches: [],
      ftFinalBilan: { meetingAt: day("2026-03-31"), reportAt: null, monthsBefore: 1 },
    };
    const deadlineRules = { financialReportMonthsAfterFiscalYearEnd: 6, teamRecruitmentMonthsAfterNotification: 6 };
    expectInEveryZone(
      () => [
        ...buildTrancheSchedule(tranches, 1000, { signedAt: day("2026-01-31") }).map((t) => iso(t.dueAt)),
        // 27 February 2026 at 23:30 UTC: already 28 February in Paris, the due day of all three.
        ...fileDeadlines(file, deadlineRules, new Date("2026-02-27T23:30:00.000Z")).map((d) => [d.kind, iso(d.dueAt), d.daysLeft]),
        iso(terminationEffectiveDate("FRANCE_TRAVAIL", "REQUEST", day("2025-11-30"), {})),
        iso(terminationEffectiveDate("FRANCE_TRAVAIL", "BREACH", day("2026-03-01"), {})),
        iso(terminationEffectiveDate("REGION", "NOTICE", day("2025-11-30"), { region: { terminationNoticeMonths: 3 } })),
      ],
      [
        "2026-02-28T00:00:00.000Z",
        "2026-03-02T00:00:00.000Z",
        ["FINANCIAL_REPORT", "2026-02-28T00:00:00.000Z", 0],
        ["TEAM_RECRUITMENT", "2026-02-28T00:00:00.000Z", 0],
        ["FT_FINAL_BILAN", "2026-02-28T00:00:00.000Z", 0],
        "2026-02-28T00:00:00.000Z",
        "2026-03-31T00:00:00.000Z",
        "2026-02-28T00:00:00.000Z",
      ],
    );
  });

  it("subsidy: the withholding's messages name the due day and the notice's day, and the de minimis window starts N years before", () => {
    const input = { fiscalYearEnd: day("2025-12-31"), financialReportReceivedAt: null, formalNoticeAt: day("2026-07-10"), awardedCents: 1_000_000, paidCents: 0 };
    const rules = { financialReportMonthsAfterFiscalYearEnd: 6, formalNoticeResponseDays: 15, financialReportWithholdingBp: 1000 };
    expectInEveryZone(
      () => {
        const pending = computeWithholding(input, rules, addMonthsUtc(day("2025-12-31"), 6), day("2026-07-20"));
        const late = computeWithholding({ ...input, formalNoticeAt: null }, rules, addMonthsUtc(day("2025-12-31"), 6), day("2026-07-20"));
        const deMinimis = deMinimisCheck({ ceilingCents: 30_000_000, years: 3 }, [], 0, new Date("2026-03-10T12:00:00.000Z"));
        return [pending.message, iso(pending.appliesFrom), late.message, iso(deMinimis.windowStart)];
      },
      [
        "Mise en demeure du 10/07/2026 : retenue applicable à partir du 25/07/2026 sans réponse.",
        "2026-07-25T00:00:00.000Z",
        "Compte rendu financier en retard depuis le 30/06/2026 : envoyer une mise en demeure avant toute retenue.",
        "2023-03-10T12:00:00.000Z",
      ],
    );
  });
});

describe("ages and delays on the Paris calendar, whatever the process's zone", () => {
  it("an age is counted from the birth day to today's day in Paris: 18 on 10 March at 00:30 in Paris (9 March 23:30 UTC)", () => {
    const now = new Date("2026-03-09T23:30:00.000Z");
    expectInEveryZone(
      () => [checkBirthDate(day("2008-03-10"), now, 18).ok, checkBirthDate(day("2008-03-11"), now, 18).ok, isYoung(day("2000-03-10"), now, 26), isYoung(day("2000-03-11"), now, 26)],
      [true, false, false, true],
    );
  });

  it("a callback's due time and an offer's staleness dates are the same Paris time N Paris days later, across the change of clocks", () => {
    // Saturday 28 March 2026 at 23:30 in Paris (UTC+1); summer time from Sunday 29 at 01:00 UTC.
    const receivedAt = new Date("2026-03-28T22:30:00.000Z");
    // Sunday 1 March 2026 at 23:30 in Paris.
    const lastActivityAt = new Date("2026-03-01T22:30:00.000Z");
    const rules = { offerStaleDays: 30, offerExpireDays: 60, offerExpiryNoticeDays: 7 };
    expectInEveryZone(
      () => {
        const s = offerStaleness(lastActivityAt, new Date("2026-03-31T10:00:00.000Z"), rules);
        return [iso(callbackDueAt(receivedAt, { numeroVertCallbackDelayDays: 2 })), iso(s.staleOn), formatDate(s.staleOn), iso(s.expiresOn), s.state];
      },
      // Monday 30 March at 23:30 in Paris (UTC+2), not Tuesday 00:30 (48 h later); the offer goes stale
      // on 31 March, the Paris day its 30 idle days are reached.
      ["2026-03-30T21:30:00.000Z", "2026-03-31T21:30:00.000Z", "31/03/2026", "2026-04-30T21:30:00.000Z", "STALE"],
    );
  });

  it("a date-time without an offset is Paris time; the hour skipped in spring moves one hour on, the autumn hour that occurs twice is winter time", () => {
    expectInEveryZone(
      () => ["2026-07-14T10:00", "2026-03-29T02:30", "2026-10-25T02:30", "2026-10-25T01:59", "2026-10-25T03:00"].map((v) => iso(parseInstant(v))),
      ["2026-07-14T08:00:00.000Z", "2026-03-29T01:30:00.000Z", "2026-10-25T01:30:00.000Z", "2026-10-24T23:59:00.000Z", "2026-10-25T02:00:00.000Z"],
    );
  });
});

// @vitest-environment jsdom
// The quick form's « Informé·e du traitement de ses données le » starts at today in Paris
// (lib/paris-day.ts), whatever zone the browser or the server renders in: it used to read the
// process's local day, so a form rendered at 00:30 in Paris by a machine on UTC or abroad was dated
// the day before (and a server render and its hydration could disagree).
import { cleanup, render, screen } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";

vi.mock("next/navigation", () => ({ useRouter: () => ({ push: vi.fn(), refresh: vi.fn(), replace: vi.fn() }) }));
// The server actions are not called here (nothing is submitted); their module is server-only.
vi.mock("@/app/(app)/demandeurs/actions", () => ({ createJobSeekerAction: vi.fn(), updateJobSeekerAction: vi.fn() }));

import { JobSeekerQuickForm } from "@/components/job-seekers/job-seeker-form";
import { parisDay } from "@/lib/paris-day";
import { parisDay as retentionParisDay } from "@/lib/retention/retention.rules";
import { parisToday } from "@/lib/format";
import { isInFuture } from "@/lib/fields.schema";

beforeEach(() => {
  // A browser (or server) far from Paris: New York, where 23:30 UTC is still the afternoon before.
  vi.stubEnv("TZ", "America/New_York");
});
afterEach(() => {
  cleanup();
  vi.useRealTimers();
  vi.unstubAllEnvs();
});

describe("« informé·e le » du formulaire rapide", () => {
  it.each([
    ["2026-12-04T23:30:00Z", "2026-12-05"], // 00:30 in Paris (winter)
    ["2026-07-14T22:30:00Z", "2026-07-15"], // 00:30 in Paris (summer)
    ["2026-12-04T12:00:00Z", "2026-12-04"],
  ])("à %s, propose le jour de Paris %s", (now, expected) => {
    vi.useFakeTimers({ now: new Date(now), toFake: ["Date"] });
    render(<JobSeekerQuickForm />);
    expect((screen.getByLabelText(/Informé·e du traitement de ses données le/) as HTMLInputElement).value).toBe(expected);
  });
});

describe("un seul « jour de Paris »", () => {
  it("le jour par défaut des champs, la rétention et « pas dans le futur » lisent le même jour", () => {
    for (const at of ["2026-03-29T00:30:00Z", "2026-10-24T22:30:00Z", "2026-12-31T23:00:00Z", "2026-12-04T22:59:00Z"]) {
      const now = new Date(at);
      const day = parisDay(now);
      expect(retentionParisDay(now)).toEqual(day);
      expect(parisToday(now)).toBe(`${day.y}-${String(day.m).padStart(2, "0")}-${String(day.d).padStart(2, "0")}`);
      // Today's Paris day (midnight UTC, the day convention) is never « in the future ».
      expect(isInFuture(new Date(`${parisToday(now)}T00:00:00Z`), now)).toBe(false);
    }
  });
});
